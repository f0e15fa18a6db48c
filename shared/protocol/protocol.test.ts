import {
  CommandEnvelopeSchema,
  CommandSchemas,
  EventEnvelopeSchema,
  IncidentSchema,
  SessionResponseSchema,
  SnapshotSchema,
} from './index';

const incident = {
  id: 'inc-1',
  ref: 'CAD-2026-000001',
  type: 'theft',
  grade: 3,
  status: 'open',
  location: { lon: -0.0915, lat: 51.5133, address: 'Cheapside', ward: 'Cheap' },
  caller: null,
  summary: 'Phone snatched',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedAt: '2026-11-25T10:00:00.000Z',
  closedAt: null,
  resultCode: null,
  unitIds: [],
  cameraIds: [],
  alertIds: [],
  log: [],
};

describe('protocol schemas', () => {
  it('accepts a well-formed incident', () => {
    expect(IncidentSchema.parse(incident)).toEqual(incident);
  });

  it('rejects a grade outside 1-4 and a malformed reference', () => {
    expect(IncidentSchema.safeParse({ ...incident, grade: 5 }).success).toBe(false);
    expect(IncidentSchema.safeParse({ ...incident, ref: 'CAD-26-1' }).success).toBe(false);
  });

  it('parses event envelopes by type and rejects mismatched payloads', () => {
    const event = { seq: 7, ts: 1_764_064_800_000, type: 'incident.created', payload: { incident } };
    expect(EventEnvelopeSchema.parse(event).type).toBe('incident.created');
    expect(EventEnvelopeSchema.safeParse({ ...event, type: 'unit.positions' }).success).toBe(false);
    expect(EventEnvelopeSchema.safeParse({ ...event, seq: 0 }).success).toBe(false);
    expect(EventEnvelopeSchema.safeParse({ ...event, type: 'incident.exploded' }).success).toBe(false);
  });

  it('validates command payloads, including the note length limit', () => {
    const note = CommandSchemas['incident.note'].payload;
    expect(note.safeParse({ incidentId: 'inc-1', text: 'x' }).success).toBe(true);
    expect(note.safeParse({ incidentId: 'inc-1', text: '' }).success).toBe(false);
    expect(note.safeParse({ incidentId: 'inc-1', text: 'x'.repeat(10_001) }).success).toBe(false);
  });

  it('requires a client id of reasonable length on every command', () => {
    expect(CommandEnvelopeSchema.safeParse({ id: 'short', type: 'incident.note', payload: {} }).success).toBe(false);
    expect(CommandEnvelopeSchema.safeParse({ id: 'a'.repeat(36), type: 'incident.note', payload: {} }).success).toBe(
      true,
    );
  });

  it('describes session and snapshot answers', () => {
    expect(
      SessionResponseSchema.safeParse({
        token: 't',
        user: { id: 'u1', username: 'dispatcher', role: 'dispatcher' },
        protocolVersion: 1,
      }).success,
    ).toBe(true);
    expect(
      SnapshotSchema.safeParse({ seq: 0, incidents: [], units: [], cameras: [], alerts: [], servicePoints: [] })
        .success,
    ).toBe(true);
  });
});
