import { z } from 'zod';
import { ROOM_WALL_ID } from '../../../shared/domain/wallRules';
import { mayTour } from '../../../shared/domain/viewPolicy';
import { COMMAND_TYPES, CommandSchemas, type CommandType } from '../../../shared/protocol';
import type { SmsCoreService } from '../../../sms/core/core';
import { actorAs, COMMAND_BOUND_MS, demoCore, timedSubmit } from '../support/demoCore';

// No command may block the event loop for more than a few milliseconds, and none may answer
// `internal`: every numeric field of every command is driven to its extremes against a core wired
// as the SMS runs it (demo world, the City's place description), and each answer is timed.
// (An incident at lon -180, lat -90 once ran the address lookup for minutes.)

type Json = { [key: string]: unknown };
type Path = (string | number)[];

/** `a.b.*.c`: a field's path with every array index as `*`, the shape JSON Schema paths take. */
const pattern = (path: Path) => path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');

/** Bounds of each numeric field of a payload schema, by path pattern (union branches merged). */
function numericFields(schema: z.ZodType): Map<string, { bounds: Set<number>; integer: boolean }> {
  const out = new Map<string, { bounds: Set<number>; integer: boolean }>();
  const walk = (node: unknown, path: Path) => {
    if (node === null || typeof node !== 'object') return;
    const n = node as Json;
    if (n.type === 'number' || n.type === 'integer') {
      const field = out.get(pattern(path)) ?? { bounds: new Set<number>(), integer: true };
      field.integer &&= n.type === 'integer' || typeof n.const === 'number';
      for (const key of ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'const']) {
        if (typeof n[key] === 'number') field.bounds.add(n[key]);
      }
      out.set(pattern(path), field);
    }
    for (const [key, value] of Object.entries((n.properties as Json | undefined) ?? {})) walk(value, [...path, key]);
    if (n.items) walk(n.items, [...path, 0]);
    ((n.prefixItems as unknown[] | undefined) ?? []).forEach((item, i) => walk(item, [...path, i]));
    for (const key of ['anyOf', 'oneOf', 'allOf']) for (const branch of (n[key] as unknown[]) ?? []) walk(branch, path);
  };
  walk(z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }), []);
  return out;
}

/** Paths of the numbers in a payload. */
function numberPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'number') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => numberPaths(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => numberPaths(v, [...path, k]));
  }
  return [];
}

/** A deep copy of `payload` with the number at `path` replaced. */
function withNumber(payload: unknown, path: Path, n: number): unknown {
  const copy = structuredClone(payload) as Json;
  let node: Json = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  node[path[path.length - 1]!] = n;
  return copy;
}

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
const bank = { lon: -0.0886, lat: 51.5134 };
const custom = {
  columns: 2,
  rows: 2,
  cells: [
    { col: 0, row: 0, width: 1, height: 1 },
    { col: 0, row: 1, width: 1, height: 1 },
    { col: 1, row: 0, width: 1, height: 2 },
  ],
};
const cameraTour = { kind: 'cameras', cameraIds: [camera], dwellSeconds: 10 };
const incident = core.execute(
  'incident.create',
  { type: 'theft', grade: 3, location: bank, summary: 'Target of the numeric extremes' },
  admin,
).incident.id;

/**
 * A payload of each command with numbers, each answering `ok`, so that values within bounds
 * reach the handlers; several where branches of the schema hold different numbers.
 */
const BASES: Partial<Record<CommandType, unknown[]>> = {
  'incident.create': [{ type: 'theft', grade: 3, location: bank, summary: 'Extremes' }],
  'incident.grade': [{ incidentId: incident, grade: 2 }],
  'wall.layout': [{ wallId, layout: 'custom', custom }],
  'wall.tile': [{ wallId, tile: 1, cameraId: camera }],
  'wall.swap': [{ wallId, a: 0, b: 1 }],
  'wall.focus': [{ wallId, tile: 0 }],
  'wall.alarmTile': [{ wallId, tile: 1 }],
  'wall.presetSave': [
    {
      name: 'Extremes',
      scope: { kind: 'user' },
      layout: 'custom',
      custom,
      tiles: [{ cameraId: camera, tour: cameraTour }],
      tour: null,
    },
    { name: 'Extremes tour', scope: { kind: 'user' }, layout: '2x2', custom: null, tiles: [], tour: cameraTour },
  ],
  'wall.tour': [{ wallId, tile: 0, plan: cameraTour }],
  'camera.ptz': [{ cameraId: ptzCamera, pan: 90, tilt: -10, zoom: 2, preset: 3 }],
  'overlay.draw': [
    {
      kind: 'cordon',
      name: 'Extremes cordon',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-0.09, 51.513],
            [-0.087, 51.513],
            [-0.087, 51.515],
            [-0.09, 51.515],
            [-0.09, 51.513],
          ],
        ],
      },
    },
    { kind: 'rvp', name: 'Extremes RVP', geometry: { type: 'Point', coordinates: [bank.lon, bank.lat] } },
  ],
};

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
              const { ack, ms } = timedSubmit(core, admin, type, withNumber(base, path, n), wire);
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
      location: bank,
      summary: 'After the extremes',
    });
    expect(ack.ok).toBe(true);
    expect(core.snapshot().incidents.length).toBeGreaterThan(1);
  });
});
