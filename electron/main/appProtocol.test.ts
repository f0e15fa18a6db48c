import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_ENTRY_URL, createAppRequestHandler, isAppUrl, registerAppScheme } from './appProtocol';

jest.mock('electron', () => ({ protocol: { registerSchemesAsPrivileged: jest.fn(), handle: jest.fn() } }));

const CSP = "default-src 'none'";
let dir: string;
let serve: ReturnType<typeof createAppRequestHandler>;
const get = (url: string, method = 'GET') => serve({ url, method });

beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jccr-scheme-'));
  const root = path.join(dir, 'renderer');
  mkdirSync(path.join(root, 'assets'), { recursive: true });
  writeFileSync(path.join(root, 'index.html'), '<!doctype html><title>JCCR</title>');
  writeFileSync(path.join(root, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(path.join(root, 'assets', 'map-font.ttf'), 'not really a font');
  writeFileSync(path.join(dir, 'secret.txt'), 'outside the bundle');
  symlinkSync(path.join(dir, 'secret.txt'), path.join(root, 'leak.txt'));
  serve = createAppRequestHandler(root, CSP);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('app scheme handler', () => {
  it('serves the entry page with the content security policy', async () => {
    const response = await get(APP_ENTRY_URL);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html/);
    expect(response.headers.get('content-security-policy')).toBe(CSP);
    expect(await response.text()).toContain('<title>JCCR</title>');
  });

  it('serves a bundle file with its type', async () => {
    const response = await get('jccr://app/assets/app.js');
    expect(response.headers.get('content-type')).toMatch(/^text\/javascript/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });

  it('serves the map label font with a font type (a sniffing-safe type, not octet-stream)', async () => {
    const response = await get('jccr://app/assets/map-font.ttf');
    expect(response.headers.get('content-type')).toBe('font/ttf');
  });

  it.each([
    'jccr://app/..%2fsecret.txt',
    'jccr://app/%2e%2e%2fsecret.txt',
    'jccr://app/assets/..%2f..%2fsecret.txt',
    'jccr://app/..%5csecret.txt',
    'jccr://app/assets%2f..%2f..%2f..%2f..%2fetc%2fpasswd',
  ])('refuses path traversal: %s', async (url) => {
    const response = await get(url);
    expect(response.status).toBe(403);
    expect(await response.text()).not.toContain('outside the bundle');
  });

  it('refuses a symlink that leads out of the bundle', async () => {
    expect((await get('jccr://app/leak.txt')).status).toBe(403);
  });

  it('answers 404 for another host of the scheme', async () => {
    expect((await get('jccr://other/index.html')).status).toBe(404);
  });

  it('answers 404 for a missing file', async () => {
    expect((await get('jccr://app/assets/missing.js')).status).toBe(404);
  });

  it('serves the entry page for a client-side route', async () => {
    expect(await (await get('jccr://app/incidents/42')).text()).toContain('<title>JCCR</title>');
  });

  it('refuses anything but GET and HEAD', async () => {
    expect((await get(APP_ENTRY_URL, 'POST')).status).toBe(405);
  });
});

describe('isAppUrl', () => {
  it('accepts the app origin only', () => {
    expect(isAppUrl('jccr://app/index.html')).toBe(true);
    expect(isAppUrl('jccr://evil/index.html')).toBe(false);
    expect(isAppUrl('http://app/index.html')).toBe(false);
    expect(isAppUrl('not a url')).toBe(false);
  });
});

describe('registerAppScheme', () => {
  it('makes jccr:// a standard secure origin with fetch, and grants no CSP bypass, service workers or CORS', () => {
    registerAppScheme();
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([
      { scheme: 'jccr', privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
    ]);
  });
});
