import { z } from 'zod';
import { AlertSchema, CameraSchema, IncidentSchema, ServicePointSchema, UnitSchema, WallSchema } from './entities';
import { MapOverlaySchema } from './overlays';
import { WallPresetSchema } from './wallPresets';

/**
 * How one kind of SMS record is kept and travels. Every place that handles records by kind
 * (the snapshot, journal events, storage tables, the SMS's state and drafts, the client's
 * reducer) is derived from this, so adding a kind is one entry here plus its commands' rules
 * (and a numbered migration that creates its table).
 */
export interface EntityKindSpec {
  /** The record's schema; every record has a string `id`. */
  readonly schema: z.ZodType<{ id: string }>;
  /** Its list in the snapshot (and its map in the SMS's state). */
  readonly snapshotKey: string;
  /** Its storage table (`id`, `data` as JSON). */
  readonly table: string;
  /** The payload field of its events that carries the whole record. */
  readonly recordKey: string;
  /** The event that carries a changed (or, without `created`, any saved) record. */
  readonly saved: string;
  /** The event that carries a record the SMS did not hold before, when it has its own. */
  readonly created?: string;
  /** The event that removes a record, with the payload field carrying its id. */
  readonly removed?: { readonly type: string; readonly idKey: string };
  /** Added to the protocol after version 1: optional in the snapshot, so an older SMS may omit it. */
  readonly additive?: boolean;
  /**
   * Its removal archives the record: it leaves the live state (the snapshot, the SMS's maps,
   * every client) but stays in storage, where the history routes find it (`GET /api/history/…`).
   * Records of other kinds are deleted by their removal.
   */
  readonly archives?: boolean;
  /**
   * A list of the record that only grows (an incident's log): the record carries its latest
   * entries in `listKey` and how many there are in all in `countKey`; storage keeps every entry,
   * numbered from 0, in `table` (`record_id`, `n`, `entry` as JSON). Each change of the record
   * must append fewer entries than the record carries, or some would be stored by no record.
   */
  readonly appendLog?: { readonly table: string; readonly listKey: string; readonly countKey: string };
}

/** A set of kinds by name: the product's is `ENTITY_KINDS`; tests may add throw-away kinds. */
export type EntityKindTable = Readonly<Record<string, EntityKindSpec>>;

/** Every kind of record the SMS keeps, by name. */
export const ENTITY_KINDS = {
  incident: {
    schema: IncidentSchema,
    snapshotKey: 'incidents',
    table: 'incidents',
    recordKey: 'incident',
    created: 'incident.created',
    saved: 'incident.updated',
    removed: { type: 'incident.archived', idKey: 'incidentId' },
    archives: true,
    appendLog: { table: 'incident_log', listKey: 'log', countKey: 'logCount' },
  },
  unit: { schema: UnitSchema, snapshotKey: 'units', table: 'units', recordKey: 'unit', saved: 'unit.status' },
  camera: {
    schema: CameraSchema,
    snapshotKey: 'cameras',
    table: 'cameras',
    recordKey: 'camera',
    saved: 'camera.updated',
  },
  alert: {
    schema: AlertSchema,
    snapshotKey: 'alerts',
    table: 'alerts',
    recordKey: 'alert',
    created: 'alert.raised',
    saved: 'alert.updated',
    removed: { type: 'alert.archived', idKey: 'alertId' },
    archives: true,
  },
  servicePoint: {
    schema: ServicePointSchema,
    snapshotKey: 'servicePoints',
    table: 'service_points',
    recordKey: 'servicePoint',
    saved: 'servicePoint.updated',
  },
  wall: {
    schema: WallSchema,
    snapshotKey: 'walls',
    table: 'walls',
    recordKey: 'wall',
    saved: 'wall.updated',
    additive: true,
  },
  wallPreset: {
    schema: WallPresetSchema,
    snapshotKey: 'wallPresets',
    table: 'wall_presets',
    recordKey: 'preset',
    saved: 'wall.presetSaved',
    removed: { type: 'wall.presetDeleted', idKey: 'presetId' },
    additive: true,
  },
  overlay: {
    schema: MapOverlaySchema,
    snapshotKey: 'overlays',
    table: 'overlays',
    recordKey: 'overlay',
    saved: 'overlay.updated',
    removed: { type: 'overlay.removed', idKey: 'overlayId' },
    additive: true,
  },
} as const satisfies EntityKindTable;

