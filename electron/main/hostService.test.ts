import { defaultProfile } from '../../shared/host/profile';
import type { WindowRole, WorkstationProfile } from '../../shared/host/profile';
import { createFakeIpcMain, createMemorySessionKeeper } from '../../test/support/electronFakes';
import { registerHostService } from './hostService';

const mockIpcMain = createFakeIpcMain();
// A getter, because jest hoists this above the line that creates the fake.
jest.mock('electron', () => ({
  get ipcMain() {
    return mockIpcMain;
  },
}));

const session = { token: 'tok', user: { id: 'u1', username: 'supervisor', role: 'supervisor' } };
let unregister: () => void;
let focused: WindowRole[];
let profile: WorkstationProfile;

beforeEach(() => {
  focused = [];
  profile = defaultProfile();
  unregister = registerHostService({
    smsUrl: 'http://127.0.0.1:7300',
    sessions: createMemorySessionKeeper(),
    isTrusted: (url) => url.startsWith('jccr://app/'),
    windows: {
      roleOf: (senderId) => (senderId === 7 ? 'wall' : senderId === 1 ? 'console' : null),
      focusRole: (role) => void focused.push(role),
    },
    profiles: {
      load: () => profile,
      save: (next) => {
        profile = next;
      },
    },
  });
});
afterEach(() => unregister());

describe('host service', () => {
  it('tells the page which SMS to use', async () => {
    await expect(mockIpcMain.invoke('host:sms-url', [])).resolves.toBe('http://127.0.0.1:7300');
  });

  it('keeps a session until it is cleared', async () => {
    await expect(mockIpcMain.invoke('session:load', [])).resolves.toBeNull();
    await mockIpcMain.invoke('session:save', [session]);
    await expect(mockIpcMain.invoke('session:load', [])).resolves.toEqual(session);
    await mockIpcMain.invoke('session:clear', []);
    await expect(mockIpcMain.invoke('session:load', [])).resolves.toBeNull();
  });

  it('tells each window its own role', async () => {
    await expect(mockIpcMain.invoke('window:role', [], undefined, 7)).resolves.toBe('wall');
    await expect(mockIpcMain.invoke('window:role', [], undefined, 1)).resolves.toBe('console');
    await expect(mockIpcMain.invoke('window:role', [], undefined, 99)).rejects.toThrow('not one of');
  });

  it('brings a role window to the front, refusing a role that does not exist', async () => {
    await mockIpcMain.invoke('window:open', ['wall']);
    await expect(mockIpcMain.invoke('window:open', ['cinema'])).rejects.toThrow('malformed');
    expect(focused).toEqual(['wall']);
  });

  it('loads and saves the profile, refusing an invalid one', async () => {
    const next = { ...defaultProfile(), smsUrl: 'https://sms.example' };
    await mockIpcMain.invoke('profile:save', [next]);
    await expect(mockIpcMain.invoke('profile:load', [])).resolves.toEqual(next);
    await expect(mockIpcMain.invoke('profile:save', [{ ...next, version: 9 }])).rejects.toThrow('malformed');
  });

  it('answers every channel of the bridge', () => {
    expect([...mockIpcMain.handlers.keys()].sort()).toEqual([
      'host:sms-url',
      'profile:load',
      'profile:save',
      'session:clear',
      'session:load',
      'session:save',
      'window:open',
      'window:role',
    ]);
  });
});
