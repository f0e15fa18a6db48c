import { z } from 'zod';
import { UserSchema } from '../protocol/user';
import type { WindowRole, WorkstationProfile } from './profile';
import { WindowRoleSchema, WorkstationProfileSchema } from './profile';
import type { SmsUrl } from './smsUrl';
import { SmsUrlSchema } from './smsUrl';

export { SmsUrlSchema } from './smsUrl';
export type { SmsUrl } from './smsUrl';

/**
 * What a host keeps between reloads of a window: the session token, whose it is and, from an SMS
 * with server-side sessions, when it ends unless renewed. Every window of a workstation shares it:
 * a renewal in one window is saved here for the others and for a reload.
 */
export const StoredSessionSchema = z.object({
  token: z.string().min(1).max(4_096),
  user: UserSchema,
  expiresAt: z.iso.datetime().optional(),
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
  /** The role main opened this window for. */
  'window:role': { args: z.tuple([]), result: WindowRoleSchema },
  /** Bring the workstation's window of this role to the front (opening it if it has none). */
  'window:open': { args: z.tuple([WindowRoleSchema]), result: z.undefined() },
  /** The workstation profile (the default when there is none, or it was unreadable). */
  'profile:load': { args: z.tuple([]), result: WorkstationProfileSchema },
  /** Keep the profile; main re-arranges its windows to it. */
  'profile:save': { args: z.tuple([WorkstationProfileSchema]), result: z.undefined() },
} as const;

export type HostChannel = keyof typeof HostChannelSchemas;
export type HostArgs<C extends HostChannel> = z.output<(typeof HostChannelSchemas)[C]['args']>;
export type HostResult<C extends HostChannel> = z.output<(typeof HostChannelSchemas)[C]['result']>;

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
  /** What this window shows. */
  getWindowRole(): Promise<WindowRole>;
  /** Brings the workstation's window of `role` to the front, opening one if needed. */
  openRoleWindow(role: WindowRole): Promise<void>;
  /** The workstation profile. */
  loadProfile(): Promise<WorkstationProfile>;
  /** Keeps the workstation profile (the SMS address takes effect at the next start). */
  saveProfile(profile: WorkstationProfile): Promise<void>;
}

/** Name of the global under which Electron's preload exposes the bridge. */
export const HOST_BRIDGE_GLOBAL = 'jccr';
