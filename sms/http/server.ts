import cors from '@fastify/cors';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import {
  AuditQuerySchema,
  PROTOCOL_VERSION,
  type AuditRecord,
  type AuditResponse,
  type HealthResponse,
  type Role,
} from '../../shared/protocol';
import type { LoginLimits } from '../auth/loginLimits';
import type { AuthService, Session } from '../auth/sessions';
import type { SmsCoreService } from '../core/core';
import { describeIssues } from '../core/issues';
import type { Logger } from '../core/log';
import type { AuditQuery } from '../storage/storage';
import { classifyError, sendError } from './errors';
import { bearer, registerSessionRoutes } from './sessionRoutes';
import { registerIncidentLogRoute, type IncidentLogRouteDeps } from './incidentLogRoute';
import { registerHistoryRoutes, type HistoryRouteDeps } from './historyRoute';

/** Largest HTTP request body accepted. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Origin of the Electron renderer (its custom scheme): always allowed to call the API. */
export const ELECTRON_APP_ORIGIN = 'jccr://app';

/** Roles that may read the audit trail. */
const AUDIT_READERS: readonly Role[] = ['admin', 'supervisor'];

/** Paths that belong to the SMS itself; everything else may be the renderer's client-side routes. */
const SERVER_PATHS = /^\/(api|hls|socket\.io)(\/|$)/;

/** What the HTTP routes need. */
export interface HttpDeps {
  core: SmsCoreService;
  auth: AuthService;
  /** Login attempts per client IP and failed ones per account. */
  loginLimits: LoginLimits;
  queryAudit(query: AuditQuery): AuditRecord[];
  /** An incident's full log, for `GET /api/incidents/:id/log` (sms/http/incidentLogRoute.ts). */
  readIncidentLog: IncidentLogRouteDeps['readLog'];
  /** An incident archived out of the live state, from storage. */
  archivedIncident: IncidentLogRouteDeps['archivedIncident'];
  /** History search over live and archived incidents and alerts (sms/http/historyRoute.ts). */
  searchHistory: HistoryRouteDeps['search'];
  /** A built renderer to serve at `/` (index.html for client-side routes), or null. */
  appDir: string | null;
  /** Origins other than the SMS's own whose pages may call `/api` (CORS), e.g. the Electron app's. */
  allowedOrigins: readonly string[];
  logger: Logger;
}

/** The REST side of the SMS: session, snapshot, audit, health, and optionally the renderer. */
export async function createHttpServer(deps: HttpDeps): Promise<FastifyInstance> {
  const { core, auth, logger } = deps;
  const app = Fastify({
    logger: false,
    bodyLimit: MAX_BODY_BYTES,
    return503OnClosing: true,
    // The router's own refusals (a malformed escape, a path parameter over 100 characters) answer
    // in the API's error shape too, not Fastify's.
    frameworkErrors: (error, _req, reply) => {
      const c = classifyError(error);
      void sendError(reply, c.status, c.code, c.message);
    },
  });
  // The API speaks JSON only: anything else is answered 415 rather than half-parsed.
  app.removeContentTypeParser('text/plain');

  const session = (req: FastifyRequest): Session | null => {
    const token = bearer(req);
    if (token === null) return null;
    const checked = auth.verify(token);
    return checked.ok ? checked.session : null;
  };

  // Pages of other origins (the Electron app's custom scheme, a configured second host) may call the
  // API with a bearer token; no cookies are used, so credentials stay off. Unknown origins get no
  // CORS headers and the browser refuses them.
  await app.register(cors, {
    origin: (origin, callback) => callback(null, origin !== undefined && deps.allowedOrigins.includes(origin)),
    methods: ['GET', 'POST', 'DELETE'],
    allowedHeaders: ['Authorization', 'Content-Type'],
    // The wait of a 429 is in its body too; the header is there for generic clients.
    exposedHeaders: ['Retry-After'],
    maxAge: 600,
  });

  app.addHook('onSend', async (req, reply, payload) => {
    reply.header('x-content-type-options', 'nosniff');
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    return payload;
  });

  app.setErrorHandler((error, req, reply) => {
    const c = classifyError(error);
    if (!c.expected) logger.error(`${req.method} ${req.url} failed`, error);
    return sendError(reply, c.status, c.code, c.message);
  });

  app.get('/api/health', async (): Promise<HealthResponse> => ({
    status: 'ok',
    seq: core.seq,
    protocolVersion: PROTOCOL_VERSION,
  }));

  // Sign in, renew, sign out (sms/http/sessionRoutes.ts).
  registerSessionRoutes(app, { core, auth, loginLimits: deps.loginLimits });

  app.get('/api/snapshot', async (req, reply) => {
    if (!session(req)) return sendError(reply, 401, 'unauthorized', 'A valid bearer token is required.');
    return core.snapshot();
  });

  app.get('/api/audit', async (req, reply) => {
    const s = session(req);
    if (!s) return sendError(reply, 401, 'unauthorized', 'A valid bearer token is required.');
    if (!AUDIT_READERS.includes(s.role))
      return sendError(reply, 403, 'forbidden', 'Only admins and supervisors read the audit.');
    const q = AuditQuerySchema.safeParse(req.query);
    if (!q.success) return sendError(reply, 400, 'invalid', `Invalid query: ${describeIssues(q.error)}`);
    const query: AuditQuery = {
      limit: q.data.limit,
      ...(q.data.action === undefined ? {} : { action: q.data.action }),
    };
    const body: AuditResponse = { records: deps.queryAudit(query) };
    return body;
  });

  registerIncidentLogRoute(app, {
    signedIn: (req) => session(req) !== null,
    incident: (id) => core.incidents.get(id),
    archivedIncident: deps.archivedIncident,
    readLog: deps.readIncidentLog,
  });

  registerHistoryRoutes(app, { signedIn: (req) => session(req) !== null, search: deps.searchHistory });

  if (deps.appDir !== null) {
    // Loaded only when there is an app to serve (it pulls in ESM-only modules Jest cannot load as-is).
    const { default: fastifyStatic } = await import('@fastify/static');
    await app.register(fastifyStatic, { root: deps.appDir, prefix: '/', wildcard: true, index: 'index.html' });
  }

  app.setNotFoundHandler((req, reply) => {
    const path = req.url.split('?')[0] ?? '/';
    if (deps.appDir !== null && (req.method === 'GET' || req.method === 'HEAD') && !SERVER_PATHS.test(path)) {
      // Client-side routes of the single-page app all load its index.html.
      return reply.header('cache-control', 'no-cache').sendFile('index.html');
    }
    return sendError(reply, 404, 'not_found', `No such resource: ${req.method} ${path.slice(0, 200)}`);
  });

  return app;
}
