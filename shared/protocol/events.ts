import { z } from 'zod';
import {
  AlertSchema,
  CameraSchema,
  IncidentSchema,
  ServicePointSchema,
  UnitPositionSchema,
  UnitSchema,
  WallSchema,
} from './entities';
import { WallPresetSchema } from './wallPresets';
import { MapOverlaySchema } from './overlays';
import { IdSchema } from './primitives';

/**
 * Payload schema of every journal event, by type. The event-type union is derived from
 * this map: add a type here and every exhaustive switch over events stops compiling until
 * it is handled.
 */
export const EventPayloadSchemas = {
  /** A new incident. */
  'incident.created': z.object({ incident: IncidentSchema }),
  /** Any change to an incident (grade, status, assignment, note, link, close). */
  'incident.updated': z.object({ incident: IncidentSchema }),
  /** A unit's status or assignment changed. */
  'unit.status': z.object({ unit: UnitSchema }),
  /** A batch of unit movements; the SMS sends at most one batch per tick. */
  'unit.positions': z.object({ positions: z.array(UnitPositionSchema) }),
  /** A new alert. */
  'alert.raised': z.object({ alert: AlertSchema }),
  /** An alert was acknowledged, dismissed or converted into an incident. */
  'alert.updated': z.object({ alert: AlertSchema }),
  /** A camera went on or offline, or moved (PTZ). */
  'camera.updated': z.object({ camera: CameraSchema }),
  /** A Digital Service Point changed status. */
  'servicePoint.updated': z.object({ servicePoint: ServicePointSchema }),
  /** A video wall changed (layout, tiles, focus, alarm pop-up): the whole wall. */
  'wall.updated': z.object({ wall: WallSchema }),
  /** A wall preset was saved (created or changed): the whole preset. */
  'wall.presetSaved': z.object({ preset: WallPresetSchema }),
  /** A wall preset was deleted: its id. */
  'wall.presetDeleted': z.object({ presetId: IdSchema }),
  /** A major-event overlay (cordon, sector, rendezvous point) was drawn or changed: the whole overlay. */
  'overlay.updated': z.object({ overlay: MapOverlaySchema }),
  /** A major-event overlay was removed. */
  'overlay.removed': z.object({ overlayId: IdSchema }),
} as const;

export type EventType = keyof typeof EventPayloadSchemas;
export type EventPayload<T extends EventType> = z.infer<(typeof EventPayloadSchemas)[T]>;
export const EVENT_TYPES = Object.keys(EventPayloadSchemas) as EventType[];

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
