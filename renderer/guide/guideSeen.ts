// Whether a user has seen the first-run guide of a window role, kept in the window's local
// storage (per browser profile or Electron session: every window of a workstation shares it).
import type { WindowRole } from '../../shared/host/profile';

/** The part of `Storage` the guide needs, so the rules are testable without a DOM. */
export type GuideStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Bumped when the guide changes enough that everyone should see it again. */
const VERSION = 'v1';

/** `jccr.guide.v1.<userId>.<role>`; the id is encoded so no id can reach into another key. */
export function guideSeenKey(userId: string, role: WindowRole): string {
  return `jccr.guide.${VERSION}.${encodeURIComponent(userId)}.${role}`;
}

/** Whether `userId` dismissed the guide of `role` here. Unreadable storage counts as seen: never nag. */
export function hasSeenGuide(storage: GuideStorage | null, userId: string, role: WindowRole): boolean {
  if (!storage) return true;
  try {
    return storage.getItem(guideSeenKey(userId, role)) !== null;
  } catch {
    return true;
  }
}

/** Remembers the dismissal (storage full or refused: the guide may come back, nothing else breaks). */
export function markGuideSeen(storage: GuideStorage | null, userId: string, role: WindowRole, at: Date): void {
  try {
    storage?.setItem(guideSeenKey(userId, role), at.toISOString());
  } catch {
    // Nothing to do: at worst the guide shows again at the next sign-in.
  }
}

/**
 * Whether the guide opens by itself at sign-in. Never in the wall role: main always puts that
 * window full-screen on a display of its own (electron/main/displayPlan.ts `placementFor`), and a
 * browser opens the room's wall display with `?role=wall` too, so the renderer cannot tell the
 * wall display from a wall window on an operator's screen. The operator there asks for it with
 * "Show guide"; the room's wall never shows it unasked.
 */
export function opensAtSignIn(role: WindowRole, seen: boolean): boolean {
  return role !== 'wall' && !seen;
}

/** The window's local storage, or null where there is none (or it is refused). */
export function windowStorage(): GuideStorage | null {
  try {
    return typeof localStorage === 'undefined' ? null : localStorage;
  } catch {
    return null;
  }
}
