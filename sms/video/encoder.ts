// Encodes one camera loop with ffmpeg into the cache, once: into a private directory first, cut
// into one-second segments of five 200 ms parts and checked (part count and times, key frames,
// codec string), then renamed into place, so a reader never sees a half-written loop and a crash
// leaves only a stale partial directory behind.
import { spawn } from 'node:child_process';
import { mkdir, mkdtemp, readFile, readdir, rename, rm, stat, unlink, writeFile } from 'node:fs/promises';
import { setPriority } from 'node:os';
import path from 'node:path';
import { z } from 'zod';
import { IsoTimeSchema } from '../../shared/protocol';
import { LIVE_KEY_PATTERN, PARTS_PER_SEGMENT } from './liveSource';
import { fragmentDecodeTime, readVideoTrackInfo, splitFragments, startsWithSyncSample } from './mp4Inspect';
import { STREAM_PROFILES } from './profiles';
import type { EncodePlan, EncoderSetup } from './recipe';
import { LOOP_FILES, PROFILE_RECIPES } from './recipe';

/** Cache keys are 16 hex digits (the live key pattern: they go into media URIs); anything else never names a cache directory. */
export const LOOP_KEY_PATTERN = LIVE_KEY_PATTERN;

/** Where encodes in progress live, inside the cache directory so that the final rename is atomic. */
const PARTIAL_DIR = '.partial';

/** What the cache holds about one finished loop (`loop.json`). */
export const LoopManifestSchema = z.object({
  format: z.literal(3),
  key: z.string().regex(LOOP_KEY_PATTERN),
  cameraId: z.string().min(1),
  profile: z.enum(['mainH264', 'mainH265', 'sub']),
  rendition: z.enum(['full', 'quick']),
  loopSeconds: z.number().int().positive(),
  segmentCount: z.number().int().positive(),
  fps: z.number().positive(),
  /** RFC 6381 codec string read back from the init segment. */
  codec: z.string().min(1),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
  /** Track timescale: segment times move by this many ticks per second. */
  timescale: z.number().int().positive(),
  initBytes: z.number().int().positive(),
  segmentBytes: z.array(z.number().int().positive()),
  /** Per segment, the byte length of each of its PARTS_PER_SEGMENT parts (in order; they add up to the segment). */
  partBytes: z.array(z.array(z.number().int().positive()).length(PARTS_PER_SEGMENT)),
  /** Largest segment in bits: the peak bits per second, since every segment lasts one second. */
  peakBitsPerSecond: z.number().int().positive(),
  encodeMs: z.number().nonnegative(),
  encodedAt: IsoTimeSchema,
});
/** A finished loop in the cache. */
export type LoopManifest = z.infer<typeof LoopManifestSchema>;

/** An encode that failed or produced something other than the recipe promised. */
export class EncodeError extends Error {
  override name = 'EncodeError';
}

/** The outcome of `encodeLoop`: the loop, and whether ffmpeg actually ran (false on a cache hit). */
export interface EncodeResult {
  manifest: LoopManifest;
  encoded: boolean;
}

/** The directory of loop `key`; the key is checked so that no other path can come out. */
export function loopDir(cacheDir: string, key: string): string {
  if (!LOOP_KEY_PATTERN.test(key)) throw new RangeError(`not a loop key: ${key}`);
  return path.join(cacheDir, key);
}

/** A finished loop from the cache, or null when it is absent or unreadable (then it is encoded again). */
export async function readCachedLoop(cacheDir: string, key: string): Promise<LoopManifest | null> {
  let text: string;
  try {
    text = await readFile(path.join(loopDir(cacheDir, key), LOOP_FILES.manifest), 'utf8');
  } catch {
    return null;
  }
  try {
    const parsed = LoopManifestSchema.safeParse(JSON.parse(text));
    return parsed.success && parsed.data.key === key ? parsed.data : null;
  } catch {
    return null;
  }
}