export type EntityKinds = typeof ENTITY_KINDS;
export type KindName = keyof EntityKinds;
/** The record type of each kind: `KindRecord<'incident'>` is `Incident`. */
export type KindRecord<K extends KindName> = z.infer<EntityKinds[K]['schema']>;
/** A value per kind, keyed by the kind's snapshot key (`{ incidents: …, units: …, … }`). */
export type BySnapshotKey<V extends { [K in KindName]: unknown }> = {
  [K in KindName as EntityKinds[K]['snapshotKey']]: V[K];
};
/** Every kind's records as lists: the snapshot's shape without `seq`. */
export type RecordLists = { [K in KindName]: KindRecord<K>[] };
/** Record maps by snapshot key, as the SMS's state exposes them (`state.incidents.get(id)`). */
export type RecordMaps = BySnapshotKey<{ [K in KindName]: ReadonlyMap<string, KindRecord<K>> }>;

/** The payload schema of a kind's record event: `{ [recordKey]: schema }`. */
export function recordPayload<S extends EntityKindSpec>(spec: S): z.ZodObject<{ [P in S['recordKey']]: S['schema'] }> {
  return z.object({ [spec.recordKey]: spec.schema }) as unknown as z.ZodObject<{ [P in S['recordKey']]: S['schema'] }>;
}

type SnapshotField<S extends EntityKindSpec> = S['additive'] extends true
  ? z.ZodOptional<z.ZodArray<S['schema']>>
  : z.ZodArray<S['schema']>;

/** The snapshot's record lists, one per kind (additive kinds optional). */
export function snapshotFields<T extends EntityKindTable>(
  kinds: T,
): { [K in keyof T as T[K]['snapshotKey']]: SnapshotField<T[K]> } {
  const fields = Object.values(kinds).map((k) => {
    const list = z.array(k.schema);
    return [k.snapshotKey, k.additive ? list.optional() : list];
  });
  return Object.fromEntries(fields) as { [K in keyof T as T[K]['snapshotKey']]: SnapshotField<T[K]> };
}

/** What one journal event does to the records of a kind, if it carries one. */
export type RecordChange =
  { kind: string; op: 'put'; record: { id: string } } | { kind: string; op: 'remove'; id: string };

/** Event type → the kind and operation it carries, for a kinds table. */
export function recordEventIndex(
  kinds: EntityKindTable,
): ReadonlyMap<string, { kind: string; spec: EntityKindSpec; op: 'put' | 'remove' }> {
  const index = new Map<string, { kind: string; spec: EntityKindSpec; op: 'put' | 'remove' }>();
  for (const [kind, spec] of Object.entries(kinds)) {
    index.set(spec.saved, { kind, spec, op: 'put' });
    if (spec.created) index.set(spec.created, { kind, spec, op: 'put' });
    if (spec.removed) index.set(spec.removed.type, { kind, spec, op: 'remove' });
  }
  return index;
}

/**
 * Reads the record change a journal event carries (`null` for events that carry none, such
 * as `unit.positions`). Payloads were validated against the event schemas, which are built
 * from the same table, so the fields are there.
 */
export function recordChangeOf(
  index: ReturnType<typeof recordEventIndex>,
  event: { type: string; payload: unknown },
): RecordChange | null {
  const entry = index.get(event.type);
  if (!entry) return null;
  const payload = event.payload as Record<string, unknown>;
  if (entry.op === 'remove')
    return { kind: entry.kind, op: 'remove', id: payload[entry.spec.removed!.idKey] as string };
  return { kind: entry.kind, op: 'put', record: payload[entry.spec.recordKey] as { id: string } };
}
