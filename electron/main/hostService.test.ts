import { createMemorySessionKeeper, registerHostService } from './hostService';
import { createFakeIpcMain } from './ipc/fakeIpcMain';

const mockIpcMain = createFakeIpcMain();
// A getter, because jest hoists this above the line that creates the fake.
jest.mock('electron', () => ({
  get ipcMain() {
    return mockIpcMain;
  },
}));

const session = { token: 'tok', user: { id: 'u1', username: 'supervisor', role: 'supervisor' } };
let unregister: () => void;

beforeEach(() => {
  unregister = registerHostService({
    smsUrl: 'http://127.0.0.1:7300',
    sessions: createMemorySessionKeeper(),
    isTrusted: (url) => url.startsWith('jccr://app/'),
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

  it('answers every channel of the bridge', () => {
    expect([...mockIpcMain.handlers.keys()].sort()).toEqual([
      'host:sms-url',
      'session:clear',
      'session:load',
      'session:save',
    ]);
  });
});
