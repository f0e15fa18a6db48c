import type { HostBridge } from '../../shared/host/bridge';
import { defaultProfile } from '../../shared/host/profile';
import { pickHost } from './pickHost';

/** Just enough of a window for pickHost: its location, sessionStorage and globals. */
function fakeWindow(globals: Record<string, unknown> = {}): Window {
  const storage = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
  return {
    location: { href: 'http://127.0.0.1:7300/' },
    sessionStorage: storage,
    localStorage: storage,
    open: () => null,
    ...globals,
  } as unknown as Window;
}

const electronBridge: HostBridge = {
  kind: 'electron',
  getSmsUrl: async () => 'http://10.0.0.5:7300',
  saveSession: async () => undefined,
  loadSession: async () => null,
  clearSession: async () => undefined,
  getWindowRole: async () => 'wall',
  openRoleWindow: async () => undefined,
  loadProfile: async () => defaultProfile(),
  saveProfile: async () => undefined,
};

describe('pickHost', () => {
  it("uses the bridge Electron's preload exposed", () => {
    expect(pickHost(fakeWindow({ jccr: electronBridge }))).toBe(electronBridge);
  });

  it('falls back to the browser host without it', () => {
    expect(pickHost(fakeWindow()).kind).toBe('browser');
  });

  it('uses the Window Management API when the browser has it', async () => {
    const opened: string[] = [];
    const screen = { availLeft: 0, availTop: 0, availWidth: 1920, availHeight: 1040, isPrimary: true };
    const wall = { ...screen, availLeft: 1920, isPrimary: false };
    const host = pickHost(
      fakeWindow({
        open: (_url: string, _target: string, features: string) => void opened.push(features),
        getScreenDetails: async () => ({ screens: [screen, wall], currentScreen: screen }),
      }),
    );
    await host.openRoleWindow('wall');
    expect(opened).toEqual(['popup,left=1920,top=0,width=1920,height=1040']);
  });

  it('does not take a global that only looks like the bridge', () => {
    expect(pickHost(fakeWindow({ jccr: { kind: 'electron', getSmsUrl: 'not a function' } })).kind).toBe('browser');
  });
});
