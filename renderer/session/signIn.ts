import { z } from 'zod';
import type { StoredSession } from '../../shared/host/bridge';
import { PROTOCOL_VERSION, SessionResponseSchema, type SessionResponse } from '../../shared/protocol';
import { ProtocolError, SmsHttpError, SmsUnreachableError, UnauthorizedError, requestJson } from '../api/smsHttp';

/** The SMS speaks another version of the contract than this build of the app. */
export class ProtocolVersionError extends Error {
  constructor(readonly smsVersion: number) {
    super(
      `The SMS speaks protocol version ${smsVersion}, this app version ${PROTOCOL_VERSION}: the app needs updating.`,
    );
    this.name = 'ProtocolVersionError';
  }
}

/** Longest a sign-out waits for the SMS before the window signs out on its own anyway. */
const SIGN_OUT_TIMEOUT_MS = 3_000;

function stored(response: SessionResponse): StoredSession {
  if (response.protocolVersion !== PROTOCOL_VERSION) throw new ProtocolVersionError(response.protocolVersion);
  return {
    token: response.token,
    user: response.user,
    ...(response.expiresAt === undefined ? {} : { expiresAt: response.expiresAt }),
  };
}

/** Opens a session on the SMS (`POST /api/session`) and returns what the host should keep. */
export async function signIn(smsUrl: string, username: string, password: string): Promise<StoredSession> {
  const response = await requestJson(
    `${smsUrl}/api/session`,
    {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username, password }),
    },
    SessionResponseSchema,
    'session answer',
  );
  return stored(response);
}

/**
 * Renews the session (`POST /api/session/renew`): a fresh token whose expiry is a shift from
 * now. Rejects with `UnauthorizedError` once the SMS has ended the session.
 */
export async function renewSession(smsUrl: string, token: string): Promise<StoredSession> {
  const response = await requestJson(
    `${smsUrl}/api/session/renew`,
    { method: 'POST', headers: { Authorization: `Bearer ${token}` } },
    SessionResponseSchema,
    'renewed session',
  );
  return stored(response);
}

/**
 * Ends the session on the SMS (`DELETE /api/session`), so its token is refused everywhere at once.
 * Best effort: never rejects (the window signs out locally whatever happens) and gives up after
 * a few seconds; true when the SMS confirmed or the session was already over.
 */
export async function endSmsSession(smsUrl: string, token: string): Promise<boolean> {
  try {
    await requestJson(
      `${smsUrl}/api/session`,
      {
        method: 'DELETE',
        headers: { Authorization: `Bearer ${token}` },
        signal: AbortSignal.timeout(SIGN_OUT_TIMEOUT_MS),
      },
      z.undefined(),
      'sign-out answer',
    );
    return true;
  } catch (error) {
    return error instanceof UnauthorizedError;
  }
}

/** A wait in words: "1 second", "40 seconds", "3 minutes". */
export function describeWait(ms: number): string {
  const seconds = Math.max(1, Math.ceil(ms / 1_000));
  if (seconds < 120) return seconds === 1 ? '1 second' : `${seconds} seconds`;
  return `${Math.ceil(seconds / 60)} minutes`;
}

/** One sentence for the sign-in form saying what went wrong and what to do. */
export function describeSignInError(error: unknown): string {
  if (error instanceof UnauthorizedError) return 'Username or password not recognised. Check them and try again.';
  if (error instanceof SmsUnreachableError) {
    return 'The Security Management System cannot be reached. Check the network, then try again.';
  }
  if (error instanceof SmsHttpError && error.status === 429) {
    return error.retryAfterMs === undefined
      ? 'Too many sign-in attempts. Wait a minute, then try again.'
      : `Too many sign-in attempts. Wait ${describeWait(error.retryAfterMs)}, then try again.`;
  }
  if (error instanceof ProtocolVersionError || error instanceof ProtocolError) return error.message;
  if (error instanceof Error) return `Sign-in failed: ${error.message}`;
  return 'Sign-in failed for an unknown reason.';
}
