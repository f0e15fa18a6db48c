import { completeCommandLine, parseCommandLine, parseIncidentType, resolveRef } from './commandLine';

const ctx = {
  incidentRefs: ['CAD-2026-000123', 'CAD-2026-000124'],
  callsigns: ['CW11', 'TR2'],
  selectedRef: 'CAD-2026-000124',
};

describe('command line', () => {
  it('resolves references by their number', () => {
    expect(resolveRef('123', ctx.incidentRefs)).toBe('CAD-2026-000123');
    expect(resolveRef('cad-2026-000124', ctx.incidentRefs)).toBe('CAD-2026-000124');
    expect(resolveRef('999', ctx.incidentRefs)).toBeNull();
  });

  it('parses new with type, grade and place', () => {
    expect(parseCommandLine('new firearm g1 @Bank junction', ctx)).toEqual({
      ok: true,
      action: { verb: 'new', type: 'suspected_firearm', grade: 1, place: 'Bank junction' },
    });
    expect(parseCommandLine('n', ctx)).toEqual({
      ok: true,
      action: { verb: 'new', type: null, grade: null, place: '' },
    });
    expect(parseIncidentType('rtc')).toBeNull();
    expect(parseIncidentType('road traffic')).toBe('road_traffic_collision');
  });

  it('assigns to the given or the selected incident', () => {
    expect(parseCommandLine('assign 123 cw11 TR2', ctx)).toEqual({
      ok: true,
      action: { verb: 'assign', incidentRef: 'CAD-2026-000123', callsigns: ['CW11', 'TR2'] },
    });
    expect(parseCommandLine('assign TR2', ctx)).toEqual({
      ok: true,
      action: { verb: 'assign', incidentRef: 'CAD-2026-000124', callsigns: ['TR2'] },
    });
    expect(parseCommandLine('assign 123 XX9', ctx)).toEqual({ ok: false, error: 'unknown callsign "XX9"' });
  });

  it('moves an incident or a unit', () => {
    expect(parseCommandLine('status 123 on scene', ctx)).toEqual({
      ok: true,
      action: { verb: 'status', target: 'incident', incidentRef: 'CAD-2026-000123', status: 'on_scene' },
    });
    expect(parseCommandLine('status TR2 busy', ctx)).toEqual({
      ok: true,
      action: { verb: 'status', target: 'unit', callsign: 'TR2', status: 'busy' },
    });
    expect(parseCommandLine('status closed', ctx).ok).toBe(false);
  });

  it('notes and closes', () => {
    expect(parseCommandLine('note 123 caller now at Bank', ctx)).toEqual({
      ok: true,
      action: { verb: 'note', incidentRef: 'CAD-2026-000123', text: 'caller now at Bank' },
    });
    expect(parseCommandLine('close arrest', ctx)).toEqual({
      ok: true,
      action: { verb: 'close', incidentRef: 'CAD-2026-000124', resultCode: 'arrest' },
    });
    expect(parseCommandLine('close 123 banana', ctx).ok).toBe(false);
  });

  it('refuses what it does not know and needs a selection when no reference is given', () => {
    expect(parseCommandLine('launch', ctx).ok).toBe(false);
    expect(parseCommandLine('note hello', { ...ctx, selectedRef: null }).ok).toBe(false);
  });

  it('completes verbs, callsigns, statuses and result codes', () => {
    expect(completeCommandLine('as', ctx)).toEqual(['assign']);
    expect(completeCommandLine('assign 123 T', ctx)).toEqual(['assign 123 TR2']);
    expect(completeCommandLine('status TR2 o', ctx)).toEqual(['status TR2 on_scene', 'status TR2 off_duty']);
    expect(completeCommandLine('close fa', ctx)).toEqual(['close false_alarm']);
  });
});
