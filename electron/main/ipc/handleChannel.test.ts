import { handleChannel } from './handleChannel';
import { APP_FRAME, createFakeIpcMain } from '../../../test/support/electronFakes';

const mockIpcMain = createFakeIpcMain();
// A getter, because jest hoists this above the line that creates the fake.
jest.mock('electron', () => ({
  get ipcMain() {
    return mockIpcMain;
  },
}));

const isTrusted = (url: string) => url.startsWith('jccr://app/');
const session = { token: 'tok', user: { id: 'u1', username: 'dispatcher', role: 'dispatcher' } };

afterEach(() => mockIpcMain.handlers.clear());

describe('handleChannel', () => {
  it('passes validated arguments to the handler and returns its result', async () => {
    const saved: unknown[] = [];
    handleChannel('session:save', isTrusted, (s) => void saved.push(s));
    await expect(mockIpcMain.invoke('session:save', [session])).resolves.toBeUndefined();
    expect(saved).toEqual([session]);
  });

  it.each([
    ['a wrong type', [{ ...session, token: 42 }]],
    ['an unknown role', [{ ...session, user: { ...session.user, role: 'root' } }]],
    ['a missing argument', []],
    ['an extra argument', [session, 'more']],
    ['not an object', ['{"token":"tok"}']],
  ])('rejects a malformed message (%s) without calling the handler', async (_what, args) => {
    const handler = jest.fn();
    handleChannel('session:save', isTrusted, handler);
    await expect(mockIpcMain.invoke('session:save', args)).rejects.toThrow('malformed arguments');
    expect(handler).not.toHaveBeenCalled();
  });

  it('rejects a call from a subframe', async () => {
    handleChannel('session:load', isTrusted, () => null);
    const subframe = { url: 'jccr://app/index.html', parent: APP_FRAME };
    await expect(mockIpcMain.invoke('session:load', [], subframe)).rejects.toThrow('not the app');
  });

  it('rejects a call from a page that is not the app', async () => {
    handleChannel('session:load', isTrusted, () => null);
    await expect(
      mockIpcMain.invoke('session:load', [], { url: 'https://evil.example/', parent: null }),
    ).rejects.toThrow('not the app');
  });

  it('rejects a call whose frame is gone', async () => {
    handleChannel('session:load', isTrusted, () => null);
    await expect(mockIpcMain.invoke('session:load', [], null)).rejects.toThrow('not the app');
  });

  it('never sends back a result the contract does not allow', async () => {
    // A deliberately broken handler, as a bug in main would be.
    handleChannel('host:sms-url', isTrusted, () => 'file:///etc/passwd');
    await expect(mockIpcMain.invoke('host:sms-url', [])).rejects.toThrow();
  });

  it('removes its handler when asked', () => {
    const remove = handleChannel('session:clear', isTrusted, () => undefined);
    remove();
    expect(mockIpcMain.handlers.has('session:clear')).toBe(false);
  });
});
