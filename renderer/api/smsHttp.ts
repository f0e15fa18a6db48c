import type { z } from 'zod';
import { HttpErrorSchema } from '../../shared/protocol';

/** The SMS answered with an HTTP error; `code` and `message` come from its error body when it sent one. */
export class SmsHttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    /** With 429: how long to wait before trying again (body `retryAfterMs`, else `Retry-After`), in ms. */
    readonly retryAfterMs?: number,
  ) {
    super(message);
    this.name = 'SmsHttpError';
  }
}

/** The SMS refused the credentials or the token (HTTP 401). */
export class UnauthorizedError extends SmsHttpError {
  constructor(message: string) {
    super(401, 'unauthorized', message);
    this.name = 'UnauthorizedError';
  }
}

/** No answer at all: the SMS is down or the network is. */
export class SmsUnreachableError extends Error {
  constructor(cause: unknown) {
    super('The Security Management System cannot be reached.', { cause });
    this.name = 'SmsUnreachableError';
  }
}

/** The SMS answered 200 with a body that does not match the protocol. */
export class ProtocolError extends Error {
  constructor(what: string, issues: string) {
    super(`The SMS sent an invalid ${what}: ${issues}`);
    this.name = 'ProtocolError';
  }
}

/**
 * Requests JSON from the SMS and parses the answer from `unknown` with `schema`. Errors are
 * typed so callers can tell a refused token (sign in again) from an outage (wait, retry).
 */
export async function requestJson<S extends z.ZodType>(
  url: string,
  init: RequestInit,
  schema: S,
  what: string,
): Promise<z.output<S>> {
  let response: Response;
  try {
    response = await fetch(url, { ...init, credentials: 'omit', cache: 'no-store' });
  } catch (error) {
    if (init.signal?.aborted) throw error;
    throw new SmsUnreachableError(error);
  }
  // A 204 has no body: `undefined`, for a schema that expects nothing.
  const body: unknown = response.status === 204 ? undefined : await response.json().catch(() => undefined);
  if (!response.ok) {
    const parsed = HttpErrorSchema.safeParse(body);
    const message = parsed.success ? parsed.data.error.message : `HTTP ${response.status}`;
    if (response.status === 401) throw new UnauthorizedError(message);
    throw new SmsHttpError(
      response.status,
      parsed.success ? parsed.data.error.code : 'http',
      message,
      (parsed.success ? parsed.data.error.retryAfterMs : undefined) ?? retryAfterHeaderMs(response.headers),
    );
  }
  const parsed = schema.safeParse(body);
  if (!parsed.success) throw new ProtocolError(what, parsed.error.message);
  return parsed.data;
}

/** `Retry-After` in whole seconds (the SMS never sends the date form), as ms; undefined when absent. */
function retryAfterHeaderMs(headers: Headers): number | undefined {
  const value = headers.get('retry-after');
  if (value === null || !/^\d{1,9}$/.test(value.trim())) return undefined;
  return Number(value.trim()) * 1_000;
}
