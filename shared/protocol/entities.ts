import { z } from 'zod';
import { BearingSchema, IdSchema, IsoTimeSchema, LocationSchema, LonLatSchema } from './primitives';
import { TileTourSchema, WallTourSchema } from './tours';

// ---------- Incidents ----------

/** UK police call grade: 1 Emergency, 2 Priority, 3 Scheduled, 4 Resolved without deployment. */
export const GradeSchema = z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]);
export type Grade = z.infer<typeof GradeSchema>;

/** Incident types drawn from the City of London policing plan's workload. */
export const IncidentTypeSchema = z.enum([
  'anti_social_behaviour',
  'theft',
  'shoplifting',
  'robbery',
  'violence_night_time_economy',
  'public_order',
  'protest',
  'suspicious_item',
  'suspected_firearm',
  'terrorism_concern',
  'vulnerable_person_bridge',
  'concern_for_welfare',
  'missing_person',
  'road_traffic_collision',
  'premises_alarm',
  'burglary',
  'hate_crime',
  'cyber_fraud_report',
]);
export type IncidentType = z.infer<typeof IncidentTypeSchema>;

/** Lifecycle of an incident; allowed moves are in `shared/domain/incidentStatus.ts`. */
export const IncidentStatusSchema = z.enum(['open', 'dispatched', 'on_scene', 'closed']);
export type IncidentStatus = z.infer<typeof IncidentStatusSchema>;

/** Why an incident was closed. */
export const ResultCodeSchema = z.enum([
  'arrest',
  'crime_report',
  'advice_given',
  'no_trace',
  'false_alarm',
  'referred_other_agency',
  'resolved_on_scene',
  'duplicate',
]);
export type ResultCode = z.infer<typeof ResultCodeSchema>;

/** What a log line records. */
export const LogKindSchema = z.enum(['created', 'note', 'status', 'assign', 'unit', 'link', 'grade', 'closed']);

/** One line of an incident's timeline. `author` is a username, or `system` for the SMS itself. */
export const LogEntrySchema = z.object({
  id: IdSchema,
  at: IsoTimeSchema,
  author: z.string().min(1).max(64),
  kind: LogKindSchema,
  text: z.string().max(10_000),
});
export type LogEntry = z.infer<typeof LogEntrySchema>;

const CALLER_FIELDS = {
  name: z.string().max(200).optional(),
  phone: z.string().max(40).optional(),
};
/** The person who reported an incident, where known. */
export const CallerSchema = z.object(CALLER_FIELDS);
export type Caller = z.infer<typeof CallerSchema>;
/**
 * A caller as a command gives it: strict, as every inbound object (a misspelt key is refused by
 * name). `CallerSchema` stays open: it is part of records, which a newer SMS may extend.
 */
export const CallerInputSchema = z.strictObject(CALLER_FIELDS);

/** An incident: the unit of work of the control room. */
export const IncidentSchema = z.object({
  id: IdSchema,
  /** Human reference, e.g. `CAD-2026-000123`. */
  ref: z.string().regex(/^CAD-\d{4}-\d{6}$/),
  type: IncidentTypeSchema,
  grade: GradeSchema,
  status: IncidentStatusSchema,
  location: LocationSchema,
  caller: CallerSchema.nullable(),
  summary: z.string().max(2_000),
  createdAt: IsoTimeSchema,
  updatedAt: IsoTimeSchema,
  closedAt: IsoTimeSchema.nullable(),
  resultCode: ResultCodeSchema.nullable(),
  unitIds: z.array(IdSchema),
  cameraIds: z.array(IdSchema),
  alertIds: z.array(IdSchema),
  /**
   * The latest entries of the log, oldest first: at most `INCIDENT_LOG_TAIL` of them and
   * `INCIDENT_LOG_TAIL_CHARS` characters of text (shared/protocol/incidentLog.ts); the whole log
   * is read with `GET /api/incidents/:id/log`.
   */
  log: z.array(LogEntrySchema),
  /**
   * Entries the log has in all, `log` being its latest ones. Added after protocol version 1:
   * absent (an older SMS, which sends the whole log) means `log.length`.
   */
  logCount: z.number().int().nonnegative().optional(),
});
export type Incident = z.infer<typeof IncidentSchema>;

// ---------- Units ----------

/** Kinds of deployable resource in the City. */
export const UnitKindSchema = z.enum([
  'foot',
  'car',
  'cycle',
  'van',
  'armed_response',
  'dog',
  'public_order',
  'project_servator',
]);
export type UnitKind = z.infer<typeof UnitKindSchema>;

