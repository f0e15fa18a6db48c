// Carries out the display plan on real windows: opens, moves, hides and shows them, keeps the
// wall awake, remembers where the operator put each window, and re-plans on hot-plug.
import type { Rect, WindowRole, WorkstationProfile } from '../../shared/host/profile';
import type { DisplayInfo, Placement, WindowAction } from './displayPlan';
import { boundsKey, planWindows } from './displayPlan';

/** What the manager needs of a BrowserWindow (so tests can fake it). */
export interface ManagedWindow {
  readonly id: number;
  /** The id of its WebContents: how an IPC call is traced back to a window. */
  readonly contentsId: number;
  setBounds(bounds: Rect): void;
  getBounds(): Rect;
  setKiosk(flag: boolean): void;
  setFullScreen(flag: boolean): void;
  show(): void;
  hide(): void;
  focus(): void;
  restore(): void;
  isMinimized(): boolean;
  isVisible(): boolean;
  on(event: 'moved' | 'resized' | 'close' | 'closed', listener: () => void): unknown;
}

export interface WindowManagerDeps {
  getDisplays(): DisplayInfo[];
  loadProfile(): WorkstationProfile;
  saveProfile(profile: WorkstationProfile): void;
  createWindow(role: WindowRole, placement: Placement): ManagedWindow;
  /** Keeps the display awake while a wall window shows; returns how to let it sleep again. */
  keepAwake(): () => void;
  log(message: string): void;
}

export interface WindowManager {
  /** Brings the windows in line with the displays and the profile. */
  arrange(): void;
  roleOf(contentsId: number): WindowRole | null;
  focusRole(role: WindowRole): void;
  /** The window brought forward when a second instance starts. */
  focusFirst(): void;
  windowCount(): number;
}

interface Entry {
  window: ManagedWindow;
  role: WindowRole;
  displayId: number;
  wakeLock: (() => void) | null;
}

export function createWindowManager(deps: WindowManagerDeps): WindowManager {
  const entries = new Map<number, Entry>();

  const setAwake = (entry: Entry, awake: boolean) => {
    if (awake && !entry.wakeLock) entry.wakeLock = deps.keepAwake();
    if (!awake && entry.wakeLock) {
      entry.wakeLock();
      entry.wakeLock = null;
    }
  };

  const rememberBounds = (entry: Entry) => {
    if (entry.role === 'wall' || !entry.window.isVisible()) return;
    const profile = deps.loadProfile();
    const key = boundsKey(entry.role, entry.displayId);
    deps.saveProfile({ ...profile, bounds: { ...profile.bounds, [key]: entry.window.getBounds() } });
  };

  const open = (placement: Placement) => {
    const window = deps.createWindow(placement.role, placement);
    const entry: Entry = { window, role: placement.role, displayId: placement.displayId, wakeLock: null };
    entries.set(window.id, entry);
    setAwake(entry, placement.role === 'wall');
    // Remembered on release of a move or resize, not continuously: a handful of writes a day.
    // Linux reports neither `moved` nor `resized`, so the bounds are also taken on closing.
    window.on('moved', () => rememberBounds(entry));
    window.on('resized', () => rememberBounds(entry));
    window.on('close', () => rememberBounds(entry));
    window.on('closed', () => {
      setAwake(entry, false);
      entries.delete(window.id);
    });
    deps.log(`window ${placement.role}: opened on display ${placement.displayId}`);
  };

  const apply = (action: WindowAction) => {
    if (action.kind === 'open') return open(action);
    const entry = entries.get(action.windowId);
    if (!entry) return;
    if (action.kind === 'hide') {
      entry.window.hide();
      setAwake(entry, false);
      deps.log(`window ${entry.role}: hidden (its display is gone); kept running`);
      return;
    }
    const moved = entry.displayId !== action.displayId || !entry.window.isVisible();
    entry.displayId = action.displayId;
    // Leave full-screen before moving: a full-screen window ignores setBounds on most platforms.
    entry.window.setKiosk(false);
    entry.window.setFullScreen(false);
    entry.window.setBounds(action.bounds);
    if (action.fullScreen) entry.window.setKiosk(true);
    entry.window.show();
    setAwake(entry, action.role === 'wall');
    if (moved) deps.log(`window ${entry.role}: placed on display ${action.displayId}`);
  };

  return {
    arrange() {
      const windows = [...entries.entries()].map(([windowId, e]) => ({ windowId, role: e.role }));
      planWindows(windows, deps.getDisplays(), deps.loadProfile()).forEach(apply);
    },
    roleOf(contentsId) {
      for (const entry of entries.values()) if (entry.window.contentsId === contentsId) return entry.role;
      return null;
    },
    focusRole(role) {
      const entry = [...entries.values()].find((e) => e.role === role);
      if (!entry) {
        // Not in the layout for these displays: open it on the primary display as a normal window.
        const primary = deps.getDisplays().find((d) => d.primary) ?? deps.getDisplays()[0];
        if (primary) open({ role, displayId: primary.id, bounds: primary.workArea, fullScreen: false });
        return;
      }
      if (entry.window.isMinimized()) entry.window.restore();
      entry.window.show();
      entry.window.focus();
    },
    focusFirst() {
      const first = [...entries.values()].find((e) => e.window.isVisible()) ?? [...entries.values()][0];
      if (!first) return;
      if (first.window.isMinimized()) first.window.restore();
      first.window.show();
      first.window.focus();
    },
    windowCount: () => entries.size,
  };
}
