import { createHostBridge } from './hostBridge';

jest.mock('electron', () => ({}));

const session = { token: 'tok', user: { id: 'u1', username: 'commander', role: 'commander' as const } };

/** An ipcRenderer stand-in answering each channel from a table. */
function ipcAnswering(answers: Record<string, unknown>) {
  const calls: unknown[][] = [];
  return {
    calls,
    invoke: async (channel: string, ...args: unknown[]) => {
      calls.push([channel, ...args]);
      return answers[channel];
    },
  };
}

describe('Electron host bridge', () => {
  it('asks main for the SMS URL on its channel', async () => {
    const ipc = ipcAnswering({ 'host:sms-url': 'http://127.0.0.1:7300' });
    await expect(createHostBridge(ipc).getSmsUrl()).resolves.toBe('http://127.0.0.1:7300');
    expect(ipc.calls).toEqual([['host:sms-url']]);
  });

  it('sends the session to keep as the single argument of its channel', async () => {
    const ipc = ipcAnswering({});
    await createHostBridge(ipc).saveSession(session);
    expect(ipc.calls).toEqual([['session:save', session]]);
  });

  it('returns the kept session, checked against the contract', async () => {
    const bridge = createHostBridge(ipcAnswering({ 'session:load': session }));
    await expect(bridge.loadSession()).resolves.toEqual(session);
  });

  it('rejects an answer from main that breaks the contract', async () => {
    const bridge = createHostBridge(ipcAnswering({ 'session:load': { token: 7 }, 'host:sms-url': 'file:///x' }));
    await expect(bridge.loadSession()).rejects.toThrow();
    await expect(bridge.getSmsUrl()).rejects.toThrow();
  });

  it('asks main for the window role and refuses a role outside the contract', async () => {
    await expect(createHostBridge(ipcAnswering({ 'window:role': 'wall' })).getWindowRole()).resolves.toBe('wall');
    await expect(createHostBridge(ipcAnswering({ 'window:role': 'cinema' })).getWindowRole()).rejects.toThrow();
  });

  it('refuses to send a malformed profile or role', async () => {
    const ipc = ipcAnswering({});
    const bridge = createHostBridge(ipc);
    await expect(bridge.saveProfile({ version: 2 } as never)).rejects.toThrow();
    await expect(bridge.openRoleWindow('cinema' as never)).rejects.toThrow();
    expect(ipc.calls).toEqual([]);
  });

  it('refuses to send a malformed session', async () => {
    const ipc = ipcAnswering({});
    await expect(createHostBridge(ipc).saveSession({ ...session, token: '' })).rejects.toThrow();
    expect(ipc.calls).toEqual([]);
  });
});
