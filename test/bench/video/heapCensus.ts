// A census of a V8 heap snapshot by constructor (count and self size), and the difference of two,
// so a soak can say WHAT grows rather than only how much. Reads the `.heapsnapshot` JSON that
// CDP's HeapProfiler.takeHeapSnapshot streams.

/** Objects of one kind in a heap: how many and their own (shallow) bytes. */
export interface CensusRow {
  count: number;
  bytes: number;
}

/** Per kind: an object's constructor name, or `(type)` for strings, arrays, code and the like. */
export type Census = Map<string, CensusRow>;

interface SnapshotJson {
  snapshot: { meta: { node_fields: string[]; node_types: unknown[] } };
  nodes: number[];
  strings: string[];
}

/** Counts the nodes of a heap snapshot by kind. */
export function heapCensus(json: string): Census {
  const snap = JSON.parse(json) as SnapshotJson;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0] as string[];
  const width = fields.length;
  const typeAt = fields.indexOf('type');
  const nameAt = fields.indexOf('name');
  const sizeAt = fields.indexOf('self_size');
  const census: Census = new Map();
  for (let i = 0; i < snap.nodes.length; i += width) {
    const type = types[snap.nodes[i + typeAt] ?? 0] ?? '?';
    const named = type === 'object' || type === 'closure' || type === 'native';
    const name = named ? (snap.strings[snap.nodes[i + nameAt] ?? 0] ?? '?').slice(0, 80) : '';
    const key = type === 'object' ? name : named ? `${type} ${name}` : `(${type})`;
    const row = census.get(key) ?? { count: 0, bytes: 0 };
    row.count += 1;
    row.bytes += snap.nodes[i + sizeAt] ?? 0;
    census.set(key, row);
  }
  return census;
}

/** What grew between two censuses, biggest byte growth first. */
export function censusGrowth(
  before: Census,
  after: Census,
  top = 15,
): { kind: string; count: number; bytes: number }[] {
  const kinds = new Set([...before.keys(), ...after.keys()]);
  return [...kinds]
    .map((kind) => ({
      kind,
      count: (after.get(kind)?.count ?? 0) - (before.get(kind)?.count ?? 0),
      bytes: (after.get(kind)?.bytes ?? 0) - (before.get(kind)?.bytes ?? 0),
    }))
    .filter((row) => row.bytes !== 0 || row.count !== 0)
    .sort((a, b) => Math.abs(b.bytes) - Math.abs(a.bytes))
    .slice(0, top);
}
