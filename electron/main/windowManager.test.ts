import { EventEmitter } from 'node:events';
import { defaultProfile } from '../../shared/host/profile';
import type { Rect, WindowRole, WorkstationProfile } from '../../shared/host/profile';
import type { DisplayInfo } from './displayPlan';
import { createWindowManager } from './windowManager';
import type { ManagedWindow } from './windowManager';

const display = (id: number, x: number, primary = false): DisplayInfo => ({
  id,
  primary,
  bounds: { x, y: 0, width: 1920, height: 1080 },
  workArea: { x, y: 0, width: 1920, height: 1040 },
});

/** A BrowserWindow stand-in that records what was done to it. */
class FakeWindow extends EventEmitter implements ManagedWindow {
  static next = 1;
  readonly id = FakeWindow.next++;
  readonly contentsId = this.id + 100;
  bounds: Rect;
  kiosk = false;
  visible = true;
  minimized = false;
  focused = 0;
  constructor(
    readonly role: WindowRole,
    bounds: Rect,
  ) {
    super();
    this.bounds = bounds;
  }
  setBounds(bounds: Rect) {
    this.bounds = bounds;
  }
  getBounds() {
    return this.bounds;
  }
  setKiosk(flag: boolean) {
    this.kiosk = flag;
  }
  setFullScreen() {}
  show() {
    this.visible = true;
  }
  hide() {
    this.visible = false;
  }
  focus() {
    this.focused++;
  }
  restore() {
    this.minimized = false;
  }
  isMinimized() {
    return this.minimized;
  }
  isVisible() {
    return this.visible;
  }
}

function setup(displays: DisplayInfo[]) {
  let profile: WorkstationProfile = defaultProfile();
  const windows: FakeWindow[] = [];
  let awake = 0;
  const manager = createWindowManager({
    getDisplays: () => displays,
    loadProfile: () => profile,
    saveProfile: (next) => {
      profile = next;
    },
    createWindow: (role, placement) => {
      const window = new FakeWindow(role, placement.bounds);
      window.kiosk = placement.fullScreen;
      windows.push(window);
      return window;
    },
    keepAwake: () => {
      awake++;
      return () => void awake--;
    },
    log: () => undefined,
  });
  return { manager, windows, awake: () => awake, profile: () => profile, displays };
}

describe('window manager', () => {
  it('opens one window per display with its role, the wall as a kiosk kept awake', () => {
    const t = setup([display(1, 0, true), display(2, 1920), display(3, 3840)]);
    t.manager.arrange();
    expect(t.windows.map((w) => [w.role, w.kiosk])).toEqual([
      ['console', false],
      ['map', false],
      ['wall', true],
    ]);
    expect(t.awake()).toBe(1);
  });

  it('tells each WebContents its role', () => {
    const t = setup([display(1, 0, true), display(2, 1920)]);
    t.manager.arrange();
    expect(t.manager.roleOf(t.windows[1]!.contentsId)).toBe('map');
    expect(t.manager.roleOf(9999)).toBeNull();
  });

  it('on unplugging the wall display, hides the wall window (same window) and lets the display sleep', () => {
    const t = setup([display(1, 0, true), display(2, 1920), display(3, 3840)]);
    t.manager.arrange();
    t.displays.pop();
    t.manager.arrange();
    expect(t.windows).toHaveLength(3);
    expect(t.windows[2]!.visible).toBe(false);
    expect(t.awake()).toBe(0);
    t.displays.push(display(3, 3840));
    t.manager.arrange();
    expect(t.windows).toHaveLength(3);
    expect(t.windows[2]).toMatchObject({ visible: true, kiosk: true });
    expect(t.awake()).toBe(1);
  });

  it('remembers where the operator moved a window', () => {
    const t = setup([display(1, 0, true), display(2, 1920)]);
    t.manager.arrange();
    const console_ = t.windows[0]!;
    console_.bounds = { x: 100, y: 100, width: 1000, height: 700 };
    console_.emit('moved');
    expect(t.profile().bounds['console@1']).toEqual({ x: 100, y: 100, width: 1000, height: 700 });
  });

  it('remembers the bounds when a window closes (Linux reports no moves)', () => {
    const t = setup([display(1, 0, true), display(2, 1920)]);
    t.manager.arrange();
    const map = t.windows[1]!;
    map.bounds = { x: 2000, y: 20, width: 1600, height: 900 };
    map.emit('close');
    expect(t.profile().bounds['map@2']).toEqual({ x: 2000, y: 20, width: 1600, height: 900 });
  });

  it('focuses an existing role window, and opens one that is not in the layout', () => {
    const t = setup([display(1, 0, true)]);
    t.manager.arrange();
    t.manager.focusRole('combined');
    expect(t.windows[0]!.focused).toBe(1);
    t.manager.focusRole('wall');
    expect(t.windows.map((w) => w.role)).toEqual(['combined', 'wall']);
  });

  it('forgets a closed window and releases its wake lock', () => {
    const t = setup([display(1, 0, true), display(2, 1920), display(3, 3840)]);
    t.manager.arrange();
    t.windows[2]!.emit('closed');
    expect(t.manager.windowCount()).toBe(2);
    expect(t.awake()).toBe(0);
  });
});
