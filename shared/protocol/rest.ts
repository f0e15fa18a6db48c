import { z } from 'zod';
import { AlertSchema, AlertSourceSchema, AuditRecordSchema, IncidentSchema, IncidentTypeSchema } from './entities';
import { ENTITY_KINDS, snapshotFields } from './kinds';
import { IsoTimeSchema, QueryIntSchema } from './primitives';
import { UserSchema } from './user';

/** Body of `POST /api/session`. Strict, as every inbound object: an unknown key answers 400 naming it. */
export const SessionRequestSchema = z.strictObject({
  username: z.string().min(1).max(64),
  password: z.string().min(1).max(200),
});
export type SessionRequest = z.infer<typeof SessionRequestSchema>;

/** 200 answer of `POST /api/session` and `POST /api/session/renew`. */
export const SessionResponseSchema = z.object({
  token: z.string().min(1),
  user: UserSchema,
  protocolVersion: z.number().int().positive(),
  /**
   * When the session ends unless renewed (ISO 8601, UTC): a shift after the login or the latest
   * renewal, never more than 7 days after the login. Absent from an SMS without server-side sessions.
   */
  expiresAt: z.iso.datetime().optional(),
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;

/**
 * Answer of `GET /api/snapshot`: the whole current state and the journal `seq` it reflects,
 * one list per kind of record (`kinds.ts`). Walls, wall presets and overlays came after
 * protocol version 1 and are optional: an older SMS sends none.
 */
export const SnapshotSchema = z.object({
  seq: z.number().int().nonnegative(),
  ...snapshotFields(ENTITY_KINDS),
});
export type Snapshot = z.infer<typeof SnapshotSchema>;

/** Body of every HTTP error answer. */
export const HttpErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    /** With `rate_limited`: whole milliseconds until one more request would be accepted (also `Retry-After`). */
    retryAfterMs: z.number().int().nonnegative().optional(),
  }),
});
export type HttpError = z.infer<typeof HttpErrorSchema>;

/** Answer of `GET /api/health` (no authentication). */
export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  seq: z.number().int().nonnegative(),
  protocolVersion: z.number().int().positive(),
});
export type HealthResponse = z.infer<typeof HealthResponseSchema>;

/** How many records `GET /api/audit` answers: `limit` from min to max, default when absent. */
export const AUDIT_LIMIT = { min: 1, max: 1_000, default: 100 } as const;

/**
 * Query of `GET /api/audit`: digits only for `limit` (no sign, exponent, hex or blanks) and no
 * other parameters, so a misspelt filter answers `invalid` rather than every record.
 */
export const AuditQuerySchema = z.strictObject({
  limit: QueryIntSchema.pipe(z.number().min(AUDIT_LIMIT.min).max(AUDIT_LIMIT.max)).default(AUDIT_LIMIT.default),
  action: z.string().min(1).max(100).optional(),
});

/** Answer of `GET /api/audit?limit=&action=` (supervisor and admin), newest first. */
export const AuditResponseSchema = z.object({ records: z.array(AuditRecordSchema) });
export type AuditResponse = z.infer<typeof AuditResponseSchema>;

/** How many records one page of `GET /api/history/…` answers: `limit` from min to max, default when absent. */
export const HISTORY_LIMIT = { min: 1, max: 200, default: 50 } as const;

/** An opaque page position handed back by the SMS: URL-safe base64 only, bounded. */
const HistoryCursorSchema = z
  .string()
  .min(1)
  .max(400)
  .regex(/^[A-Za-z0-9_-]+$/, 'expected a cursor from a previous page');

/** The parameters both history searches share. */
const historyQuery = <T extends z.ZodType<string>>(type: T) =>
  z.strictObject({
    /** A reference (an incident's `CAD-…`, an alert's id) or text found in the record. */
    q: z
      .string()
      .min(1)
      .max(200)
      // SQLite's LIKE reads a pattern up to a NUL: one would make the search match everything.
      .regex(/^[^\0]*$/, 'must not contain NUL')
      .optional(),
    /** Happened at or after this time (ISO 8601, UTC). */
    from: IsoTimeSchema.optional(),
    /** Happened before this time (ISO 8601, UTC). */
    to: IsoTimeSchema.optional(),
    /** The City ward of the record's location, exactly as records name it. */
    ward: z.string().min(1).max(100).optional(),
    type: type.optional(),
    /** `nextCursor` of the previous page, with the same other parameters. */
    cursor: HistoryCursorSchema.optional(),
    limit: QueryIntSchema.pipe(z.number().min(HISTORY_LIMIT.min).max(HISTORY_LIMIT.max)).default(HISTORY_LIMIT.default),
  });

/**
 * Query of `GET /api/history/incidents`: strict (an unknown or repeated parameter answers 400
 * naming it); `type` is an incident type; `from`/`to` bound `createdAt`.
 */
export const IncidentHistoryQuerySchema = historyQuery(IncidentTypeSchema);
export type IncidentHistoryQuery = z.infer<typeof IncidentHistoryQuerySchema>;

/** Query of `GET /api/history/alerts`: as for incidents, `type` being the alert's source and `from`/`to` bounding `raisedAt`. */
export const AlertHistoryQuerySchema = historyQuery(AlertSourceSchema);
export type AlertHistoryQuery = z.infer<typeof AlertHistoryQuerySchema>;

/**
 * A page of a history search, newest first. `archived` says whether the record has left the live
 * state (it then answers commands `not_found`). `nextCursor` is null once nothing more can match;
 * a page may hold fewer than `limit` items (even none) and still have a `nextCursor`, as each page
 * reads a bounded number of records.
 */
export const IncidentHistoryResponseSchema = z.object({
  items: z.array(z.object({ incident: IncidentSchema, archived: z.boolean() })),
  nextCursor: z.string().nullable(),
});
export type IncidentHistoryResponse = z.infer<typeof IncidentHistoryResponseSchema>;

/** A page of `GET /api/history/alerts` (see `IncidentHistoryResponseSchema`). */
export const AlertHistoryResponseSchema = z.object({
  items: z.array(z.object({ alert: AlertSchema, archived: z.boolean() })),
  nextCursor: z.string().nullable(),
});
export type AlertHistoryResponse = z.infer<typeof AlertHistoryResponseSchema>;
