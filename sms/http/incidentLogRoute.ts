import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  INCIDENT_LOG_PAGE_DEFAULT,
  IdSchema,
  IncidentLogQuerySchema,
  type Incident,
  type IncidentLogResponse,
  type NumberedLogEntry,
} from '../../shared/protocol';
import { logCountOf } from '../../shared/domain/incidentLog';
import { describeIssues } from '../core/issues';
import type { StoredLogEntry } from '../storage/storage';
import { sendError } from './errors';

/**
 * About as many characters of entries as one answer holds (always at least one entry): 500 notes of
 * 10,000 characters would be 5 MB to read, parse and send in one go on the event loop.
 */
export const INCIDENT_LOG_ANSWER_CHARS = 1_000_000;

/** What the route needs. */
export interface IncidentLogRouteDeps {
  /** Whether the request carries a valid bearer token (any role reads incidents). */
  signedIn(req: FastifyRequest): boolean;
  /** The incident as the SMS holds it now, or undefined. */
  incident(id: string): Incident | undefined;
  /** An incident archived out of the live state (its full log stays in storage), or undefined. */
  archivedIncident(id: string): Incident | undefined;
  /** Entries of its full log numbered below `before`, the latest `limit`, oldest first (Storage.readRecordLog). */
  readLog(incidentId: string, before: number, limit: number, maxChars: number): StoredLogEntry[];
}

const ParamsSchema = z.strictObject({ id: IdSchema });

/**
 * `GET /api/incidents/:id/log?before=&limit=`: an incident's full log, which its record
 * (`incident.updated`, the snapshot) carries only the latest entries of. Pages go backwards: the
 * latest `limit` entries numbered below `before`, oldest first, `before` defaulting to all.
 */
export function registerIncidentLogRoute(app: FastifyInstance, deps: IncidentLogRouteDeps): void {
  app.get('/api/incidents/:id/log', async (req, reply) => {
    if (!deps.signedIn(req)) return sendError(reply, 401, 'unauthorized', 'A valid bearer token is required.');
    const params = ParamsSchema.safeParse(req.params);
    if (!params.success)
      return sendError(reply, 400, 'invalid', `Invalid incident id: ${describeIssues(params.error)}`);
    const query = IncidentLogQuerySchema.safeParse(req.query);
    if (!query.success) return sendError(reply, 400, 'invalid', `Invalid query: ${describeIssues(query.error)}`);
    // An archived incident's log is still the record of what was done: history search finds the
    // incident, and its log must open from there too.
    const incident = deps.incident(params.data.id) ?? deps.archivedIncident(params.data.id);
    if (!incident) return sendError(reply, 404, 'not_found', 'No incident with that id.');
    const total = logCountOf(incident);
    const before = Math.min(query.data.before ?? total, total);
    const limit = query.data.limit ?? INCIDENT_LOG_PAGE_DEFAULT;
    const entries = deps
      .readLog(incident.id, before, limit, INCIDENT_LOG_ANSWER_CHARS)
      .map((e) => ({ n: e.n, ...(e.entry as Omit<NumberedLogEntry, 'n'>) }));
    const body: IncidentLogResponse = { incidentId: incident.id, total, entries };
    return body;
  });
}
