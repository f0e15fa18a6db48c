import { defaultProfile } from '../../shared/host/profile';
import { createBrowserHost } from './browserHost';

/** sessionStorage's contract over a Map (the unit tests run outside a browser). */
function memoryStorage() {
  const items = new Map<string, string>();
  return {
    items,
    getItem: (key: string) => items.get(key) ?? null,
    setItem: (key: string, value: string) => void items.set(key, value),
    removeItem: (key: string) => void items.delete(key),
  };
}

const session = { token: 'tok-123', user: { id: 'u1', username: 'dispatcher', role: 'dispatcher' as const } };

describe('browser host', () => {
  it('talks to the SMS that served the page', async () => {
    const host = createBrowserHost({ href: 'http://127.0.0.1:7300/?x=1', storage: memoryStorage() });
    await expect(host.getSmsUrl()).resolves.toBe('http://127.0.0.1:7300');
  });

  it('talks to the SMS named by ?sms= when given', async () => {
    const host = createBrowserHost({
      href: 'http://localhost:5173/?sms=http%3A%2F%2F127.0.0.1%3A7300',
      storage: memoryStorage(),
    });
    await expect(host.getSmsUrl()).resolves.toBe('http://127.0.0.1:7300');
  });

  it('refuses an ?sms= that is not an http(s) URL', async () => {
    const host = createBrowserHost({ href: 'http://localhost/?sms=javascript:alert(1)', storage: memoryStorage() });
    await expect(host.getSmsUrl()).rejects.toThrow('not an http(s) URL');
  });

  it('keeps a session until it is cleared', async () => {
    const host = createBrowserHost({ href: 'http://localhost/', storage: memoryStorage() });
    await host.saveSession(session);
    await expect(host.loadSession()).resolves.toEqual(session);
    await host.clearSession();
    await expect(host.loadSession()).resolves.toBeNull();
  });

  it('forgets a stored session that does not parse', async () => {
    const storage = memoryStorage();
    storage.setItem('jccr.session', '{"token":"t","user":{"role":"root"}}');
    const host = createBrowserHost({ href: 'http://localhost/', storage });
    await expect(host.loadSession()).resolves.toBeNull();
    expect(storage.items.size).toBe(0);
  });
});

describe('browser host: windows and profile', () => {
  it('takes the window role from ?role=, all surfaces when absent', async () => {
    const wall = createBrowserHost({ href: 'http://localhost/?role=wall', storage: memoryStorage() });
    await expect(wall.getWindowRole()).resolves.toBe('wall');
    const plain = createBrowserHost({ href: 'http://localhost/', storage: memoryStorage() });
    await expect(plain.getWindowRole()).resolves.toBe('combined');
  });

  it('refuses a role that does not exist', async () => {
    const host = createBrowserHost({ href: 'http://localhost/?role=cinema', storage: memoryStorage() });
    await expect(host.getWindowRole()).rejects.toThrow('not one of');
  });

  it('opens a role window on the same bundle and SMS, one window per role', async () => {
    const opened: string[][] = [];
    const host = createBrowserHost({
      href: 'http://localhost:5173/?sms=http%3A%2F%2F127.0.0.1%3A7300&role=console',
      storage: memoryStorage(),
      windows: { open: (...args) => void opened.push(args) },
    });
    await host.openRoleWindow('wall');
    expect(opened).toEqual([
      ['http://localhost:5173/?sms=http%3A%2F%2F127.0.0.1%3A7300&role=wall', 'jccr-wall', 'popup'],
    ]);
  });

  it('keeps the profile, and falls back to the default from a corrupt one', async () => {
    const profiles = memoryStorage();
    const host = createBrowserHost({ href: 'http://localhost/', storage: memoryStorage(), profileStorage: profiles });
    await expect(host.loadProfile()).resolves.toEqual(defaultProfile());
    const profile = { ...defaultProfile(), smsUrl: 'http://10.0.0.9:7300' };
    await host.saveProfile(profile);
    await expect(host.loadProfile()).resolves.toEqual(profile);
    profiles.setItem('jccr.profile', '{"version":1,"layouts":{}}');
    await expect(host.loadProfile()).resolves.toEqual(defaultProfile());
    expect(profiles.items.size).toBe(0);
  });
});
