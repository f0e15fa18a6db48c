import { defaultProfile } from '../../shared/host/profile';
import type { WorkstationProfile } from '../../shared/host/profile';
import { boundsKey, orderDisplays, planWindows } from './displayPlan';
import type { DisplayInfo, WindowAction, WindowInfo } from './displayPlan';

const display = (id: number, x: number, primary = false): DisplayInfo => ({
  id,
  primary,
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 0, width: 1920, height: 1040 },
});
const PRIMARY = display(1, 0, true);
const LEFT = display(2, -1920);
const RIGHT = display(3, 1920);
const FAR_RIGHT = display(4, 3840);

/** Carries a plan out on a list of windows, as the window manager does. */
function apply(windows: WindowInfo[], actions: WindowAction[], nextId: { value: number }) {
  const shown = new Map<number, WindowAction>();
  for (const action of actions) {
    if (action.kind === 'open') {
      const windowId = nextId.value++;
      windows.push({ windowId, role: action.role });
      shown.set(windowId, action);
    } else if (action.kind === 'place') shown.set(action.windowId, action);
  }
  return shown;
}
const summary = (actions: WindowAction[]) =>
  actions.map((a) => (a.kind === 'hide' ? `hide ${a.role}` : `${a.kind} ${a.role}@${a.displayId}`));

describe('display order', () => {
  it('puts the primary first and the others left to right', () => {
    expect(orderDisplays([RIGHT, LEFT, PRIMARY]).map((d) => d.id)).toEqual([1, 2, 3]);
  });
});

describe('layout at start-up', () => {
  const profile = defaultProfile();

  it('one display: a single window with every surface', () => {
    expect(summary(planWindows([], [PRIMARY], profile))).toEqual(['open combined@1']);
  });

  it('two displays: console on the primary, map beside it', () => {
    expect(summary(planWindows([], [RIGHT, PRIMARY], profile))).toEqual(['open console@1', 'open map@3']);
  });

  it('three displays: adds the wall, full-screen on its whole display', () => {
    const actions = planWindows([], [PRIMARY, LEFT, RIGHT], profile);
    expect(summary(actions)).toEqual(['open console@1', 'open map@2', 'open wall@3']);
    expect(actions[2]).toMatchObject({ fullScreen: true, bounds: RIGHT.bounds });
    expect(actions[0]).toMatchObject({ fullScreen: false, bounds: PRIMARY.workArea });
  });

  it('four displays: adds the major-event command view', () => {
    expect(summary(planWindows([], [PRIMARY, RIGHT, FAR_RIGHT, LEFT], profile))).toEqual([
      'open console@1',
      'open map@2',
      'open wall@3',
      'open command@4',
    ]);
  });

  it('more than four displays: the four-display layout, extra displays left alone', () => {
    const fifth = display(5, 5760);
    expect(planWindows([], [PRIMARY, LEFT, RIGHT, FAR_RIGHT, fifth], profile)).toHaveLength(4);
  });

  it('no display (mid hot-plug): changes nothing', () => {
    expect(planWindows([{ windowId: 1, role: 'console' }], [], profile)).toEqual([]);
  });

  it('follows the profile the operator chose', () => {
    const custom: WorkstationProfile = { ...profile, layouts: { ...profile.layouts, 2: ['wall', 'command'] } };
    expect(summary(planWindows([], [PRIMARY, RIGHT], custom))).toEqual(['open wall@1', 'open command@3']);
  });
});

describe('remembered bounds', () => {
  it('puts a window back where the operator left it on that display', () => {
    const bounds = { x: 100, y: 50, width: 1200, height: 800 };
    const profile = { ...defaultProfile(), bounds: { [boundsKey('console', 1)]: bounds } };
    expect(planWindows([], [PRIMARY, RIGHT], profile)[0]).toMatchObject({ bounds });
  });

  it('ignores remembered bounds that no longer lie on the display', () => {
    const profile = {
      ...defaultProfile(),
      bounds: { [boundsKey('console', 1)]: { x: 5000, y: 0, width: 800, height: 600 } },
    };
    expect(planWindows([], [PRIMARY, RIGHT], profile)[0]).toMatchObject({ bounds: PRIMARY.workArea });
  });
});

describe('hot-plug', () => {
  const profile = defaultProfile();

  it('a display removed: no window is closed or reopened; the one without a display is hidden', () => {
    const windows: WindowInfo[] = [
      { windowId: 1, role: 'console' },
      { windowId: 2, role: 'map' },
      { windowId: 3, role: 'wall' },
    ];
    const actions = planWindows(windows, [PRIMARY, LEFT], profile);
    expect(summary(actions)).toEqual(['place console@1', 'place map@2', 'hide wall']);
    expect(actions.some((a) => a.kind === 'open')).toBe(false);
  });

  it('the display comes back: the hidden window returns (same window, same page)', () => {
    const windows: WindowInfo[] = [
      { windowId: 1, role: 'console' },
      { windowId: 2, role: 'map' },
      { windowId: 3, role: 'wall' },
    ];
    const actions = planWindows(windows, [PRIMARY, LEFT, RIGHT], profile);
    expect(actions).toContainEqual(
      expect.objectContaining({ kind: 'place', windowId: 3, role: 'wall', fullScreen: true }),
    );
    expect(actions.some((a) => a.kind === 'open')).toBe(false);
  });

  it('a sequence 1 → 2 → 4 → 3 → 1 → 2 displays never closes a window and never duplicates a role', () => {
    const windows: WindowInfo[] = [];
    const nextId = { value: 1 };
    const sequence = [
      [PRIMARY],
      [PRIMARY, RIGHT],
      [PRIMARY, LEFT, RIGHT, FAR_RIGHT],
      [PRIMARY, LEFT, RIGHT],
      [PRIMARY],
      [PRIMARY, RIGHT],
    ];
    const seen: string[][] = [];
    for (const displays of sequence) {
      const before = windows.map((w) => w.windowId);
      const actions = planWindows(windows, displays, profile);
      const shown = apply(windows, actions, nextId);
      // Every window that existed still exists: nothing is ever closed.
      expect(windows.map((w) => w.windowId).slice(0, before.length)).toEqual(before);
      // Each role is shown at most once, one window per display.
      const roles = [...shown.values()].map((a) => a.role);
      expect(new Set(roles).size).toBe(roles.length);
      expect(new Set([...shown.values()].map((a) => (a.kind === 'hide' ? 0 : a.displayId))).size).toBe(
        displays.length === 4 ? 4 : Math.min(displays.length, 4),
      );
      seen.push(roles);
    }
    expect(seen).toEqual([
      ['combined'],
      ['console', 'map'],
      ['console', 'map', 'wall', 'command'],
      ['console', 'map', 'wall'],
      ['combined'],
      ['console', 'map'],
    ]);
    // combined, console, map, wall, command: five windows in all, each opened once.
    expect(windows.map((w) => w.role)).toEqual(['combined', 'console', 'map', 'wall', 'command']);
  });

  it('two windows of one role: the second is hidden rather than shown twice', () => {
    const actions = planWindows(
      [
        { windowId: 1, role: 'combined' },
        { windowId: 2, role: 'combined' },
      ],
      [PRIMARY],
      defaultProfile(),
    );
    expect(summary(actions)).toEqual(['place combined@1', 'hide combined']);
  });
});
