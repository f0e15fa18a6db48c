import { formatEta, recommendUnits, travelModeOf } from './recommend';
import { anIncident as incident, aUnit as unit } from '../../test/support/records';

describe('recommendations', () => {
  const firearm = incident({ type: 'suspected_firearm', grade: 1 });
  const etas: Record<string, number | null> = { a: 300, b: 60, c: 30, d: 10, e: null };
  const units = [
    unit({ id: 'a', callsign: 'TR1', kind: 'armed_response', skills: ['firearms'] }),
    unit({ id: 'b', callsign: 'TR2', kind: 'armed_response', skills: ['firearms', 'first_aid'] }),
    unit({ id: 'c', callsign: 'CW1', kind: 'foot', skills: ['first_aid'] }),
    unit({
      id: 'd',
      callsign: 'TR3',
      kind: 'armed_response',
      skills: ['firearms'],
      status: 'on_scene',
      incidentId: 'x',
    }),
    unit({ id: 'e', callsign: 'TR4', kind: 'armed_response', skills: ['firearms'] }),
  ];

  it('ranks available units carrying the required skills by travel time, leaving out unreachable ones', () => {
    const ranked = recommendUnits(firearm, units, (u) => etas[u.id] ?? null);
    expect(ranked.map((r) => r.unit.callsign)).toEqual(['TR2', 'TR1']);
    expect(ranked[0]!.etaSeconds).toBe(60);
  });

  it('takes any available unit when the type needs no skill', () => {
    const ranked = recommendUnits(incident({ type: 'theft' }), units, (u) => etas[u.id] ?? null, 2);
    expect(ranked.map((r) => r.unit.callsign)).toEqual(['CW1', 'TR2']);
  });

  it('says how each kind travels and formats ETAs', () => {
    expect(travelModeOf('foot')).toBe('foot');
    expect(travelModeOf('car')).toBe('vehicle');
    expect(formatEta(42)).toBe('42 s');
    expect(formatEta(185)).toBe('3 min');
  });
});
