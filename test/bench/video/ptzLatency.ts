// PTZ command-to-picture latency, over the SMS's real interfaces: a `camera.ptz` command on
// socket.io moves a PTZ camera, and the low-latency HLS playlist of its sub stream is followed part
// by part (blocking reloads) until a part's decoded picture shows the move. Latency is the time from
// the command's ack to the moment the playlist listed that part (when a player could have it).
//
// "Shows the move" is measured, not assumed: each part's last frame is decoded by ffmpeg to a small
// grey picture, and its horizontal shift against the picture before the move is found by matching
// column profiles; a pan of +d° moves the scene left by d·(pixels per degree) pixels.
import { spawn } from 'node:child_process';
import ffmpegInstaller from '@ffmpeg-installer/ffmpeg';
import { z } from 'zod';
import { connect, login as loginDefault, send } from '../../integration/support/sms';

/** Size the pictures are decoded at for matching (the sub stream is 480x270). */
export const PROBE_WIDTH = 120;
export const PROBE_HEIGHT = 68;
/** Scene pixels per degree of the sub stream at zoom 1 (sms/video/ptz/scene.ts), at the probe size. */
const PROBE_PX_PER_DEG = (8 * PROBE_WIDTH) / 480;

/** Grey pictures decoded from init + media bytes, in order. */
export function decodeGray(
  init: Uint8Array,
  media: Uint8Array,
  ffmpegPath = ffmpegInstaller.path,
): Promise<Uint8Array[]> {
  return new Promise((resolve, reject) => {
    const args = ['-hide_banner', '-loglevel', 'error', '-f', 'mp4', '-i', 'pipe:0'];
    args.push('-vf', `scale=${PROBE_WIDTH}:${PROBE_HEIGHT},format=gray`, '-f', 'rawvideo', 'pipe:1');
    const child = spawn(ffmpegPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    let err = '';
    child.stdout.on('data', (d: Buffer) => out.push(d));
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.stdin.on('error', () => {});
    child.on('error', reject);
    child.on('close', (code) => {
      const all = Buffer.concat(out);
      const size = PROBE_WIDTH * PROBE_HEIGHT;
      if (code !== 0 || all.length < size) return reject(new Error(`decode failed (${code}): ${err.slice(-300)}`));
      const frames: Uint8Array[] = [];
      for (let at = 0; at + size <= all.length; at += size) frames.push(all.subarray(at, at + size));
      resolve(frames);
    });
    child.stdin.end(Buffer.concat([init, media]));
  });
}

/** Mean of each column over the picture's middle rows (the burnt-in label and clock lie outside them). */
export function columnProfile(gray: Uint8Array, width = PROBE_WIDTH, height = PROBE_HEIGHT): number[] {
  const top = Math.round(height * 0.25);
  const bottom = Math.round(height * 0.8);
  const profile: number[] = [];
  for (let x = 0; x < width; x++) {
    let sum = 0;
    for (let y = top; y < bottom; y++) sum += gray[y * width + x] ?? 0;
    profile.push(sum / (bottom - top));
  }
  return profile;
}

/** The shift s (pixels) for which `after[x]` best matches `before[x + s]`, and the match error there and at 0. */
export function horizontalShift(
  before: readonly number[],
  after: readonly number[],
  maxShift = Math.floor(before.length / 3),
): { shift: number; error: number; errorAtZero: number } {
  const errorAt = (s: number) => {
    let sum = 0;
    let n = 0;
    for (let x = 0; x < after.length; x++) {
      const b = before[x + s];
      const a = after[x];
      if (b === undefined || a === undefined) continue;
      sum += Math.abs(a - b);
      n += 1;
    }
    return n === 0 ? Infinity : sum / n;
  };
  let best = { shift: 0, error: errorAt(0) };
  for (let s = -maxShift; s <= maxShift; s++) {
    const error = errorAt(s);
    if (error < best.error) best = { shift: s, error };
  }
  return { ...best, errorAtZero: errorAt(0) };
}

/** The pixel shift a pan of `deltaDeg` gives at the probe size (sub stream, zoom 1). */
export function expectedShift(deltaDeg: number): number {
  return deltaDeg * PROBE_PX_PER_DEG;
}

/** One part as the playlist listed it. */
export interface ListedPart {
  msn: number;
  part: number;
  uri: string;
  /** performance.now() when a playlist listing it arrived. */
  listedAt: number;
}

/** The init URI and the parts of a low-latency media playlist. */
export function readPlaylist(text: string): { init: string | null; parts: Omit<ListedPart, 'listedAt'>[] } {
  const init = /#EXT-X-MAP:.*URI="([^"]+)"/.exec(text)?.[1] ?? null;
  const parts: Omit<ListedPart, 'listedAt'>[] = [];
  for (const match of text.matchAll(/#EXT-X-PART:.*URI="([^"]+)"/g)) {
    const uri = match[1] as string;
    const ref = /(\d+)\.(\d+)\.m4s/.exec(uri);
    if (ref) parts.push({ msn: Number(ref[1]), part: Number(ref[2]), uri });
  }
  return { init, parts };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Follows a camera stream's live playlist from its newest part on, with blocking reloads, recording
 * when each part was first listed. Runs until `stop()`.
 */
export class PartFollower {
  readonly parts: ListedPart[] = [];
  init: Uint8Array | null = null;
  #stopped = false;
  #loop: Promise<void> | null = null;
  readonly #base: string;
  readonly #headers: Record<string, string>;

  constructor(smsUrl: string, token: string, cameraId: string, stream: 'main' | 'sub') {
    this.#base = `${smsUrl}/hls/${encodeURIComponent(cameraId)}/${stream}/`;
    this.#headers = { authorization: `Bearer ${token}` };
  }

  /** Waits (bounded) for the stream's first playlist with parts and its init segment. */
  async start(timeoutMs = 30_000): Promise<void> {
    const deadline = performance.now() + timeoutMs;
    for (;;) {
      const response = await fetch(`${this.#base}live.m3u8`, { headers: this.#headers });
      const text = await response.text();
      if (response.status === 200) {
        const { init, parts } = readPlaylist(text);
        if (init && parts.length > 0) {
          this.init = await this.fetchBytes(init);
          this.#note(parts);
          this.#loop = this.#follow();
          return;
        }
      } else if (response.status !== 503) {
        throw new Error(`live.m3u8 answered ${response.status}: ${text.slice(0, 200)}`);
      }
      if (performance.now() > deadline) throw new Error(`no live playlist within ${timeoutMs} ms (${response.status})`);
      await sleep(250);
    }
  }

  async fetchBytes(uri: string): Promise<Uint8Array> {
    const response = await fetch(`${this.#base}${uri}`, { headers: this.#headers });
    if (response.status !== 200) throw new Error(`${uri} answered ${response.status}`);
    return new Uint8Array(await response.arrayBuffer());
  }

  /**
   * The last picture of a listed part, decoded from its segment's first part (a key frame) on:
   * parts after the first depend on the frames before them.
   */
  async lastFrame(part: Omit<ListedPart, 'listedAt'>): Promise<Uint8Array> {
    if (!this.init) throw new Error('not started');
    const chunks: Uint8Array[] = [];
    for (let j = 0; j <= part.part; j++) {
      chunks.push(await this.fetchBytes(part.uri.replace(/\d+\.\d+\.m4s/, `${part.msn}.${j}.m4s`)));
    }
    const frames = await decodeGray(this.init, Buffer.concat(chunks));
    const last = frames.at(-1);
    if (!last) throw new Error('no frame decoded');
    return last;
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    await this.#loop;
  }

  #note(parts: Omit<ListedPart, 'listedAt'>[]): void {
    const now = performance.now();
    const last = this.parts.at(-1);
    for (const part of parts) {
      if (last && part.msn * 5 + part.part <= last.msn * 5 + last.part) continue;
      this.parts.push({ ...part, listedAt: now });
    }
  }

  async #follow(): Promise<void> {
    while (!this.#stopped) {
      const last = this.parts.at(-1);
      if (!last) return;
      const next = last.part === 4 ? { msn: last.msn + 1, part: 0 } : { msn: last.msn, part: last.part + 1 };
      const url = `${this.#base}live.m3u8?_HLS_msn=${next.msn}&_HLS_part=${next.part}`;
      const response = await fetch(url, { headers: this.#headers }).catch(() => null);
      if (!response) continue;
      const text = await response.text();
      if (response.status === 200) this.#note(readPlaylist(text).parts);
      else await sleep(100);
    }
  }
}

/** What `measurePtzLatency` reports. */
export interface PtzLatencyResult {
  cameraId: string;
  moves: number;
  /** Moves whose picture change was found. */
  seen: number;
  p50Ms: number | null;
  p95Ms: number | null;
  samplesMs: number[];
  /** The shift found for each seen move against the one expected (probe pixels). */
  shifts: { expected: number; found: number }[];
}

/** Arguments (the video benchmark passes `{ smsUrl, sms, login }`). */
export interface PtzLatencyArgs {
  smsUrl: string;
  /** Signs a user in; default the integration tests' demo login. */
  login?: (base: string, username: string) => Promise<string>;
  /** A PTZ camera of the SMS; default the first online PTZ camera its snapshot lists (not third-party). */
  cameraId?: string;
  moves?: number;
  /** Pan step of each move, degrees (alternating right and left). */
  stepDeg?: number;
  username?: string;
}

function quantile(sorted: readonly number[], q: number): number | null {
  if (sorted.length === 0) return null;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? null;
}

const SnapshotCameras = z.object({
  cameras: z.array(
    z.object({
      id: z.string(),
      ptz: z.boolean(),
      online: z.boolean(),
      owner: z.string(),
      ptzState: z.object({ pan: z.number() }).nullable(),
    }),
  ),
});

/** The first online PTZ camera the SMS's snapshot lists that needs no reason to view (not third-party). */
async function pickCamera(smsUrl: string, token: string): Promise<{ id: string; pan: number }> {
  const response = await fetch(`${smsUrl}/api/snapshot`, { headers: { authorization: `Bearer ${token}` } });
  const { cameras } = SnapshotCameras.parse(await response.json());
  const camera = cameras.find((c) => c.ptz && c.online && c.owner !== 'third_party');
  if (!camera) throw new Error('the SMS has no online PTZ camera');
  return { id: camera.id, pan: camera.ptzState?.pan ?? 0 };
}

/**
 * Moves a PTZ camera `moves` times (pan ± stepDeg, tilt 0, zoom 1) and measures, for each, the time
 * from the command's ack to the listing of the first part whose picture shows the move.
 */
export async function measurePtzLatency(args: PtzLatencyArgs): Promise<PtzLatencyResult> {
  const signIn = args.login ?? loginDefault;
  const moves = args.moves ?? 10;
  const step = args.stepDeg ?? 10;
  const token = await signIn(args.smsUrl, args.username ?? 'dispatcher');
  const client = await connect(args.smsUrl, token);
  const samplesMs: number[] = [];
  const shifts: { expected: number; found: number }[] = [];
  let follower: PartFollower | null = null;
  try {
    const found = args.cameraId ? { id: args.cameraId, pan: 0 } : await pickCamera(args.smsUrl, token);
    const cameraId = found.id;
    // A base pan away from north, so that ± step never crosses the seam of the panorama.
    const base = Math.min(300, Math.max(30, Math.round(found.pan)));
    const start = await send(client.socket, 'camera.ptz', { cameraId, pan: base, tilt: 0, zoom: 1 });
    if (!start.ok) throw new Error(`camera.ptz refused: ${JSON.stringify(start)}`);
    const view = await send(client.socket, 'camera.view', { cameraId, screen: 'bench:ptz', mode: 'live' });
    if (!view.ok) throw new Error(`camera.view refused: ${JSON.stringify(view)}`);
    follower = new PartFollower(args.smsUrl, token, cameraId, 'sub');
    await follower.start();
    let pan = base;
    await sleep(1_500);
    for (let i = 0; i < moves; i++) {
      const reference = follower.parts.at(-1);
      if (!reference) throw new Error('no part listed');
      const before = await follower.lastFrame(reference);
      const target = i % 2 === 0 ? base + step : base;
      const ack = await send(client.socket, 'camera.ptz', { cameraId, pan: target });
      const ackAt = performance.now();
      if (!ack.ok) throw new Error(`camera.ptz refused: ${JSON.stringify(ack)}`);
      const expected = expectedShift(target - pan);
      pan = target;
      // Parts listed over the next 3 s, then looked at in order.
      await sleep(3_000);
      const after = follower.parts.filter((p) => p.msn * 5 + p.part > reference.msn * 5 + reference.part);
      let seenAt: number | null = null;
      for (const part of after) {
        const frame = await follower.lastFrame(part);
        const match = horizontalShift(columnProfile(before), columnProfile(frame));
        if (Math.abs(match.shift - expected) <= 2 && match.error < match.errorAtZero) {
          seenAt = part.listedAt;
          shifts.push({ expected, found: match.shift });
          break;
        }
      }
      if (seenAt !== null) samplesMs.push(Math.max(0, Math.round(seenAt - ackAt)));
    }
    const sorted = [...samplesMs].sort((a, b) => a - b);
    return {
      cameraId,
      moves,
      seen: samplesMs.length,
      p50Ms: quantile(sorted, 0.5),
      p95Ms: quantile(sorted, 0.95),
      samplesMs,
      shifts,
    };
  } finally {
    await follower?.stop();
    client.close();
  }
}
