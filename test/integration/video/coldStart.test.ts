// Cold start, measured: from the moment the server listens on an empty cache to a live playlist
// answered 200 and its first part fetched, for one camera and for sixteen (a wall) at once, with
// the prewarm the SMS runs (main.ts) and the wall's cameras first. Prints the figures; asserts only
// that everything was served (no timing bounds: the machine is shared and noisy).
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Fastify from 'fastify';
import type { Camera } from '../../../shared/protocol';
import { testCamera } from './testCamera';
import { registerHls } from '../../../sms/video';
import { parseMediaPlaylist } from '../../support/m3u8';

jest.setTimeout(300_000);

const ALICE = { authorization: 'Bearer alice-token' };

function camera(index: number): Camera {
  return testCamera(`cam-cold-${index}`, { name: `Cold camera ${index}` });
}

/** Milliseconds from `listening` until the camera's sub live playlist is 200 and its first listed part is fetched. */
async function firstPart(base: string, cameraId: string, listening: number): Promise<number> {
  for (;;) {
    const response = await fetch(`${base}/hls/${cameraId}/sub/live.m3u8`, { headers: ALICE });
    if (response.status === 200) {
      const playlist = parseMediaPlaylist(await response.text());
      const part = await fetch(`${base}/hls/${cameraId}/sub/${playlist.parts.at(-1)?.uri ?? ''}`, { headers: ALICE });
      if (part.status !== 200) throw new Error(`part answered ${part.status}`);
      await part.arrayBuffer();
      return performance.now() - listening;
    }
    // What a player does on 503: retry after Retry-After (1 s).
    await response.arrayBuffer();
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
}

/** How long each quick first rendition in the cache took to encode (from its manifest), ms. */
async function quickEncodeMs(cacheDir: string): Promise<number[]> {
  const out: number[] = [];
  for (const name of await readdir(cacheDir)) {
    const text = await readFile(path.join(cacheDir, name, 'loop.json'), 'utf8').catch(() => null);
    const manifest = text === null ? null : (JSON.parse(text) as { rendition?: string; encodeMs?: number });
    if (manifest?.rendition === 'quick' && typeof manifest.encodeMs === 'number') out.push(manifest.encodeMs);
  }
  return out;
}

async function coldRun(wall: number): Promise<{ firstPartMs: number[]; quickEncodeMs: number[] }> {
  const cacheDir = await mkdtemp(path.join(os.tmpdir(), 'jccr-cold-'));
  const cameras = Array.from({ length: 24 }, (_, i) => camera(i));
  const app = Fastify();
  await registerHls(app, {
    cacheDir,
    cameras: () => cameras,
    now: Date.now,
    prewarm: true,
    // The wall shows the first `wall` cameras, as the room wall does in the demo.
    prewarmFirst: () => cameras.slice(0, wall).map((c) => c.id),
    access: { viewer: () => ({ userId: 'user-alice' }), mayView: () => true },
    grantSecret: 'cold-start-secret-0123456789-abcdefgh',
  });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const listening = performance.now();
  const base = `http://127.0.0.1:${(app.server.address() as AddressInfo).port}`;
  try {
    // One camera: one the wall does not show (the user opens it), or the wall's cameras all at once.
    const ids = wall === 0 ? ['cam-cold-20'] : cameras.slice(0, wall).map((c) => c.id);
    const firstPartMs = await Promise.all(ids.map((id) => firstPart(base, id, listening)));
    return { firstPartMs, quickEncodeMs: await quickEncodeMs(cacheDir) };
  } finally {
    await app.close();
    await rm(cacheDir, { recursive: true, force: true });
  }
}

const stats = (ms: number[]) => {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
  return { n: ms.length, p50: Math.round(at(0.5)), p95: Math.round(at(0.95)), max: Math.round(at(1)) };
};

describe('cold start', () => {
  it('plays one camera a user opens, and a wall of sixteen, from an empty cache', async () => {
    const one = await coldRun(0);
    const sixteen = await coldRun(16);
    console.log(
      JSON.stringify({
        coldStartMs: { oneCamera: stats(one.firstPartMs), sixteenCameras: stats(sixteen.firstPartMs) },
        quickEncodeMs: { oneCamera: stats(one.quickEncodeMs), sixteenCameras: stats(sixteen.quickEncodeMs) },
        load: os.loadavg(),
      }),
    );
    expect([one.firstPartMs.length, sixteen.firstPartMs.length]).toEqual([1, 16]);
  });
});
