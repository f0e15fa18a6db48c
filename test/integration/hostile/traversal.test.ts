import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { connect, login, startTestSms, type TestSms } from '../support/sms';
import { expectSoundAfterwards, Ledger, outcome, rawRequest } from './support';

// Path traversal on every route, sent byte for byte (a browser or fetch would normalise the dots
// away): `..` plain, percent-encoded, double-encoded, with backslashes, overlong UTF-8 and NUL,
// at every depth, under the renderer's files, the API, the video routes and socket.io, with and
// without a token, and very long paths. A canary file beside the served folders must never be
// served, nor /etc/passwd: the answer is 400, 401, 403 or 404, or, off the server's own paths,
// the renderer's index.html (its client-side routes).

jest.setTimeout(60_000);

const CANARY = 'canary-7c1f0d2e-never-served';
const INDEX = '<!doctype html><title>JCCR test app</title>';

let t: TestSms;
let token: string;
const ledger = new Ledger();
beforeAll(async () => {
  t = await startTestSms();
  // The renderer's folder and the video cache live in the data folder; the canary sits beside them.
  const appDir = join(t.dataDir, 'app');
  await mkdir(appDir, { recursive: true });
  await writeFile(join(appDir, 'index.html'), INDEX);
  await writeFile(join(t.dataDir, 'canary.txt'), CANARY);
  await writeFile(join(appDir, '..', 'canary.html'), CANARY);
  await t.restart({ appDir, video: true, videoCacheDir: join(t.dataDir, 'hls-cache') });
  token = await login(t.url, 'supervisor');
});
afterAll(() => t.close());

/** Ways to write `..` and `/`. */
const DOTS = ['..', '%2e%2e', '%2E%2E', '.%2e', '%2e.', '%252e%252e', '%c0%ae%c0%ae', '..%00', '..;'];
const SLASHES = ['/', '%2f', '%2F', '%252f', '\\', '%5c', '%5C', '%c0%af', '%e0%80%af'];
const TARGETS = ['canary.txt', 'canary.html', 'etc/passwd', 'etc%2fpasswd', 'canary.txt%00.html', 'canary.txt%00'];
/** Where traversal starts: the renderer's root, the API, the video routes at each depth, socket.io. */
const PREFIXES = [
  '/',
  '/assets/',
  '/api/',
  '/api/incidents/',
  '/api/incidents/inc-000001/',
  '/hls/',
  '/hls/cam-1/',
  '/hls/cam-1/main/',
  '/hls/cam-1/main/0123456789abcdef/',
  '/socket.io/',
];
/** The SMS's own paths: never the renderer's index.html. */
const SERVER_PATH = /^\/(api|hls|socket\.io)(\/|%2f|\\|%5c|$)/i;

/** Every traversal path to try (a sample of the combinations, at depths 1 to 8). */
function paths(): string[] {
  const out = new Set<string>();
  PREFIXES.forEach((prefix, p) =>
    DOTS.forEach((dots, d) =>
      SLASHES.forEach((slash, s) => {
        // A third of the combinations, spread so that each prefix, dot and slash form meets every other.
        if ((p + d + s) % 3 !== 0) return;
        const depth = 1 + ((p + d + s) % 8);
        const target = TARGETS[(p + d * 3 + s) % TARGETS.length]!;
        out.add(`${prefix}${`${dots}${slash}`.repeat(depth)}${target}`);
      }),
    ),
  );
  for (const prefix of PREFIXES) {
    out.add(`${prefix}../../../../../../../../etc/passwd`);
    out.add(`${prefix}..%2f..%2f..%2f..%2f..%2f..%2f..%2f..%2fetc%2fpasswd`);
    out.add(`${prefix}%2e%2e%2f%2e%2e%2f%2e%2e%2fcanary.txt`);
    out.add(`${prefix}%252e%252e%252f%252e%252e%252fcanary.txt`);
    out.add(`${prefix}..\\..\\..\\canary.txt`);
    out.add(`${prefix}%00`);
    out.add(`${prefix}.%00./canary.txt`);
  }
  out.add('/hls/..%2f..%2fetc%2fpasswd/main.m3u8');
  out.add('/hls/..%2f..%2fcanary.txt/main.m3u8');
  out.add('/hls/cam-1/..%2f..%2f..%2fcanary.txt');
  out.add('/hls/cam-1/main/..%2f..%2fcanary.txt/init.mp4');
  out.add('/hls/cam-1/main/%2e%2e/1.m4s');
  out.add('/hls/cam-1%00/main.m3u8');
  out.add('/api/..%2f..');
  out.add('/api/health/../snapshot');
  out.add('/api/incidents/..%2f..%2fcanary.txt/log');
  out.add('//etc/passwd');
  out.add('///canary.txt');
  out.add('/%2f%2fetc/passwd');
  out.add('/file:///etc/passwd');
  out.add('/C:%5c..%5ccanary.txt');
  return [...out];
}

