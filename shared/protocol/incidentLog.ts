import { z } from 'zod';
import { IdSchema, QueryIntSchema } from './primitives';
import { LogEntrySchema } from './entities';

/**
 * Most log entries an incident record carries (`Incident.log`): the latest ones. Every
 * `incident.updated` carries the whole record, so a log without a bound made each note on a long
 * incident cost its whole history again (quadratic). The full log is read with
 * `GET /api/incidents/:id/log`.
 */
export const INCIDENT_LOG_TAIL = 50;

/**
 * Most characters of entry text the carried entries hold together: 50 notes of 10,000 characters
 * would still make every update of that incident half a megabyte, so long notes shorten the tail
 * (it always holds at least the latest entry, and with notes of at most 10,000 characters at least
 * ten entries).
 */
export const INCIDENT_LOG_TAIL_CHARS = 100_000;

/** Most entries one answer of the log route gives; it gives 200 unless asked. */
export const INCIDENT_LOG_PAGE_MAX = 500;
export const INCIDENT_LOG_PAGE_DEFAULT = 200;

/** Query of `GET /api/incidents/:id/log`: entries numbered below `before` (default: all), at most `limit`. */
export const IncidentLogQuerySchema = z.strictObject({
  before: QueryIntSchema.optional().describe('Entries numbered below this (default: the total, so the latest ones).'),
  limit: QueryIntSchema.pipe(z.number().min(1).max(INCIDENT_LOG_PAGE_MAX))
    .optional()
    .describe(`At most this many entries (1 to ${INCIDENT_LOG_PAGE_MAX}, default ${INCIDENT_LOG_PAGE_DEFAULT}).`),
});
export type IncidentLogQuery = z.infer<typeof IncidentLogQuerySchema>;

/** One entry of an incident's full log with its number: 0 is the first entry ever written. */
export const NumberedLogEntrySchema = LogEntrySchema.extend({ n: z.number().int().nonnegative() });
export type NumberedLogEntry = z.infer<typeof NumberedLogEntrySchema>;

/**
 * Answer of `GET /api/incidents/:id/log`: the latest `limit` entries numbered below `before`,
 * oldest first. An answer holds about a megabyte of entries at most, so long notes give fewer
 * than `limit`; the earlier ones come with `before` set to the first entry's `n`.
 */
export const IncidentLogResponseSchema = z.object({
  incidentId: IdSchema,
  /** Entries the incident has in all (its `logCount`). */
  total: z.number().int().nonnegative(),
  entries: z.array(NumberedLogEntrySchema),
});
export type IncidentLogResponse = z.infer<typeof IncidentLogResponseSchema>;
