import type { WindowRole } from '../../shared/host/profile';

/** One screen as the Window Management API reports it (only what placement needs). */
export interface ScreenArea {
  availLeft: number;
  availTop: number;
  availWidth: number;
  availHeight: number;
  isPrimary: boolean;
}

/** What opening a role window needs from the page (so tests can fake it). */
export interface RoleWindowEnvironment {
  /** The page's URL: a role window opens the same bundle with `?role=`. */
  href: string;
  /** `window.open`. Without `noopener`: Chromium gives the new window a copy of this tab's
   *  sessionStorage, which is how the sign-in is handed over (see browserHost.ts). */
  open: (url: string, target: string, features: string) => unknown;
  /**
   * `window.getScreenDetails` where the browser has the Window Management API; it asks the
   * user's permission the first time, and rejects when refused.
   */
  getScreenDetails?: () => Promise<{ screens: readonly ScreenArea[]; currentScreen: ScreenArea }>;
}

/** The URL of this bundle opened for a role, keeping `?sms=` and anything else in the query. */
export function roleWindowUrl(href: string, role: WindowRole): string {
  const url = new URL(href);
  url.searchParams.set('role', role);
  url.hash = '';
  return url.toString();
}

/**
 * The screen a role window should go to: the wall and the map prefer a screen other than the
 * one this window is on (the wall the last of them, as walls sit at the end of a desk row).
 */
export function chooseScreen(role: WindowRole, screens: readonly ScreenArea[], current: ScreenArea): ScreenArea {
  const others = screens.filter((s) => s !== current);
  if (others.length === 0) return current;
  const ordered = [...others].sort((a, b) => a.availLeft - b.availLeft || a.availTop - b.availTop);
  return (role === 'wall' ? ordered[ordered.length - 1] : ordered[0]) ?? current;
}

/**
 * Opens (or brings forward: the target name is per role) the workstation's window of a role.
 * With the Window Management API and the user's permission it is placed on another screen;
 * without, it opens as an ordinary window where the browser puts it.
 */
export async function openRoleWindow(role: WindowRole, env: RoleWindowEnvironment): Promise<void> {
  let features = 'popup';
  if (env.getScreenDetails) {
    try {
      const details = await env.getScreenDetails();
      const screen = chooseScreen(role, details.screens, details.currentScreen);
      features = [
        'popup',
        `left=${screen.availLeft}`,
        `top=${screen.availTop}`,
        `width=${screen.availWidth}`,
        `height=${screen.availHeight}`,
      ].join(',');
    } catch {
      // Permission refused or no multi-screen support: an ordinary window is the fallback.
    }
  }
  env.open(roleWindowUrl(env.href, role), `jccr-${role}`, features);
}
