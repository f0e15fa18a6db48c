import { createHash } from 'node:crypto';

/**
 * A fingerprint of a command payload: SHA-256 of its canonical JSON (object keys sorted at every
 * level, as JSON.stringify would write the rest), so the same payload sent again, with its keys
 * in any order, has the same fingerprint, and any other payload has another one.
 */
export function payloadFingerprint(payload: unknown): string {
  return createHash('sha256').update(canonicalJson(payload)).digest('hex');
}

/** JSON with object keys sorted; values JSON cannot hold become what JSON.stringify makes of them. */
export function canonicalJson(value: unknown): string {
  // A round trip through JSON applies toJSON (dates, buffers) and drops what JSON drops.
  const json = JSON.stringify(value);
  return json === undefined ? 'null' : JSON.stringify(sortKeys(JSON.parse(json) as unknown));
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (typeof value !== 'object' || value === null) return value;
  const entries = Object.entries(value).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  return Object.fromEntries(entries.map(([k, v]) => [k, sortKeys(v)]));
}
