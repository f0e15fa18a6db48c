import type { FastifyReply } from 'fastify';
import type { HttpError } from '../../shared/protocol';

/** Error codes of HTTP answers: the command codes plus the transport's own. */
export type HttpErrorCode =
  | 'invalid'
  | 'unauthorized'
  | 'forbidden'
  | 'not_found'
  | 'rate_limited'
  | 'too_large'
  | 'unsupported_media_type'
  | 'method_not_allowed'
  | 'internal';

/** Sends an `HttpErrorSchema` body with `status`. */
export function sendError(reply: FastifyReply, status: number, code: HttpErrorCode, message: string): FastifyReply {
  const body: HttpError = { error: { code, message } };
  if (status === 401) reply.header('www-authenticate', 'Bearer');
  return reply.code(status).type('application/json; charset=utf-8').send(body);
}

/** Maps an error thrown inside Fastify (body parsing, limits, our handlers) to status, code and a safe message. */
export function classifyError(error: unknown): {
  status: number;
  code: HttpErrorCode;
  message: string;
  expected: boolean;
} {
  const e = error as { code?: unknown; statusCode?: unknown; message?: unknown };
  const fastifyCode = typeof e.code === 'string' ? e.code : '';
  const status = typeof e.statusCode === 'number' ? e.statusCode : 500;
  switch (fastifyCode) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return { status: 413, code: 'too_large', message: 'Request body too large.', expected: true };
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return { status: 415, code: 'unsupported_media_type', message: 'Send JSON (application/json).', expected: true };
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return { status: 400, code: 'invalid', message: 'Empty JSON body.', expected: true };
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return { status: 400, code: 'invalid', message: 'Malformed JSON body.', expected: true };
  }
  if (status >= 400 && status < 500) {
    // Fastify's own client errors (bad content length, prototype poisoning...) carry safe messages.
    const message = typeof e.message === 'string' ? e.message.slice(0, 300) : 'Bad request.';
    return { status, code: status === 413 ? 'too_large' : 'invalid', message, expected: true };
  }
  return { status: 500, code: 'internal', message: 'The SMS failed to answer; nothing was changed.', expected: false };
}