/** What is wrong with an answer to `path` (null: nothing). */
function problem(path: string, status: number, body: string, headers: string): string | null {
  if (body.includes(CANARY)) return `${path}: served the canary`;
  if (/root:.*:0:0:/.test(body)) return `${path}: served /etc/passwd`;
  if ([400, 401, 403, 404].includes(status)) return null;
  if (status === 200 && !SERVER_PATH.test(path) && body === INDEX) return null;
  return `${path}: ${status} ${headers.split('\r\n')[0]} ${body.slice(0, 80)}`;
}

describe('path traversal', () => {
  it('serves the renderer and its client-side routes (so a refusal below is about the path)', async () => {
    for (const path of ['/', '/index.html', '/incidents/inc-1']) {
      const res = await rawRequest(t.url, path);
      expect([path, res.status, res.body.toString('utf8')]).toEqual([path, 200, INDEX]);
    }
  });

  it.each([
    ['without a token', undefined],
    ['with a token', 'token'],
  ])('never serves a file outside, %s', async (_, withToken) => {
    const headers: Record<string, string> = withToken ? { authorization: `Bearer ${token}` } : {};
    const problems: string[] = [];
    const all = paths();
    for (let i = 0; i < all.length; i += 16) {
      const answers = await Promise.all(
        all.slice(i, i + 16).map(async (path) => {
          const res = await rawRequest(t.url, path, { headers });
          return problem(path, res.status, res.body.toString('utf8'), res.headers);
        }),
      );
      problems.push(...answers.filter((p): p is string => p !== null));
    }
    expect(problems).toEqual([]);
    expect(all.length).toBeGreaterThan(300);
  });

  it.each(['HEAD', 'POST', 'OPTIONS', 'DELETE'])('never serves a file outside to %s either', async (method) => {
    const problems: string[] = [];
    for (const path of paths().filter((_, i) => i % 7 === 0)) {
      const res = await rawRequest(t.url, path, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          ...(method === 'POST' ? { 'content-type': 'application/json' } : {}),
        },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      const p = problem(path, res.status, res.body.toString('utf8'), res.headers);
      // HEAD has no body; an OPTIONS preflight without an Origin is answered by the CORS layer.
      if (p !== null && !(method === 'HEAD' && res.status === 200) && !(method === 'OPTIONS' && res.status === 204)) {
        problems.push(`${method} ${p}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('refuses very long paths (431 beyond what HTTP headers may hold)', async () => {
    for (const path of [
      `/api/${'a'.repeat(8_000)}`,
      `/hls/${'a/'.repeat(3_000)}main.m3u8`,
      `/${'../'.repeat(2_500)}etc/passwd`,
      `/api/${'%2e%2e%2f'.repeat(1_500)}canary.txt`,
    ]) {
      const res = await rawRequest(t.url, path);
      expect(problem(path.slice(0, 40), res.status, res.body.toString('utf8'), res.headers)).toBeNull();
    }
    expect((await rawRequest(t.url, `/${'x'.repeat(100_000)}`)).status).toBe(431);
  });
});

it('ends sound: alive, the journal contiguous, nothing lost', async () => {
  const client = await connect(t.url, token);
  const ack = await ledger.submit(client.socket, 'incident.create', {
    type: 'theft',
    grade: 3,
    location: { lon: -0.0886, lat: 51.5134 },
    summary: 'After the traversal',
  });
  expect(outcome(ack)).toBe('ok');
  client.close();
  await expectSoundAfterwards(t, ledger);
});
