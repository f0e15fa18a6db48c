import { z } from 'zod';
import {
  AlertSchema,
  AuditRecordSchema,
  CameraSchema,
  IncidentSchema,
  ServicePointSchema,
  UnitSchema,
  WallSchema,
} from './entities';
import { MapOverlaySchema } from './overlays';
import { UserSchema } from './user';
import { WallPresetSchema } from './wallPresets';

/** Body of `POST /api/session`. */
export const SessionRequestSchema = z.object({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type SessionRequest = z.infer<typeof SessionRequestSchema>;

/** 200 answer of `POST /api/session`. */
export const SessionResponseSchema = z.object({
  token: z.string().min(1),
  user: UserSchema,
  protocolVersion: z.number().int().positive(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

/** Answer of `GET /api/snapshot`: the whole current state and the journal `seq` it reflects. */
export const SnapshotSchema = z.object({
  seq: z.number().int().nonnegative(),
  incidents: z.array(IncidentSchema),
  units: z.array(UnitSchema),
  cameras: z.array(CameraSchema),
  alerts: z.array(AlertSchema),
  servicePoints: z.array(ServicePointSchema),
  /** Video walls (additive: an older SMS sends none). */
  walls: z.array(WallSchema).optional(),
  /** Wall presets, every user's and every role's (additive: an older SMS sends none). */
  wallPresets: z.array(WallPresetSchema).optional(),
  /** Major-event overlays: cordons, sectors, rendezvous points (additive: an older SMS sends none). */
  overlays: z.array(MapOverlaySchema).optional(),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** Body of every HTTP error answer. */
export const HttpErrorSchema = z.object({ error: z.object({ code: z.string(), message: z.string() }) });
export type HttpError = z.infer<typeof HttpErrorSchema>;

/** Answer of `GET /api/health` (no authentication). */
export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  seq: z.number().int().nonnegative(),
  protocolVersion: z.number().int().positive(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/** Answer of `GET /api/audit?limit=&action=` (supervisor and admin), newest first. */
export const AuditResponseSchema = z.object({ records: z.array(AuditRecordSchema) });
export type AuditResponse = z.infer<typeof AuditResponseSchema>;
