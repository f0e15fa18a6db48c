import { z } from 'zod';
import { UnitPositionSchema } from './entities';
import { IdSchema } from './primitives';
import { ENTITY_KINDS, recordPayload, type EntityKinds, type KindName } from './kinds';

const { incident, unit, alert, camera, servicePoint, wall, wallPreset, overlay } = ENTITY_KINDS;

/** The payload of a kind's removal event: `{ [idKey]: id }`. */
function removalPayload<K extends 'incident' | 'alert' | 'wallPreset' | 'overlay'>(kind: K) {
  const { idKey } = ENTITY_KINDS[kind].removed;
  return z.object({ [idKey]: IdSchema }) as unknown as z.ZodObject<{
    [P in EntityKinds[K]['removed']['idKey']]: typeof IdSchema;
  }>;
}

/**
 * Payload schema of every journal event, by type. The event-type union is derived from
 * this map: add a type here and every exhaustive switch over events stops compiling until
 * it is handled. Events that carry a record are named by the kinds table (`kinds.ts`).
 */
export const EventPayloadSchemas = {
  /** A new incident. */
  [incident.created]: recordPayload(incident),
  /** Any change to an incident (grade, status, assignment, note, link, close). */
  [incident.saved]: recordPayload(incident),
  /**
   * A closed incident left the live state, `--archive-after-hours` (default 8) after its latest
   * change: clients drop it; it stays in the SMS's database (`GET /api/history/incidents`), and
   * commands naming it answer `not_found` saying it is archived.
   */
  [incident.removed.type]: removalPayload('incident'),
  /** A unit's status or assignment changed. */
  [unit.saved]: recordPayload(unit),
  /** A batch of unit movements; the SMS sends at most one batch per tick. */
  'unit.positions': z.object({ positions: z.array(UnitPositionSchema) }),
  /** A new alert. */
  [alert.created]: recordPayload(alert),
  /** An alert was acknowledged, dismissed or converted into an incident. */
  [alert.saved]: recordPayload(alert),
  /**
   * A handled (acknowledged, dismissed or converted) alert left the live state,
   * `--archive-after-hours` (default 8) after its latest change: clients drop it; it stays in the
   * SMS's database (`GET /api/history/alerts`), and commands naming it answer `not_found`.
   */
  [alert.removed.type]: removalPayload('alert'),
  /** A camera went on or offline, or moved (PTZ). */
  [camera.saved]: recordPayload(camera),
  /** A Digital Service Point changed status. */
  [servicePoint.saved]: recordPayload(servicePoint),
  /** A video wall changed (layout, tiles, focus, alarm pop-up): the whole wall. */
  [wall.saved]: recordPayload(wall),
  /** A wall preset was saved (created or changed): the whole preset. */
  [wallPreset.saved]: recordPayload(wallPreset),
  /** A wall preset was deleted: its id. */
  [wallPreset.removed.type]: removalPayload('wallPreset'),
  /** A major-event overlay (cordon, sector, rendezvous point) was drawn or changed: the whole overlay. */
  [overlay.saved]: recordPayload(overlay),
  /** A major-event overlay was removed. */
  [overlay.removed.type]: removalPayload('overlay'),
} as const;

export type EventType = keyof typeof EventPayloadSchemas;
export type EventPayload<T extends EventType> = z.infer<(typeof EventPayloadSchemas)[T]>;
export const EVENT_TYPES = Object.keys(EventPayloadSchemas) as EventType[];

/** The journal events that carry records of kind K (saved, created, removed). */
export type KindEventType<K extends KindName> = K extends KindName
  ? | EntityKinds[K]['saved']
    | (EntityKinds[K] extends { created: infer C } ? C : never)
    | (EntityKinds[K] extends { removed: { type: infer R } } ? R : never)
  : never;
// Every event type the kinds table names must be a journal event (checked by the compiler).
const _kindEventsAreJournalEvents: KindEventType<KindName> extends EventType ? true : never = true;

const envelope = <T extends EventType>(type: T) =>
  z.object({
    /** Position in the SMS journal; strictly increasing by one across the whole SMS. */
    seq: z.number().int().positive(),
    /** When the SMS recorded the event, milliseconds since the Unix epoch. */
    ts: z.number().int().nonnegative(),
    type: z.literal(type),
    payload: EventPayloadSchemas[type],
  });

type EnvelopeSchemas = { [T in EventType]: ReturnType<typeof envelope<T>> };
const envelopeSchemas = Object.fromEntries(EVENT_TYPES.map((t) => [t, envelope(t)])) as EnvelopeSchemas;

/** A journal event as sent on socket.io event `event`. */
export const EventEnvelopeSchema = z.discriminatedUnion(
  'type',
  Object.values(envelopeSchemas) as unknown as [EnvelopeSchemas[EventType], ...EnvelopeSchemas[EventType][]],
);
export type EventEnvelope = z.infer<typeof EventEnvelopeSchema>;
export type EventOf<T extends EventType> = Extract<EventEnvelope, { type: T }>;
