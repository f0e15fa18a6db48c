import type { StoredSession } from '../../shared/host/bridge';
import { UnauthorizedError } from '../api/smsHttp';

/** How often a signed-in window renews its session. */
export const RENEW_EVERY_MS = 10 * 60_000;
/** Renewals on becoming visible closer together than this are skipped (windows flip often). */
export const RENEW_MIN_GAP_MS = 30_000;

/** Shown on the sign-in form when the SMS has ended the session. */
export const SESSION_ENDED =
  'The SMS ended this session (signed out elsewhere, account changed or disabled, or expired). Please sign in again.';

/** What the renewal needs from its window; every part can be replaced in tests. */
export interface SessionRenewalOptions {
  /** The newest token of this window. */
  currentToken: () => string;
  /** Asks the SMS for a fresh token (`POST /api/session/renew`). */
  renew: (token: string) => Promise<StoredSession>;
  /** A fresh session: keep it (the host, for the other windows and reloads) and use its token from now on. */
  onRenewed: (session: StoredSession) => void | Promise<void>;
  /** The SMS refused the session: back to the sign-in form with `message`. */
  onEnded: (message: string) => void;
  /** Calls `listener` when the window becomes visible again; returns an unsubscribe function. */
  onVisible: (listener: () => void) => () => void;
  /** Renew once at the start too (a session kept by the host may be hours old). */
  immediately?: boolean;
  everyMs?: number;
  minGapMs?: number;
  now?: () => number;
  setInterval?: (callback: () => void, ms: number) => unknown;
  clearInterval?: (handle: unknown) => void;
}

/**
 * Renews the window's session every 10 minutes and when the window becomes visible again, so a
 * session in use never reaches its expiry. A refused renewal ends the session; an unreachable
 * SMS is tried again at the next turn (the token stays valid for hours). Returns a stop function.
 */
export function startSessionRenewal(opts: SessionRenewalOptions): () => void {
  const now = opts.now ?? Date.now;
  const minGap = opts.minGapMs ?? RENEW_MIN_GAP_MS;
  let last = now();
  let running = false;
  let stopped = false;

  const renew = async () => {
    if (stopped || running) return;
    running = true;
    last = now();
    try {
      const fresh = await opts.renew(opts.currentToken());
      if (!stopped) await opts.onRenewed(fresh);
    } catch (error) {
      if (!stopped && error instanceof UnauthorizedError) opts.onEnded(SESSION_ENDED);
      // Anything else (SMS unreachable, an old SMS without renewal): the next turn tries again.
    } finally {
      running = false;
    }
  };

  const set = opts.setInterval ?? ((callback: () => void, ms: number) => globalThis.setInterval(callback, ms));
  const clear =
    opts.clearInterval ?? ((handle: unknown) => globalThis.clearInterval(handle as ReturnType<typeof setInterval>));
  const timer = set(() => void renew(), opts.everyMs ?? RENEW_EVERY_MS);
  const unsubscribe = opts.onVisible(() => {
    if (now() - last >= minGap) void renew();
  });
  if (opts.immediately) void renew();
  return () => {
    stopped = true;
    clear(timer);
    unsubscribe();
  };
}

/** `onVisible` for a browser document. */
export function documentVisible(doc: Document): (listener: () => void) => () => void {
  return (listener) => {
    const handler = () => {
      if (doc.visibilityState === 'visible') listener();
    };
    doc.addEventListener('visibilitychange', handler);
    return () => doc.removeEventListener('visibilitychange', handler);
  };
}
