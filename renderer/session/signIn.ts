import type { StoredSession } from '../../shared/host/bridge';
import { PROTOCOL_VERSION, SessionResponseSchema } from '../../shared/protocol';
import { ProtocolError, SmsUnreachableError, UnauthorizedError, requestJson } from '../api/smsHttp';

/** The SMS speaks another version of the contract than this build of the app. */
export class ProtocolVersionError extends Error {
  constructor(readonly smsVersion: number) {
    super(
      `The SMS speaks protocol version ${smsVersion}, this app version ${PROTOCOL_VERSION}: the app needs updating.`,
    );
    this.name = 'ProtocolVersionError';
  }
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
  if (response.protocolVersion !== PROTOCOL_VERSION) throw new ProtocolVersionError(response.protocolVersion);
  return { token: response.token, user: response.user };
}

/** One sentence for the sign-in form saying what went wrong and what to do. */
export function describeSignInError(error: unknown): string {
  if (error instanceof UnauthorizedError) return 'Username or password not recognised. Check them and try again.';
  if (error instanceof SmsUnreachableError) {
    return 'The Security Management System cannot be reached. Check the network, then try again.';
  }
  if (error instanceof ProtocolVersionError || error instanceof ProtocolError) return error.message;
  if (error instanceof Error) return `Sign-in failed: ${error.message}`;
  return 'Sign-in failed for an unknown reason.';
}