/** Unit status; allowed moves are in `shared/domain/unitStatus.ts`. */
export const UnitStatusSchema = z.enum(['available', 'dispatched', 'en_route', 'on_scene', 'busy', 'off_duty']);
export type UnitStatus = z.infer<typeof UnitStatusSchema>;

/** Skills a unit carries; incident types may require some (see `shared/domain/incidentTypes.ts`). */
export const SkillSchema = z.enum([
  'firearms',
  'taser',
  'first_aid',
  'dog_handler',
  'public_order',
  'negotiator',
  'response_driver',
  'servator',
  'search',
]);
export type Skill = z.infer<typeof SkillSchema>;

/** A deployable unit (officer, crew or team). */
export const UnitSchema = z.object({
  id: IdSchema,
  callsign: z.string().min(1).max(20),
  kind: UnitKindSchema,
  status: UnitStatusSchema,
  position: LonLatSchema,
  /** Degrees clockwise from north. */
  heading: BearingSchema,
  /** Metres per second. */
  speed: z.number().min(0).max(100),
  skills: z.array(SkillSchema),
  incidentId: IdSchema.nullable(),
  updatedAt: IsoTimeSchema,
});
export type Unit = z.infer<typeof UnitSchema>;

/** One unit's position in a `unit.positions` batch. */
export const UnitPositionSchema = z.object({
  id: IdSchema,
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
  heading: BearingSchema,
  speed: z.number().min(0).max(100),
});
export type UnitPosition = z.infer<typeof UnitPositionSchema>;

// ---------- Cameras ----------

/** Who operates a camera; third-party premises cameras need a reason to view. */
export const CameraOwnerSchema = z.enum(['city_police', 'corporation', 'tfl', 'third_party']);
export type CameraOwner = z.infer<typeof CameraOwnerSchema>;

/** Live pan/tilt/zoom of a PTZ camera. Pan is a compass bearing; zoom 1 is widest. */
export const PtzStateSchema = z.object({
  pan: BearingSchema,
  tilt: z.number().min(-90).max(90),
  zoom: z.number().min(1).max(30),
});
export type PtzState = z.infer<typeof PtzStateSchema>;

/** HLS stream of a camera; `url` is absolute or relative to the SMS origin. */
export const StreamSchema = z.object({
  url: z.string().min(1).max(500),
  /** RFC 6381 codec string as in the playlist, e.g. `avc1.64001f` or `hvc1.1.6.L93.B0`. */
  codec: z.string().min(1).max(100),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
});
export type Stream = z.infer<typeof StreamSchema>;

/** A CCTV camera with its field of view. */
export const CameraSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  owner: CameraOwnerSchema,
  position: LonLatSchema,
  /** Direction the camera faces (for PTZ cameras, the current pan). */
  bearing: BearingSchema,
  /** Horizontal field of view in degrees. */
  fov: z.number().gt(0).max(360),
  /** Useful viewing distance in metres. */
  range: z.number().positive().max(5_000),
  ptz: z.boolean(),
  ptzState: PtzStateSchema.nullable(),
  online: z.boolean(),
  streams: z.object({ main: StreamSchema, sub: StreamSchema }),
});
export type Camera = z.infer<typeof CameraSchema>;

// ---------- Alerts ----------

/** Where an alert came from. */
export const AlertSourceSchema = z.enum([
  'video_analytics',
  'service_point_call',
  'anpr',
  'premises_alarm',
  'emergency_button',
]);
export type AlertSource = z.infer<typeof AlertSourceSchema>;

/** Alert priority, most urgent first. */
export const AlertPrioritySchema = z.enum(['critical', 'high', 'medium', 'low']);
export type AlertPriority = z.infer<typeof AlertPrioritySchema>;

export const AlertStatusSchema = z.enum(['raised', 'acknowledged', 'dismissed', 'converted']);
export type AlertStatus = z.infer<typeof AlertStatusSchema>;

/** Something the room must look at: analytics, a call, a hit or an alarm. */
export const AlertSchema = z.object({
  id: IdSchema,
  source: AlertSourceSchema,
  /** Source-specific kind, e.g. `loitering`, `wanted_vehicle`, `intruder`. */
  kind: z.string().min(1).max(100),
  priority: AlertPrioritySchema,
  status: AlertStatusSchema,
  location: LocationSchema,
  detail: z.string().max(2_000),
  cameraId: IdSchema.nullable(),
  servicePointId: IdSchema.nullable(),
  unitId: IdSchema.nullable(),
  incidentId: IdSchema.nullable(),
  raisedAt: IsoTimeSchema,
  acknowledgedAt: IsoTimeSchema.nullable(),
  acknowledgedBy: z.string().max(64).nullable(),
  dismissReason: z.string().max(1_000).nullable(),
});
export type Alert = z.infer<typeof AlertSchema>;

