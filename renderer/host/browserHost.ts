import type { HostBridge, StoredSession } from '../../shared/host/bridge';
import { SmsUrlSchema, StoredSessionSchema } from '../../shared/host/bridge';

const SESSION_KEY = 'jccr.session';

/** What the browser host needs from the page: its address and a per-tab storage. */
export interface BrowserEnvironment {
  /** The page's full URL (`location.href`). */
  href: string;
  /** `sessionStorage`: per tab, gone when the tab closes, which suits a session token. */
  storage: Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;
}

/**
 * The host bridge for a plain browser: the SMS is the page's own origin (the SMS serves the
 * renderer), or the `?sms=` query parameter when developing against another one.
 */
export function createBrowserHost(env: BrowserEnvironment): HostBridge {
  const page = new URL(env.href);
  const requested = page.searchParams.get('sms');
  const smsUrl = SmsUrlSchema.safeParse(requested ?? page.origin);
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
      const raw = env.storage.getItem(SESSION_KEY);
      if (raw === null) return null;
      const parsed = StoredSessionSchema.safeParse(parseJson(raw));
      if (parsed.success) return parsed.data;
      // Written by another version or tampered with: worthless, so forget it.
      env.storage.removeItem(SESSION_KEY);
      return null;
    },
    async clearSession() {
      env.storage.removeItem(SESSION_KEY);
    },
  };
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
