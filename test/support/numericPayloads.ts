// The numeric fields of a command payload, read from its JSON Schema (input side), and a payload
// of each command that holds numbers, so the tests of extremes (in process, and the hostile suite
// over a socket) reach every numeric field of every command, including ones added later.
import { z } from 'zod';
import type { CommandType } from '../../shared/protocol';

type Json = { [key: string]: unknown };
/** A field's place in a payload; array indexes are numbers. */
export type Path = (string | number)[];

/** `a.b.*.c`: a field's path with every array index as `*`, the shape JSON Schema paths take. */
export const pattern = (path: Path) => path.map((p) => (typeof p === 'number' ? '*' : p)).join('.');

/** What a numeric field accepts (branches of a union merged to the widest). */
export interface NumericField {
  min: number;
  max: number;
  integer: boolean;
  /** Every bound any branch states (minimum, maximum, exclusive ones, const). */
  bounds: Set<number>;
}

/** The numeric fields of a payload schema, by path pattern. */
export function numericFields(schema: z.ZodType): Map<string, NumericField> {
  const out = new Map<string, NumericField>();
  const num = (n: Json, key: string) => (typeof n[key] === 'number' ? n[key] : undefined);
  const walk = (node: unknown, path: Path) => {
    if (node === null || typeof node !== 'object') return;
    const n = node as Json;
    if (n.type === 'number' || n.type === 'integer' || typeof n.const === 'number') {
      const min = num(n, 'minimum') ?? num(n, 'exclusiveMinimum') ?? num(n, 'const') ?? -Number.MAX_VALUE;
      const max = num(n, 'maximum') ?? num(n, 'exclusiveMaximum') ?? num(n, 'const') ?? Number.MAX_VALUE;
      const integer = n.type === 'integer' || typeof n.const === 'number';
      const bounds = ['minimum', 'maximum', 'exclusiveMinimum', 'exclusiveMaximum', 'const'].flatMap(
        (key) => num(n, key) ?? [],
      );
      const seen = out.get(pattern(path));
      out.set(
        pattern(path),
        seen
          ? {
              min: Math.min(seen.min, min),
              max: Math.max(seen.max, max),
              integer: seen.integer && integer,
              bounds: new Set([...seen.bounds, ...bounds]),
            }
          : { min, max, integer, bounds: new Set(bounds) },
      );
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
export function numberPaths(value: unknown, path: Path = []): Path[] {
  if (typeof value === 'number') return [path];
  if (Array.isArray(value)) return value.flatMap((v, i) => numberPaths(v, [...path, i]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => numberPaths(v, [...path, k]));
  }
  return [];
}

/** A deep copy of `payload` with the value at `path` replaced. */
export function withValue(payload: unknown, path: Path, value: unknown): unknown {
  const copy = structuredClone(payload) as Json;
  let node: Json = copy;
  for (const key of path.slice(0, -1)) node = node[key] as Json;
  node[path[path.length - 1]!] = value;
  return copy;
}

/** The records the numeric payloads name. */
export interface NumericPayloadTargets {
  incidentId: string;
  /** A camera anyone may tour (no reason needed). */
  camera: string;
  ptzCamera: string;
  wallId: string;
}

/** A point in the City (Bank junction). */
export const BANK = { lon: -0.0886, lat: 51.5134 };

/**
 * Payloads that answer `ok`, one or more per command with numbers, reaching every numeric field;
 * several where branches of the schema hold different numbers.
 */
export function numericCommandPayloads(t: NumericPayloadTargets): Partial<Record<CommandType, unknown[]>> {
  const { incidentId, camera, ptzCamera, wallId } = t;
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
  return {
    'incident.create': [{ type: 'theft', grade: 3, location: BANK, summary: 'Extremes' }],
    'incident.grade': [{ incidentId, grade: 2 }],
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
      { kind: 'rvp', name: 'Extremes RVP', geometry: { type: 'Point', coordinates: [BANK.lon, BANK.lat] } },
    ],
  };
}