/** Removes partial encodes older than `olderThanMs`, left by a process that died mid-encode. */
export async function removeStalePartials(cacheDir: string, olderThanMs: number, now = Date.now()): Promise<void> {
  const partials = path.join(cacheDir, PARTIAL_DIR);
  const entries = await readdir(partials).catch(() => [] as string[]);
  for (const name of entries) {
    const dir = path.join(partials, name);
    const info = await stat(dir).catch(() => null);
    if (info && now - info.mtimeMs > olderThanMs) await rm(dir, { recursive: true, force: true });
  }
}

/**
 * Runs ffmpeg, at low CPU priority when `background`; the signal kills it. Rejects with the tail of
 * its stderr on failure.
 */
function runFfmpeg(
  ffmpegPath: string,
  args: readonly string[],
  cwd: string,
  signal: AbortSignal,
  background: boolean,
): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const child = spawn(ffmpegPath, args, { cwd, stdio: ['ignore', 'ignore', 'pipe'] });
    try {
      // Below the SMS itself and the operators' windows: an encode may wait, they may not. A quick
      // first rendition (a fraction of a second) is what an operator is waiting for: not lowered.
      if (background && child.pid !== undefined) setPriority(child.pid, 10);
    } catch {
      // Not permitted on some systems; the encode still runs, at normal priority.
    }
    let stderr = '';
    child.stderr.setEncoding('utf8');
    child.stderr.on('data', (chunk: string) => {
      stderr = (stderr + chunk).slice(-4000);
    });
    const kill = () => child.kill('SIGKILL');
    signal.addEventListener('abort', kill, { once: true });
    child.on('error', (error) => {
      signal.removeEventListener('abort', kill);
      reject(new EncodeError(`cannot run ffmpeg (${ffmpegPath}): ${error.message}`));
    });
    child.on('close', (code, killedBy) => {
      signal.removeEventListener('abort', kill);
      if (signal.aborted) reject(signal.reason);
      else if (code === 0) resolve();
      else reject(new EncodeError(`ffmpeg exited with ${code ?? killedBy}: ${stderr.trim().slice(-1000)}`));
    });
  });
}

/**
 * Cuts what ffmpeg wrote into the init segment and one file per second, checks it against the plan
 * and describes it; throws EncodeError on any mismatch.
 */
