import { ROOM_WALL_ID } from '../../../shared/domain/wallRules';
import { mayTour } from '../../../shared/domain/viewPolicy';
import { COMMAND_TYPES, CommandSchemas } from '../../../shared/protocol';
import type { SmsCoreService } from '../../../sms/core/core';
import {
  BANK,
  numberPaths,
  numericCommandPayloads,
  numericFields,
  pattern,
  withValue,
} from '../../support/numericPayloads';
import { actorAs, COMMAND_BOUND_MS, demoCore, timedSubmit } from '../support/demoCore';

// No command may block the event loop for more than a few milliseconds, and none may answer
// `internal`: every numeric field of every command is driven to its extremes against a core wired
// as the SMS runs it (demo world, the City's place description), and each answer is timed.
// (An incident at lon -180, lat -90 once ran the address lookup for minutes.)

/** Beyond any field's bounds, and the values JSON cannot carry (they arrive as null over the wire). */
const ANY_FIELD = [
  0,
  -0,
  -1,
  0.5,
  1e308,
  -1e308,
  Number.MAX_VALUE,
  -Number.MAX_VALUE,
  Number.MIN_VALUE,
  -Number.MIN_VALUE,
  1e-300,
  Number.MAX_SAFE_INTEGER + 2,
  -(2 ** 60),
  NaN,
  Infinity,
  -Infinity,
];

/** Each bound, and just either side of it. */
function extremes(field: { bounds: Set<number>; integer: boolean }): number[] {
  const step = field.integer ? 1 : 1e-9;
  const values = [...field.bounds].flatMap((b) => [b, b - step, b + step, ...(field.integer ? [b + 0.5] : [])]);
  return [...values, ...ANY_FIELD];
}

const core: SmsCoreService = demoCore();
afterAll(() => core.close());
const admin = actorAs('admin');

const cameras = [...core.cameras.values()];
const ptzCamera = cameras.find((c) => c.ptz)!.id;
const camera = cameras.find(mayTour)!.id;
const wallId = ROOM_WALL_ID;
const incident = core.execute(
  'incident.create',
  { type: 'theft', grade: 3, location: BANK, summary: 'Target of the numeric extremes' },
  admin,
).incident.id;

const BASES = numericCommandPayloads({ incidentId: incident, camera, ptzCamera, wallId });

const withNumbers = COMMAND_TYPES.filter((t) => numericFields(CommandSchemas[t].payload).size > 0);

describe('numeric extremes of every command', () => {
  it('has a payload for every command with numbers, reaching every numeric field', () => {
    expect(Object.keys(BASES).sort()).toEqual([...withNumbers].sort());
    for (const type of withNumbers) {
      const driven = new Set((BASES[type] ?? []).flatMap((p) => numberPaths(p).map(pattern)));
      expect([...numericFields(CommandSchemas[type].payload).keys()].filter((f) => !driven.has(f))).toEqual([]);
    }
  });

  it('accepts each payload as it is', () => {
    for (const type of withNumbers) {
      for (const payload of BASES[type] ?? []) {
        const { ack } = timedSubmit(core, admin, type, payload);
        expect({ type, ack: ack.ok ? 'ok' : ack.error }).toEqual({ type, ack: 'ok' });
      }
    }
  });

  it.each(withNumbers)(
    '%s answers every extreme clearly (never internal) within the bound, over the wire and in process',
    (type) => {
      const fields = numericFields(CommandSchemas[type].payload);
      const problems: string[] = [];
      let sent = 0;
      for (const base of BASES[type] ?? []) {
        for (const path of numberPaths(base)) {
          for (const n of extremes(fields.get(pattern(path))!)) {
            // Over the wire NaN and the infinities arrive as null and -0 as 0; in process as they are.
            for (const wire of [true, false]) {
              const { ack, ms } = timedSubmit(core, admin, type, withValue(base, path, n), wire);
              sent++;
              const what = `${path.join('.')} = ${Object.is(n, -0) ? '-0' : String(n)}${wire ? ' (JSON)' : ''}`;
              if (ms > COMMAND_BOUND_MS) problems.push(`${what}: ${ms.toFixed(0)} ms`);
              if (!ack.ok && (ack.error.code === 'internal' || ack.error.message.trim() === '')) {
                problems.push(`${what}: ${ack.error.code} ${ack.error.message}`);
              }
              if (ack.ok && !CommandSchemas[type].result.safeParse(ack.result).success) {
                problems.push(`${what}: a result that does not match the protocol`);
              }
            }
          }
        }
      }
      expect(problems).toEqual([]);
      expect(sent).toBeGreaterThan(0);
    },
  );

  it('still answers a normal command afterwards', () => {
    const { ack } = timedSubmit(core, actorAs('dispatcher'), 'incident.create', {
      type: 'theft',
      grade: 3,
      location: BANK,
      summary: 'After the extremes',
    });
    expect(ack.ok).toBe(true);
    expect(core.snapshot().incidents.length).toBeGreaterThan(1);
  });
});
