import { z } from 'zod';
import {
  AlertSchema,
  CallerInputSchema,
  CameraSchema,
  CustomLayoutInputSchema,
  MAX_WALL_TILES,
  WallLayoutSchema,
  WallSchema,
  GradeSchema,
  IncidentSchema,
  IncidentStatusSchema,
  IncidentTypeSchema,
  ResultCodeSchema,
  UnitSchema,
  UnitStatusSchema,
} from './entities';
import { MapOverlaySchema, OverlayDrawPayloadSchema, OverlayRemovePayloadSchema } from './overlays';
import { IdSchema, LocationInputSchema } from './primitives';
import { TourPlanInputSchema } from './tours';
import { WallPresetSavePayloadSchema, WallPresetSchema } from './wallPresets';

const TileIndex = z
  .number()
  .int()
  .min(0)
  .max(MAX_WALL_TILES - 1);
/** Why a camera is being looked at: an incident reference or free text. */
const ViewReason = z.string().trim().min(3).max(1_000);

/**
 * Every operator command: its payload and its result. Command-type names are derived
 * from this map and fixed by contract; results carry the changed records.
 */
export const CommandSchemas = {
  /** Create an incident (optionally from an alert, which becomes `converted`). */
  'incident.create': {
    payload: z.strictObject({
      type: IncidentTypeSchema,
      grade: GradeSchema,
      location: LocationInputSchema,
      summary: z.string().max(2_000),
      caller: CallerInputSchema.optional(),
      alertId: IdSchema.optional(),
    }),
    result: z.object({ incident: IncidentSchema }),
  },
  /** Add a note to an incident's log. */
  'incident.note': {
    payload: z.strictObject({ incidentId: IdSchema, text: z.string().min(1).max(10_000) }),
    result: z.object({ incident: IncidentSchema }),
  },
  /** Assign available units to an incident; they become `dispatched`. */
  'incident.assign': {
    payload: z.strictObject({ incidentId: IdSchema, unitIds: z.array(IdSchema).min(1).max(50) }),
    result: z.object({ incident: IncidentSchema, units: z.array(UnitSchema) }),
  },
  /** Move an incident to another status (closing needs `incident.close`). */
  'incident.status': {
    payload: z.strictObject({ incidentId: IdSchema, status: IncidentStatusSchema }),
    result: z.object({ incident: IncidentSchema }),
  },
  /** Regrade an incident. */
  'incident.grade': {
    payload: z.strictObject({ incidentId: IdSchema, grade: GradeSchema }),
    result: z.object({ incident: IncidentSchema }),
  },
  /** Close an incident with a result code; its units are released. */
  'incident.close': {
    payload: z.strictObject({ incidentId: IdSchema, resultCode: ResultCodeSchema }),
    result: z.object({ incident: IncidentSchema, units: z.array(UnitSchema) }),
  },
  /**
   * Link a report to an existing incident instead of creating a duplicate: an alert (which
   * becomes `converted` to it) and/or a further caller with what they said, logged as `link`.
   */
  'incident.link': {
    payload: z.strictObject({
      incidentId: IdSchema,
      alertId: IdSchema.optional(),
      caller: CallerInputSchema.optional(),
      summary: z.string().max(2_000).optional(),
    }),
    result: z.object({ incident: IncidentSchema, alert: AlertSchema.nullable() }),
  },
  /** Change a unit's status. */
  'unit.status': {
    payload: z.strictObject({ unitId: IdSchema, status: UnitStatusSchema }),
    result: z.object({ unit: UnitSchema }),
  },
  /** Acknowledge an alert. */
  'alert.acknowledge': {
    payload: z.strictObject({ alertId: IdSchema }),
    result: z.object({ alert: AlertSchema }),
  },
  /** Dismiss an alert with a reason. */
  'alert.dismiss': {
    payload: z.strictObject({ alertId: IdSchema, reason: z.string().min(1).max(1_000) }),
    result: z.object({ alert: AlertSchema }),
  },
  /**
   * Change a wall's layout (`custom` needs its cells). Every wall command's `wallId` is `wall-room`,
   * the sender's own `wall-user-<userId>` (both created on first use) or a wall that exists; any
   * other id answers `invalid`, since no sender could make it right (shared/domain/wallRules.ts).
   */
  'wall.layout': {
    payload: z.strictObject({ wallId: IdSchema, layout: WallLayoutSchema, custom: CustomLayoutInputSchema.optional() }),
    result: z.object({ wall: WallSchema }),
  },
  /** Put a camera on a tile, or clear it (`cameraId: null`). */
  'wall.tile': {
    payload: z.strictObject({
      wallId: IdSchema,
      tile: TileIndex,
      cameraId: IdSchema.nullable(),
      /** Set by the SMS for an alarm pop-up: the alert whose camera this is, until acknowledged. */
      alertId: IdSchema.nullable().optional(),
    }),
    result: z.object({ wall: WallSchema }),
  },
  /** Swap two tiles. */
  'wall.swap': {
    payload: z.strictObject({ wallId: IdSchema, a: TileIndex, b: TileIndex }),
    result: z.object({ wall: WallSchema }),
  },
  /** Show a tile full-screen, or none. */
  'wall.focus': {
    payload: z.strictObject({ wallId: IdSchema, tile: TileIndex.nullable() }),
    result: z.object({ wall: WallSchema }),
  },
  /** Designate the tile alarm pop-ups go to. */
  'wall.alarmTile': {
    payload: z.strictObject({ wallId: IdSchema, tile: TileIndex }),
    result: z.object({ wall: WallSchema }),
  },
  /**
   * "Send to wall": put these cameras on the wall's first tiles. Any operator to the room's wall and
   * their own; another's personal wall is `forbidden`, any other wall as for arranging it.
   */
  'wall.show': {
    payload: z.strictObject({ wallId: IdSchema, cameraIds: z.array(IdSchema).min(1).max(MAX_WALL_TILES) }),
    result: z.object({ wall: WallSchema }),
  },
  /** Save a wall preset as the sender's own or shared with a role; replaces one of the same name and scope. */
  'wall.presetSave': {
    payload: WallPresetSavePayloadSchema,
    result: z.object({ preset: WallPresetSchema }),
  },
  /** Delete a wall preset. */
  'wall.presetDelete': {
    payload: z.strictObject({ presetId: IdSchema }),
    result: z.object({ presetId: IdSchema }),
  },
  /** Put a preset on a wall in one change: layout, cameras and its tours. */
  'wall.presetApply': {
    payload: z.strictObject({ wallId: IdSchema, presetId: IdSchema }),
    result: z.object({ wall: WallSchema }),
  },
  /** Start a tour of the whole wall (`tile: null`) or of one tile, or stop it (`plan: null`). */
  'wall.tour': {
    payload: z.strictObject({ wallId: IdSchema, tile: TileIndex.nullable(), plan: TourPlanInputSchema.nullable() }),
    result: z.object({ wall: WallSchema }),
  },
  /** Run by the SMS's tour timer only: put the wall's tours at the step due now. */
  'wall.tourStep': {
    payload: z.strictObject({ wallId: IdSchema }),
    result: z.object({ wall: WallSchema }),
  },
  /** Move a PTZ camera: absolute pan/tilt/zoom, or a stored preset. */
  'camera.ptz': {
    payload: z.strictObject({
      cameraId: IdSchema,
      pan: z.number().min(0).lt(360).optional(),
      tilt: z.number().min(-90).max(90).optional(),
      zoom: z.number().min(1).max(30).optional(),
      preset: z.number().int().min(1).max(8).optional(),
    }),
    result: z.object({ camera: CameraSchema }),
  },
  /** Take a camera's stream off or bring it back (faults, maintenance). */
  'camera.status': {
    payload: z.strictObject({ cameraId: IdSchema, online: z.boolean() }),
    result: z.object({ camera: CameraSchema }),
  },
  /** Start viewing a camera (audited); third-party cameras, playback and snapshots need a reason. */
  'camera.view': {
    payload: z.strictObject({
      cameraId: IdSchema,
      /** Which screen: the window role and tile, e.g. `wall:3`. */
      screen: z.string().min(1).max(100),
      mode: z.enum(['live', 'playback', 'snapshot']),
      reason: ViewReason.optional(),
    }),
    result: z.object({ viewId: IdSchema, cameraId: IdSchema }),
  },
  /** Stop viewing: closes the audited view opened by `camera.view`. */
  'camera.viewEnd': {
    payload: z.strictObject({ viewId: IdSchema, cameraId: IdSchema, screen: z.string().min(1).max(100) }),
    result: z.object({ viewId: IdSchema }),
  },
  /** Draw a major-event overlay (cordon, sector, rendezvous point), or redraw one with `overlayId`. */
  'overlay.draw': {
    payload: OverlayDrawPayloadSchema,
    result: z.object({ overlay: MapOverlaySchema }),
  },
  /** Remove a major-event overlay. */
  'overlay.remove': {
    payload: OverlayRemovePayloadSchema,
    result: z.object({ overlayId: IdSchema }),
  },
} as const;

