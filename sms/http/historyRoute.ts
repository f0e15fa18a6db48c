import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  AlertHistoryQuerySchema,
  IdSchema,
  IncidentHistoryQuerySchema,
  IsoTimeSchema,
  type Alert,
  type AlertHistoryResponse,
  type Incident,
  type IncidentHistoryResponse,
} from '../../shared/protocol';
import { describeIssues } from '../core/issues';
import type { HistoryPage, HistoryPosition, HistorySearch } from '../storage/storage';
import { sendError } from './errors';

/**
 * Records one page reads at most: a free-text search that matches few of them answers fewer items
 * and a cursor to go on, so no request reads the whole history on the event loop (a few ms).
 */
export const HISTORY_SCAN_ROWS = 500;

/**
 * About as many characters of records as one page holds (always at least one): an incident may
 * carry up to 100,000 characters of its log, and 200 of them would be 20 MB to parse and send.
 */
export const HISTORY_PAGE_CHARS = 2_000_000;

/** What the routes need. */
export interface HistoryRouteDeps {
  /** Whether the request carries a valid bearer token (any role reads the history). */
  signedIn(req: FastifyRequest): boolean;
  /** Storage.searchHistory. */
  search(kind: 'incident' | 'alert', search: HistorySearch): HistoryPage;
}

/** What a cursor carries: where the page ended and a fingerprint of the search it belongs to. */
const CursorSchema = z.strictObject({ at: IsoTimeSchema, id: IdSchema, f: z.string().regex(/^[0-9a-f]{16}$/) });

type Filters = { [K in 'q' | 'from' | 'to' | 'ward' | 'type']?: string | undefined };

/** Ties a cursor to its search: a cursor used with other parameters answers `invalid`, not another search's page. */
function fingerprint(kind: string, f: Filters): string {
  const key = JSON.stringify([kind, f.q ?? null, f.from ?? null, f.to ?? null, f.ward ?? null, f.type ?? null]);
  return createHash('sha256').update(key).digest('hex').slice(0, 16);
}

function encodeCursor(position: HistoryPosition, f: string): string {
  return Buffer.from(JSON.stringify({ at: position.at, id: position.id, f })).toString('base64url');
}

function decodeCursor(cursor: string): z.infer<typeof CursorSchema> | null {
  try {
    const parsed = CursorSchema.safeParse(JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
}

/** A reference the search matches exactly: an incident's `CAD-yyyy-nnnnnn`, an alert's id. */
const REFERENCE = { incident: /^CAD-\d{4}-\d{6}$/i, alert: /^alert-\d{6,}$/i } as const;

/** Normalised ISO time (milliseconds, `Z`), which the store compares as text. */
const iso = (t: string) => new Date(t).toISOString();

/**
 * `GET /api/history/incidents` and `GET /api/history/alerts`: every incident or alert the SMS
 * holds, live and archived (closed incidents and handled alerts leave the live state after
 * `--archive-after-hours`), newest first by when they happened, filtered by reference or text,
 * time, ward and type, paged with an opaque cursor.
 */
export function registerHistoryRoutes(app: FastifyInstance, deps: HistoryRouteDeps): void {
  /** A page with its cursor for the client. */
  type Answered = { page: HistoryPage; cursor: string | null };
  const answered = (x: Answered | FastifyReply): x is Answered => 'page' in x;
  const handle = (
    kind: 'incident' | 'alert',
    schema: typeof IncidentHistoryQuerySchema | typeof AlertHistoryQuerySchema,
    req: FastifyRequest,
    reply: FastifyReply,
  ): Answered | FastifyReply => {
    if (!deps.signedIn(req)) return sendError(reply, 401, 'unauthorized', 'A valid bearer token is required.');
    const parsed = schema.safeParse(req.query);
    if (!parsed.success) return sendError(reply, 400, 'invalid', `Invalid query: ${describeIssues(parsed.error)}`);
    const { cursor, limit, ...given } = parsed.data;
    const filters: Filters = {
      ...given,
      ...(given.from === undefined ? {} : { from: iso(given.from) }),
      ...(given.to === undefined ? {} : { to: iso(given.to) }),
    };
    if (filters.from !== undefined && filters.to !== undefined && filters.from > filters.to) {
      return sendError(reply, 400, 'invalid', 'Invalid query: from is after to.');
    }
    const f = fingerprint(kind, filters);
    let after: HistoryPosition | undefined;
    if (cursor !== undefined) {
      const position = decodeCursor(cursor);
      if (position === null) return sendError(reply, 400, 'invalid', 'Invalid query: cursor: not one the SMS gave.');
      if (position.f !== f) {
        return sendError(reply, 400, 'invalid', 'Invalid query: cursor: it belongs to a search with other parameters.');
      }
      after = { at: position.at, id: position.id };
    }
    const q = filters.q?.trim();
    const reference = q !== undefined && REFERENCE[kind].test(q);
    const search: HistorySearch = {
      limit,
      scan: HISTORY_SCAN_ROWS,
      maxChars: HISTORY_PAGE_CHARS,
      ...(q === undefined || q === ''
        ? {}
        : reference
          ? { ref: kind === 'incident' ? q.toUpperCase() : q.toLowerCase() }
          : { text: q }),
      ...(filters.from === undefined ? {} : { from: filters.from }),
      ...(filters.to === undefined ? {} : { to: filters.to }),
      ...(filters.ward === undefined ? {} : { ward: filters.ward }),
      ...(filters.type === undefined ? {} : { type: filters.type }),
      ...(after === undefined ? {} : { after }),
    };
    const page = deps.search(kind, search);
    return { page, cursor: page.next && encodeCursor(page.next, f) };
  };

  app.get('/api/history/incidents', async (req, reply) => {
    const answer = handle('incident', IncidentHistoryQuerySchema, req, reply);
    if (!answered(answer)) return answer;
    // Records were validated when they were stored.
    const body: IncidentHistoryResponse = {
      items: answer.page.items.map((x) => ({ incident: x.record as Incident, archived: x.archived })),
      nextCursor: answer.cursor,
    };
    return body;
  });

  app.get('/api/history/alerts', async (req, reply) => {
    const answer = handle('alert', AlertHistoryQuerySchema, req, reply);
    if (!answered(answer)) return answer;
    const body: AlertHistoryResponse = {
      items: answer.page.items.map((x) => ({ alert: x.record as Alert, archived: x.archived })),
      nextCursor: answer.cursor,
    };
    return body;
  });
}