// ---------- Digital Service Points ----------

export const ServicePointStatusSchema = z.enum(['idle', 'in_call', 'offline', 'fault']);
export type ServicePointStatus = z.infer<typeof ServicePointStatusSchema>;

/** A Digital Service Point: a modern police box where the public can call for service. */
export const ServicePointSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(200),
  location: LocationSchema,
  status: ServicePointStatusSchema,
  cameraId: IdSchema.nullable(),
});
export type ServicePoint = z.infer<typeof ServicePointSchema>;

// ---------- Audit ----------

/** One audited action: who did what, when, to what, with which result and reason. */
export const AuditRecordSchema = z.object({
  id: IdSchema,
  at: IsoTimeSchema,
  userId: IdSchema,
  username: z.string().max(64),
  role: z.string().max(32),
  /** Command type (`incident.create`…), `session.login`, `camera.view`… */
  action: z.string().min(1).max(100),
  targetId: IdSchema.nullable(),
  /** `ok` or an error code. */
  result: z.string().max(32),
  reason: z.string().max(1_000).nullable(),
  detail: z.string().max(20_000),
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

// ---------- Video walls ----------

/** Tile arrangements of a video wall; `custom` takes its cells from `Wall.custom`. */
export const WallLayoutSchema = z.enum(['1x1', '2x2', '3x3', '4x4', '1+5', '1+7', '2+8', 'custom']);
export type WallLayout = z.infer<typeof WallLayoutSchema>;

/** Most tiles any layout has. */
export const MAX_WALL_TILES = 16;

const WALL_CELL_FIELDS = {
  col: z.number().int().min(0).max(11),
  row: z.number().int().min(0).max(11),
  width: z.number().int().min(1).max(12),
  height: z.number().int().min(1).max(12),
};
/** One cell of a custom layout, in grid cells from the top left. */
export const WallCellSchema = z.object(WALL_CELL_FIELDS);
export type WallCell = z.infer<typeof WallCellSchema>;

const GRID_FIELDS = {
  columns: z.number().int().min(1).max(12),
  rows: z.number().int().min(1).max(12),
};
/** A custom layout: a grid and the cells placed on it (one tile per cell). */
export const CustomLayoutSchema = z.object({
  ...GRID_FIELDS,
  cells: z.array(WallCellSchema).min(1).max(MAX_WALL_TILES),
});
export type CustomLayout = z.infer<typeof CustomLayoutSchema>;
/** A custom layout as a command gives it: strict at every depth (records keep `CustomLayoutSchema`, open). */
export const CustomLayoutInputSchema = z.strictObject({
  ...GRID_FIELDS,
  cells: z.array(z.strictObject(WALL_CELL_FIELDS)).min(1).max(MAX_WALL_TILES),
});

/** What one tile shows; `alertId` marks an alarm pop-up, highlighted until the alert is acknowledged. */
export const WallTileSchema = z.object({
  cameraId: IdSchema.nullable(),
  alertId: IdSchema.nullable(),
  /** The tile's own tour, if it is touring (additive: absent when not). */
  tour: TileTourSchema.optional(),
});
export type WallTile = z.infer<typeof WallTileSchema>;

/** A shared video wall (the room's wall is `wall-room`): layout and what each tile shows. */
export const WallSchema = z.object({
  id: IdSchema,
  name: z.string().min(1).max(100),
  layout: WallLayoutSchema,
  custom: CustomLayoutSchema.nullable(),
  /** Always `MAX_WALL_TILES` long; a layout shows the first N. */
  tiles: z.array(WallTileSchema).length(MAX_WALL_TILES),
  /** Tile an alert's camera pops up on. */
  alarmTile: z
    .number()
    .int()
    .min(0)
    .max(MAX_WALL_TILES - 1),
  /** Tile shown full-screen, if any. */
  focusedTile: z
    .number()
    .int()
    .min(0)
    .max(MAX_WALL_TILES - 1)
    .nullable(),
  updatedAt: IsoTimeSchema,
  updatedBy: z.string().max(64),
  /** The whole wall's tour, if it is touring (additive: absent or null when not). */
  tour: WallTourSchema.nullable().optional(),
});
export type Wall = z.infer<typeof WallSchema>;