export type CommandType = keyof typeof CommandSchemas;
export type CommandPayload<T extends CommandType> = z.infer<(typeof CommandSchemas)[T]['payload']>;
export type CommandResult<T extends CommandType> = z.infer<(typeof CommandSchemas)[T]['result']>;
export const COMMAND_TYPES = Object.keys(CommandSchemas) as CommandType[];

/**
 * The envelope of socket.io event `command`. `id` is client-generated; a retry reuses it. Strict,
 * as every inbound object (the payloads above too): an unknown key answers `invalid` naming it,
 * rather than being dropped while the sender believes it was read.
 */
export const CommandEnvelopeSchema = z.strictObject({
  id: z.string().min(8).max(100),
  type: z.string().min(1).max(100),
  payload: z.unknown(),
});
export type CommandEnvelope = z.infer<typeof CommandEnvelopeSchema>;

/** A typed command as a client builds it. */
export type Command<T extends CommandType = CommandType> = { id: string; type: T; payload: CommandPayload<T> };

export const ErrorCodeSchema = z.enum([
  'invalid',
  'unauthorized',
  'forbidden',
  'not_found',
  'conflict',
  'rate_limited',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCodeSchema>;

export const CommandErrorSchema = z.object({
  code: ErrorCodeSchema,
  message: z.string(),
  /** With `rate_limited`: whole milliseconds until one more command would be accepted. */
  retryAfterMs: z.number().int().nonnegative().optional(),
});
export type CommandError = z.infer<typeof CommandErrorSchema>;

/** The acknowledgement of a command. */
export const CommandAckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({ ok: z.literal(false), error: CommandErrorSchema }),
]);
export type CommandAck<T extends CommandType = CommandType> =
  { ok: true; result: CommandResult<T> } | { ok: false; error: CommandError };
