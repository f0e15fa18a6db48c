import type { HostBridge } from '../../shared/host/bridge';
import { pickHost } from './pickHost';

/** Just enough of a window for pickHost: its location, sessionStorage and globals. */
function fakeWindow(globals: Record<string, unknown> = {}): Window {
  const storage = { getItem: () => null, setItem: () => undefined, removeItem: () => undefined };
  return { location: { href: 'http://127.0.0.1:7300/' }, sessionStorage: storage, ...globals } as unknown as Window;
}

const electronBridge: HostBridge = {
  kind: 'electron',
  getSmsUrl: async () => 'http://10.0.0.5:7300',
  saveSession: async () => undefined,
  loadSession: async () => null,
  clearSession: async () => undefined,
};

describe('pickHost', () => {
  it("uses the bridge Electron's preload exposed", () => {
    expect(pickHost(fakeWindow({ jccr: electronBridge }))).toBe(electronBridge);
  });

  it('falls back to the browser host without it', () => {
    expect(pickHost(fakeWindow()).kind).toBe('browser');
  });

  it('does not take a global that only looks like the bridge', () => {
    expect(pickHost(fakeWindow({ jccr: { kind: 'electron', getSmsUrl: 'not a function' } })).kind).toBe('browser');
  });
});