async function splitAndVerify(dir: string, plan: EncodePlan): Promise<Omit<LoopManifest, 'encodeMs' | 'encodedAt'>> {
  const { spec } = plan;
  const expected = STREAM_PROFILES[spec.profile];
  const encoded = path.join(dir, LOOP_FILES.encoded);
  let split;
  try {
    split = splitFragments(await readFile(encoded));
  } catch (error) {
    throw new EncodeError(`ffmpeg wrote no fragmented MP4: ${error instanceof Error ? error.message : String(error)}`);
  }
  const { init, fragments } = split;
  const track = readVideoTrackInfo(init);
  if (track.codec !== expected.codec || track.width !== expected.width || track.height !== expected.height) {
    throw new EncodeError(
      `${spec.profile}: encoder wrote ${track.codec} ${track.width}x${track.height}, ` +
        `profile says ${expected.codec} ${expected.width}x${expected.height}`,
    );
  }
  const partCount = spec.loopSeconds * PARTS_PER_SEGMENT;
  if (fragments.length !== partCount) {
    throw new EncodeError(
      `expected ${partCount} fragments of ${1000 / PARTS_PER_SEGMENT} ms, ffmpeg wrote ${fragments.length}`,
    );
  }
  // Serving moves part j of loop second i by whole seconds; that is only right if it starts at exactly i + j/5 s.
  const ticksPerPart = BigInt(track.timescale) / BigInt(PARTS_PER_SEGMENT);
  if (ticksPerPart * BigInt(PARTS_PER_SEGMENT) !== BigInt(track.timescale)) {
    throw new EncodeError(`timescale ${track.timescale} does not divide into ${PARTS_PER_SEGMENT} parts`);
  }
  for (const [index, fragment] of fragments.entries()) {
    const start = fragmentDecodeTime(fragment);
    if (start !== BigInt(index) * ticksPerPart) {
      throw new EncodeError(
        `fragment ${index} starts at ${start}/${track.timescale} s, not ${index}/${PARTS_PER_SEGMENT} s`,
      );
    }
    // The first part of every second is marked INDEPENDENT in playlists: it must start with a key frame.
    if (index % PARTS_PER_SEGMENT === 0 && !startsWithSyncSample(fragment)) {
      throw new EncodeError(`fragment ${index} (start of second ${index / PARTS_PER_SEGMENT}) is not a key frame`);
    }
  }
  await writeFile(path.join(dir, LOOP_FILES.init), init);
  const segmentBytes: number[] = [];
  const partBytes: number[][] = [];
  for (let i = 0; i < spec.loopSeconds; i++) {
    const parts = fragments.slice(i * PARTS_PER_SEGMENT, (i + 1) * PARTS_PER_SEGMENT);
    const segment = Buffer.concat(parts);
    await writeFile(path.join(dir, LOOP_FILES.segment(i)), segment);
    segmentBytes.push(segment.length);
    partBytes.push(parts.map((p) => p.length));
  }
  // The cut files hold every byte of it; keeping it would double the cache.
  await unlink(encoded);
  return {
    format: 3,
    key: plan.key,
    cameraId: spec.cameraId,
    profile: spec.profile,
    rendition: spec.rendition,
    loopSeconds: spec.loopSeconds,
    segmentCount: spec.loopSeconds,
    fps: PROFILE_RECIPES[spec.profile].fps,
    codec: track.codec,
    width: track.width,
    height: track.height,
    timescale: track.timescale,
    initBytes: init.length,
    segmentBytes,
    partBytes,
    peakBitsPerSecond: Math.max(...segmentBytes) * 8,
  };
}

/**
 * Makes sure the loop of `plan` is in `<cacheDir>/<key>/`: returns it at once when it is already
 * there, otherwise encodes, verifies and renames it into place. The signal kills ffmpeg.
 */
export async function encodeLoop(
  plan: EncodePlan,
  setup: EncoderSetup,
  cacheDir: string,
  signal: AbortSignal,
): Promise<EncodeResult> {
  const cached = await readCachedLoop(cacheDir, plan.key);
  if (cached) return { manifest: cached, encoded: false };
  const partials = path.join(cacheDir, PARTIAL_DIR);
  await mkdir(partials, { recursive: true });
  const work = await mkdtemp(path.join(partials, `${plan.key}-`));
  try {
    const started = performance.now();
    await writeFile(path.join(work, LOOP_FILES.label), plan.label, 'utf8');
    await runFfmpeg(setup.ffmpegPath, plan.args, work, signal, plan.spec.rendition === 'full');
    const manifest: LoopManifest = {
      ...(await splitAndVerify(work, plan)),
      encodeMs: Math.round(performance.now() - started),
      encodedAt: new Date().toISOString(),
    };
    await writeFile(path.join(work, LOOP_FILES.manifest), `${JSON.stringify(manifest, null, 2)}\n`, 'utf8');
    const final = loopDir(cacheDir, plan.key);
    // A directory without a valid manifest is debris (never renamed into place by this code): replace it.
    if (!(await readCachedLoop(cacheDir, plan.key))) await rm(final, { recursive: true, force: true });
    try {
      await rename(work, final);
    } catch (error) {
      // Another process sharing the cache finished the same loop first: use theirs.
      const theirs = await readCachedLoop(cacheDir, plan.key);
      if (theirs) return { manifest: theirs, encoded: false };
      throw error;
    }
    return { manifest, encoded: true };
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}
