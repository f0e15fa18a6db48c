import type { HostBridge, StoredSession } from '../../shared/host/bridge';
import { SmsUrlSchema, StoredSessionSchema } from '../../shared/host/bridge';
import type { WindowRole, WorkstationProfile } from '../../shared/host/profile';
import { WindowRoleSchema, WorkstationProfileSchema, defaultProfile } from '../../shared/host/profile';
import type { RoleWindowEnvironment } from './roleWindows';
import { openRoleWindow } from './roleWindows';

const SESSION_KEY = 'jccr.session';
const PROFILE_KEY = 'jccr.profile';

type KeyValueStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

/** What the browser host needs from the page. */
export interface BrowserEnvironment {
  /** The page's full URL (`location.href`). */
  href: string;
  /**
   * `sessionStorage`, for the session token: per tab and gone when the tab closes, so a token
   * never outlives the operator's windows on a shared machine. A role window opened from here
   * with `window.open` starts with a copy of it, so it needs no second sign-in.
   */
  storage: KeyValueStorage;
  /** `localStorage`, for the workstation profile (not secret; shared by the origin's tabs). */
  profileStorage?: KeyValueStorage;
  /** How to open role windows; absent where the page cannot open windows. */
  windows?: Omit<RoleWindowEnvironment, 'href'>;
}

/**
 * The host bridge for a plain browser: the SMS is the page's own origin (the SMS serves the
 * renderer), or the `?sms=` query parameter when developing against another one; the
 * window's role is `?role=` (all surfaces when absent).
 */
export function createBrowserHost(env: BrowserEnvironment): HostBridge {
  const page = new URL(env.href);
  const requested = page.searchParams.get('sms');
  const smsUrl = SmsUrlSchema.safeParse(requested ?? page.origin);
  const requestedRole = page.searchParams.get('role');
  const role = WindowRoleSchema.safeParse(requestedRole ?? 'combined');
  return {
    kind: 'browser',
    async getSmsUrl() {
      if (!smsUrl.success) {
        throw new Error(`The SMS address ${JSON.stringify(requested ?? page.origin)} is not an http(s) URL.`);
      }
      return smsUrl.data;
    },
    async saveSession(session: StoredSession) {
      env.storage.setItem(SESSION_KEY, JSON.stringify(StoredSessionSchema.parse(session)));
    },
    async loadSession() {
      return readValid(env.storage, SESSION_KEY, (v) => StoredSessionSchema.safeParse(v));
    },
    async clearSession() {
      env.storage.removeItem(SESSION_KEY);
    },
    async getWindowRole(): Promise<WindowRole> {
      if (!role.success) {
        throw new Error(
          `The window role ${JSON.stringify(requestedRole)} is not one of ${WindowRoleSchema.options.join(', ')}.`,
        );
      }
      return role.data;
    },
    async openRoleWindow(target: WindowRole) {
      if (!env.windows) throw new Error('This browser window cannot open other windows.');
      await openRoleWindow(WindowRoleSchema.parse(target), { ...env.windows, href: env.href });
    },
    async loadProfile(): Promise<WorkstationProfile> {
      if (!env.profileStorage) return defaultProfile();
      return (
        readValid(env.profileStorage, PROFILE_KEY, (v) => WorkstationProfileSchema.safeParse(v)) ?? defaultProfile()
      );
    },
    async saveProfile(profile: WorkstationProfile) {
      env.profileStorage?.setItem(PROFILE_KEY, JSON.stringify(WorkstationProfileSchema.parse(profile)));
    },
  };
}

/** A stored value that parses, else null; one that does not parse is worthless and removed. */
function readValid<T>(
  storage: KeyValueStorage,
  key: string,
  parse: (value: unknown) => { success: true; data: T } | { success: false },
): T | null {
  const raw = storage.getItem(key);
  if (raw === null) return null;
  const parsed = parse(parseJson(raw));
  if (parsed.success) return parsed.data;
  // Written by another version or tampered with.
  storage.removeItem(key);
  return null;
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
