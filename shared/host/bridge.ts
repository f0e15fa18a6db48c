import { z } from 'zod';
import { UserSchema } from '../protocol/user';

/**
 * The SMS a window talks to: an http(s) origin. Only the origin counts because the contract
 * puts REST (`/api/...`) and socket.io (default path) at the root of one origin.
 */
export const SmsUrlSchema = z
  .url({ protocol: /^https?$/, normalize: true })
  .max(2_000)
  .transform((url) => originOf(url));
export type SmsUrl = z.output<typeof SmsUrlSchema>;

// `URL` is not available here (no DOM, no Node types); the input is already a normalised
// http(s) URL, so its origin is the scheme and the authority without any user info.
function originOf(url: string): string {
  const match = /^(https?:\/\/)(?:[^/?#]*@)?([^/?#]+)/.exec(url);
  if (!match) throw new Error(`not an http(s) URL: ${url}`);
  return `${match[1]}${match[2]}`;
}

/** What a host keeps between reloads of a window: the session token and whose it is. */
export const StoredSessionSchema = z.object({
  token: z.string().min(1).max(4_096),
  user: UserSchema,
});
export type StoredSession = z.infer<typeof StoredSessionSchema>;

/**
 * Every message between the renderer and a host that is another process (Electron's main),
 * by channel: the argument tuple and the result. Channel names are derived from this map.
 */
export const HostChannelSchemas = {
  /** The SMS origin this window was opened for. */
  'host:sms-url': { args: z.tuple([]), result: SmsUrlSchema },
  /** Keep the session so that a reload of the window stays signed in. */
  'session:save': { args: z.tuple([StoredSessionSchema]), result: z.undefined() },
  /** The kept session, if any. */
  'session:load': { args: z.tuple([]), result: StoredSessionSchema.nullable() },
  /** Forget the session (sign out, or the SMS refused the token). */
  'session:clear': { args: z.tuple([]), result: z.undefined() },
} as const;

export type HostChannel = keyof typeof HostChannelSchemas;
export type HostArgs<C extends HostChannel> = z.output<(typeof HostChannelSchemas)[C]['args']>;
export type HostResult<C extends HostChannel> = z.output<(typeof HostChannelSchemas)[C]['result']>;
export const HOST_CHANNELS = Object.keys(HostChannelSchemas) as HostChannel[];

/** Which host runs the renderer. */
export const HostKindSchema = z.enum(['electron', 'browser']);
export type HostKind = z.infer<typeof HostKindSchema>;

/**
 * The one bridge between the renderer and whatever hosts it. Named methods only, never a
 * generic `send(channel, ...)`; a subscription, when one is added, returns its unsubscribe.
 * Electron's preload implements it over IPC, the browser host over `location` and
 * `sessionStorage`, so the same renderer bundle runs in both.
 */
export interface HostBridge {
  /** Which host this is (for display and diagnostics, never for branching on features). */
  readonly kind: HostKind;
  /** The SMS origin to log in to and take events from. */
  getSmsUrl(): Promise<SmsUrl>;
  /** Keeps the session across reloads of this window. */
  saveSession(session: StoredSession): Promise<void>;
  /** The session kept by `saveSession`, or null. */
  loadSession(): Promise<StoredSession | null>;
  /** Forgets the kept session. */
  clearSession(): Promise<void>;
}

/** Name of the global under which Electron's preload exposes the bridge. */
export const HOST_BRIDGE_GLOBAL = 'jccr';
