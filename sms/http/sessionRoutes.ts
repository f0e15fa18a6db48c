import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { PROTOCOL_VERSION, SessionRequestSchema, type HttpError, type SessionResponse } from '../../shared/protocol';
import type { LoginLimits, LoginRefusal } from '../auth/loginLimits';
import type { AuthService, Issued } from '../auth/sessions';
import type { SmsCoreService } from '../core/core';
import { describeIssues } from '../core/issues';
import { sendError } from './errors';

/** What the session routes need. */
export interface SessionRouteDeps {
  core: Pick<SmsCoreService, 'audit' | 'now'>;
  auth: AuthService;
  loginLimits: LoginLimits;
}

/** Longest Authorization header value looked at; a real one is about 260 characters. */
const MAX_BEARER = 4_096;

/** The bearer token of a request, if it has one. */
export function bearer(req: FastifyRequest): string | null {
  const header = req.headers.authorization;
  const m = typeof header === 'string' ? /^Bearer ([\x21-\x7e]{1,4096})$/.exec(header.slice(0, MAX_BEARER + 8)) : null;
  return m?.[1] ?? null;
}

/** 429 with `Retry-After` (whole seconds, rounded up) and the same wait in ms in the body. */
export function sendRateLimited(reply: FastifyReply, retryAfterMs: number, message: string): FastifyReply {
  const body: HttpError = { error: { code: 'rate_limited', message, retryAfterMs } };
  return reply
    .code(429)
    .header('retry-after', String(Math.max(1, Math.ceil(retryAfterMs / 1_000))))
    .type('application/json; charset=utf-8')
    .send(body);
}

function seconds(ms: number): string {
  const s = Math.max(1, Math.ceil(ms / 1_000));
  return s === 1 ? '1 second' : `${s} seconds`;
}

function refusalMessage(r: LoginRefusal): string {
  return r.limit === 'ip'
    ? `Too many sign-in attempts from this address; try again in ${seconds(r.retryAfterMs)}.`
    : `Too many failed sign-ins for this account; try again in ${seconds(r.retryAfterMs)}.`;
}

const UNAUTHORIZED_SESSION = 'The session is not valid (signed out, ended or expired); sign in again.';

/**
 * `POST /api/session` (sign in), `POST /api/session/renew` and `DELETE /api/session` (sign out),
 * each audited (`session.login`, `session.renew`, `session.logout`).
 */
export function registerSessionRoutes(app: FastifyInstance, deps: SessionRouteDeps): void {
  const { core, auth, loginLimits } = deps;

  const answer = (issued: Issued): SessionResponse => ({
    token: issued.token,
    user: issued.user,
    protocolVersion: PROTOCOL_VERSION,
    expiresAt: new Date(issued.expiresAt).toISOString(),
  });

  const audit = (
    action: string,
    who: { userId: string; username: string; role: string },
    result: string,
    detail: Record<string, unknown>,
  ) =>
    core.audit([
      {
        at: new Date(core.now()).toISOString(),
        userId: who.userId,
        username: who.username.slice(0, 64),
        role: who.role,
        action,
        targetId: null,
        result,
        reason: null,
        detail: JSON.stringify(detail),
      },
    ]);

  app.post('/api/session', async (req, reply) => {
    const ip = req.ip;
    const now = auth.now();
    const parsed = SessionRequestSchema.safeParse(req.body);
    const attempted = parsed.success ? parsed.data.username : '';
    const anonymous = { userId: 'anonymous', username: attempted, role: 'none' };

    const refused = loginLimits.attempt(ip, parsed.success ? attempted : null, now);
    if (refused) {
      // Refusals are counted, not each written: one row per address or account a minute at most.
      const key = refused.limit === 'ip' ? ip : attempted;
      const row = loginLimits.auditRefusal(refused.limit, key, now);
      if (row) audit('session.login', anonymous, 'rate_limited', { ip, limit: refused.limit, refused: row.refused });
      return sendRateLimited(reply, refused.retryAfterMs, refusalMessage(refused));
    }
    if (!parsed.success) {
      audit('session.login', anonymous, 'invalid', { ip });
      return sendError(reply, 400, 'invalid', `Invalid login: ${describeIssues(parsed.error)}`);
    }
    const issued = await auth.login(parsed.data.username, parsed.data.password);
    if (!issued) {
      loginLimits.failed(attempted, auth.now());
      audit('session.login', anonymous, 'unauthorized', { ip });
      return sendError(reply, 401, 'unauthorized', 'Wrong username or password.');
    }
    const { user } = issued;
    audit('session.login', { userId: user.id, username: user.username, role: user.role }, 'ok', {
      ip,
      session: issued.sessionId,
    });
    return answer(issued);
  });

  app.post('/api/session/renew', async (req, reply) => {
    const renewed = auth.renew(bearer(req));
    if (!renewed.ok) return sendError(reply, 401, 'unauthorized', UNAUTHORIZED_SESSION);
    const { issued } = renewed;
    if (renewed.moved) {
      audit('session.renew', { userId: issued.user.id, username: issued.user.username, role: issued.user.role }, 'ok', {
        ip: req.ip,
        session: issued.sessionId,
        expiresAt: new Date(issued.expiresAt).toISOString(),
      });
    }
    return answer(issued);
  });

  app.delete('/api/session', async (req, reply) => {
    const ended = auth.logout(bearer(req));
    if (!ended.ok) return sendError(reply, 401, 'unauthorized', UNAUTHORIZED_SESSION);
    const s = ended.session;
    audit('session.logout', s, 'ok', { ip: req.ip, session: s.sessionId });
    return reply.code(204).send();
  });
}
