// Which window goes on which display: a pure function of the displays, the windows that
// exist and the workstation profile, so every hot-plug sequence can be unit-tested without
// Electron. The window manager carries the plan out.
import type { Rect, WindowRole, WorkstationProfile } from '../../shared/host/profile';
import { rolesForDisplays } from '../../shared/host/profile';

/** A display as the plan needs it (Electron's `Display`, reduced). */
export interface DisplayInfo {
  id: number;
  bounds: Rect;
  workArea: Rect;
  primary: boolean;
}

/** A window that exists, by the id the window manager gave it. */
export interface WindowInfo {
  windowId: number;
  role: WindowRole;
}

/** Where a window goes: on a display, at bounds, full-screen or not. */
export interface Placement {
  role: WindowRole;
  displayId: number;
  bounds: Rect;
  /** Wall windows fill their display (kiosk) and keep it awake. */
  fullScreen: boolean;
}

export type WindowAction =
  /** A role in the layout has no window yet. */
  | ({ kind: 'open' } & Placement)
  /** An existing window moves (and shows, if it was hidden): its page is never reloaded. */
  | ({ kind: 'place'; windowId: number } & Placement)
  /**
   * A window whose role is not in the current layout (a display went away) is hidden, never
   * closed: its page, connection and state stay alive and it comes back when its role does.
   */
  | { kind: 'hide'; windowId: number; role: WindowRole };

/** Key of a window's remembered bounds in the profile. */
export const boundsKey = (role: WindowRole, displayId: number) => `${role}@${displayId}`;

/** Display 1 is the primary; the others follow left to right, then top to bottom. */
export function orderDisplays(displays: readonly DisplayInfo[]): DisplayInfo[] {
  return [...displays].sort(
    (a, b) => Number(b.primary) - Number(a.primary) || a.bounds.x - b.bounds.x || a.bounds.y - b.bounds.y,
  );
}

/**
 * The actions that bring the windows in line with the layout for the displays present.
 * Same inputs, same plan: at start-up (no windows) it opens the layout; after a display is
 * added or removed it moves existing windows of a role rather than opening new ones, so
 * nothing an operator had open is lost.
 */
export function planWindows(
  windows: readonly WindowInfo[],
  displays: readonly DisplayInfo[],
  profile: WorkstationProfile,
): WindowAction[] {
  // No display at all is a moment inside a hot-plug (or a locked remote session): change nothing.
  if (displays.length === 0) return [];
  const ordered = orderDisplays(displays);
  const roles = rolesForDisplays(profile, ordered.length);
  const actions: WindowAction[] = [];
  const unplaced = [...windows];
  roles.forEach((role, index) => {
    const display = ordered[index];
    if (!display) return;
    const placement = placementFor(role, display, profile);
    const existing = unplaced.findIndex((w) => w.role === role);
    if (existing >= 0) {
      const [window] = unplaced.splice(existing, 1);
      if (window) actions.push({ kind: 'place', windowId: window.windowId, ...placement });
    } else {
      actions.push({ kind: 'open', ...placement });
    }
  });
  for (const window of unplaced) actions.push({ kind: 'hide', windowId: window.windowId, role: window.role });
  return actions;
}

/** Where a role goes on a display: wall full-screen; others at remembered bounds if they still fit. */
export function placementFor(role: WindowRole, display: DisplayInfo, profile: WorkstationProfile): Placement {
  if (role === 'wall') return { role, displayId: display.id, bounds: display.bounds, fullScreen: true };
  const remembered = profile.bounds[boundsKey(role, display.id)];
  const bounds = remembered && fitsIn(remembered, display.workArea) ? remembered : display.workArea;
  return { role, displayId: display.id, bounds, fullScreen: false };
}

/** Whether a window's title bar area lies on the display, so the operator can grab it. */
function fitsIn(rect: Rect, area: Rect): boolean {
  return (
    rect.x >= area.x &&
    rect.y >= area.y &&
    rect.x + Math.min(rect.width, 200) <= area.x + area.width &&
    rect.y + 40 <= area.y + area.height
  );
}
