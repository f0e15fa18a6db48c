// A failed encode over real HTTP: ffmpeg's stderr (paths, builds) goes to the SMS log, and a caller
// of the HLS routes, who may not be signed in, gets a short generic answer.
import { chmod, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { Writable } from 'node:stream';
import Fastify, { type FastifyInstance } from 'fastify';
import type { Camera } from '../../../shared/protocol';
import { testCamera } from './testCamera';
import { registerHls } from '../../../sms/video';

jest.setTimeout(60_000);

/** What the stand-in ffmpeg writes to stderr before it fails: the kind of detail a caller must not see. */
const SECRET = '/srv/jccr/private/ffmpeg-build-7f3a: cannot open /srv/jccr/private/fonts';

const camera: Camera = testCamera('cam-a', { name: 'Bank junction' });

const AUTH = 'Bearer test-token';
const fetchAs = (url: string) => fetch(url, { headers: { authorization: AUTH } });

let dir: string;
let app: FastifyInstance;
let base: string;
const logged: string[] = [];

beforeAll(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'jccr-hls-fail-'));
  const ffmpeg = path.join(dir, 'ffmpeg');
  await writeFile(ffmpeg, `#!/bin/sh\necho '${SECRET}' >&2\nexit 1\n`);
  await chmod(ffmpeg, 0o755);
  const stream = new Writable({
    write(chunk: Buffer, _encoding, done) {
      logged.push(chunk.toString('utf8'));
      done();
    },
  });
  app = Fastify({ logger: { level: 'error', stream } });
  await registerHls(app, {
    cacheDir: path.join(dir, 'cache'),
    cameras: () => [camera],
    now: Date.now,
    prewarm: false,
    loopSeconds: 3,
    ffmpegPath: ffmpeg,
    // One signed-in user who may view everything: this file is about encoding, not access.
    access: {
      viewer: (req) => (req.headers.authorization === AUTH ? { userId: 'user-a' } : null),
      mayView: () => true,
    },
    grantSecret: 'encode-failure-secret-0123456789-abcdef',
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await app.close();
  await rm(dir, { recursive: true, force: true });
});

/** Polls until the encode is over (not a timing assertion: the stand-in fails at once). */
async function afterEncode(url: string): Promise<Response> {
  for (;;) {
    const response = await fetchAs(url);
    if (response.status !== 503) return response;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it("answers a failed encode with a generic message and logs ffmpeg's detail on the server", async () => {
  const response = await afterEncode(`${base}/hls/cam-a/main/live.m3u8`);
  const body = await response.text();
  expect(response.status).toBe(500);
  expect(JSON.parse(body)).toEqual({ error: { code: 'encode_failed', message: 'the stream could not be prepared' } });
  expect(body).not.toContain('/srv/jccr');
  expect(logged.join('')).toContain(SECRET);
});

it('keeps answering the same way until the retry, and serves other requests meanwhile', async () => {
  const again = await fetchAs(`${base}/hls/cam-a/main/live.m3u8`);
  expect([again.status, await again.text()]).toEqual([
    500,
    JSON.stringify({ error: { code: 'encode_failed', message: 'the stream could not be prepared' } }),
  ]);
  expect((await fetchAs(`${base}/hls/cam-b/main/live.m3u8`)).status).toBe(404);
});
