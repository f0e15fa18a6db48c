import type { EntityKindTable, RecordMaps, Snapshot } from '../../shared/protocol';
import type { RecordChanges } from '../storage/storage';
import type { KindMaps } from './draft';

type AnyRecord = { id: string };
type Lists = Readonly<Record<string, readonly AnyRecord[] | undefined>>;

/**
 * The SMS's records in memory, one map per kind of the kinds table. Maps are updated in place,
 * so the readers handed out once stay current.
 */
export class RecordState {
  private readonly maps: Record<string, Map<string, AnyRecord>>;

  constructor(
    private readonly kinds: EntityKindTable,
    loaded: Lists,
  ) {
    this.maps = Object.fromEntries(
      Object.keys(kinds).map((kind) => [kind, new Map((loaded[kind] ?? []).map((r) => [r.id, r]))]),
    );
  }

  /** Each kind's map by kind name, as drafts read them. */
  get byKind(): KindMaps {
    return this.maps;
  }

  /** Each kind's map by snapshot key (`incidents`, `units`, …), as the SMS's state exposes them. */
  bySnapshotKey(): RecordMaps {
    return Object.fromEntries(
      Object.entries(this.kinds).map(([kind, spec]) => [spec.snapshotKey, this.maps[kind]]),
    ) as unknown as RecordMaps;
  }

  size(kind: string): number {
    return this.maps[kind]?.size ?? 0;
  }

  /** Applies committed changes: upserts, then removals. */
  apply(changes: RecordChanges): void {
    const put = (changes.put ?? {}) as Lists;
    const removed = (changes.removed ?? {}) as Readonly<Record<string, readonly string[] | undefined>>;
    for (const [kind, map] of Object.entries(this.maps)) {
      for (const r of put[kind] ?? []) map.set(r.id, r);
      for (const id of removed[kind] ?? []) map.delete(id);
    }
  }

  /** Every record as the snapshot's lists. */
  lists(): Omit<Snapshot, 'seq'> {
    return Object.fromEntries(
      Object.entries(this.kinds).map(([kind, spec]) => [spec.snapshotKey, [...(this.maps[kind]?.values() ?? [])]]),
    ) as unknown as Omit<Snapshot, 'seq'>;
  }
}
