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
