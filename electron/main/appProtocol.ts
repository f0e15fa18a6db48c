import { protocol } from 'electron';
import { readFile, realpath, stat } from 'node:fs/promises';
import path from 'node:path';

/** The app's own scheme and host: pages are `jccr://app/...`, never `file://`. */
export const APP_SCHEME = 'jccr';
export const APP_HOST = 'app';
/** The URL the main window opens. */
export const APP_ENTRY_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/** Whether a URL is one of the app's own pages. */
export function isAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

/**
 * Declares the scheme before `ready` (its privileges are fixed at startup): `standard` for
 * normal relative URLs and an origin, `secure` so the page is a secure context, fetch
 * support for module scripts. No CSP bypass, no service workers.
 */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true, codeCache: true } },
  ]);
}

/** Serves the built renderer from `rootDir` on the app scheme (after `ready`). */
export function serveAppScheme(rootDir: string, csp: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rootDir, csp));
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
  '.pbf': 'application/x-protobuf',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The request handler behind the scheme: GET/HEAD of files under `rootDir` only. Anything
 * resolving outside it (`..`, encoded separators, symlinks) is refused with 403, other hosts
 * with 404; paths without an extension fall back to `index.html` (client-side routes).
 */
export function createAppRequestHandler(
  rootDir: string,
  csp: string,
): (request: Pick<Request, 'url' | 'method'>) => Promise<Response> {
  const root = path.resolve(rootDir);
  const realRoot = realpath(root).catch(() => root);
  const headers = (type: string) => ({
    'Content-Type': type,
    'Content-Security-Policy': csp,
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-cache',
  });
  const refuse = (status: number, text: string) =>
    new Response(text, { status, headers: headers(TYPES['.txt'] ?? '') });

  return async (request) => {
    if (request.method !== 'GET' && request.method !== 'HEAD') return refuse(405, 'Method not allowed');
    let url: URL;
    let relative: string;
    try {
      url = new URL(request.url);
      relative = decodeURIComponent(url.pathname);
    } catch {
      return refuse(400, 'Bad request');
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404, 'Not found');
    // Checked after decoding, so `%2e%2e%2f` and `..%5c` are caught as well as a plain `..`.
    if (relative.includes('\0') || relative.includes('\\') || relative.split('/').includes('..')) {
      return refuse(403, 'Forbidden');
    }
    let file = path.resolve(root, `.${relative}`);
    if (!within(root, file)) return refuse(403, 'Forbidden');
    if (relative === '/' || relative === '') file = path.join(root, 'index.html');
    else if (path.extname(file) === '' && !(await isFile(file))) file = path.join(root, 'index.html');

    let real: string;
    try {
      real = await realpath(file);
    } catch {
      return refuse(404, 'Not found');
    }
    // A symlink inside the bundle must not lead out of it either.
    if (!within(await realRoot, real)) return refuse(403, 'Forbidden');
    if (!(await isFile(real))) return refuse(404, 'Not found');
    const type = TYPES[path.extname(real).toLowerCase()] ?? 'application/octet-stream';
    const body = request.method === 'HEAD' ? null : await readFile(real);
    return new Response(body, { status: 200, headers: headers(type) });
  };
}

function within(root: string, file: string): boolean {
  const rel = path.relative(root, file);
  return rel === '' || (rel.split(path.sep)[0] !== '..' && !path.isAbsolute(rel));
}

async function isFile(file: string): Promise<boolean> {
  try {
    return (await stat(file)).isFile();
  } catch {
    return false;
  }
}
