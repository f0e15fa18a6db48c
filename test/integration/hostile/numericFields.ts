// The numeric fields of a command payload, read from its JSON Schema (input side), so the hostile
// suite reaches every numeric field of every command, including ones added later.
import { z } from 'zod';

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
      const seen = out.get(pattern(path));
      out.set(
        pattern(path),
        seen
          ? { min: Math.min(seen.min, min), max: Math.max(seen.max, max), integer: seen.integer && integer }
          : { min, max, integer },
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
