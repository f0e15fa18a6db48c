/**
 * Video wall benchmark (npm run bench:video): plays 4, 9 and 16 live tiles in headless Chromium
 * (`--disable-gpu`, per the Chromium notes) against the SMS's synthetic cameras and prints ONE
 * JSON object. Each size runs twice in the same run: `tuned` (the wall's TilePlayer with its
 * low-latency configuration) and `hlsDefault` (the same player with hls.js's default
 * configuration); `ratios` compare them (default / tuned, so > 1 means the wall does better for
 * latency and first frame).
 *
 * Figures per size and mode: time to first frame p50/p95 (ms, from player creation to the first
 * presented frame), frames decoded and dropped per tile, live latency p50/p95 (ms, now minus the
 * stream's EXT-X-PROGRAM-DATE-TIME at the playhead), whether every tile advanced, browser CPU
 * seconds per wall second (all Chromium processes, from /proc), and the JS heap over a soak.
 *
 * Heap: the baseline is read once the wall is in steady state (every tile has shown a frame and
 * `--steady` seconds have passed since the players started: hls.js fills its buffers and
 * back-buffers, and the tile's first allocations settle), each reading after a forced GC; start,
 * mid-point and end are printed so a trend shows. `--heap-census` also takes heap snapshots at
 * the start and end of the soak and prints which kinds of object grew (heapCensus.ts).
 *
 * Flags: --sizes 4,9,16  --seconds 20 (measured window)  --soak-minutes 0.5  --warmup 6
 *        --steady 60  --heap-census  --tuned-only  --no-build  --wall-soak
 *
 * `--wall-soak` soaks the wall as operators run it (the harness page's WallSurface, signed in as
 * supervisor, the room wall at 4x4 with 16 cameras set by `wall.*` commands): React state, audited
 * views, stats and the simulator's alarm pop-ups included.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type CDPSession } from 'playwright-core';
import { startSms } from '../../sms/app';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../e2e/support/browser';
import { connect, login, send } from '../integration/support/sms';
import { censusGrowth, heapCensus } from './video/heapCensus';

const ROOT = path.resolve(__dirname, '../..');
const HARNESS_OUT = path.join(ROOT, 'out/video-harness');

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}
const SIZES = flag('sizes', '4,9,16').split(',').map(Number);
const SECONDS = Number(flag('seconds', '20'));
const SOAK_MINUTES = Number(flag('soak-minutes', '0.5'));
const WARMUP = Number(flag('warmup', '6'));
const STEADY = Number(flag('steady', '60'));
const HEAP_CENSUS = process.argv.includes('--heap-census');
/** Skips the hls.js-defaults run (for quick investigations; the ratios need both). */
const TUNED_ONLY = process.argv.includes('--tuned-only');
/** Also soaks the real wall (WallSurface, a 4x4 room wall) for its heap, not only bare players. */
const WALL_SOAK = process.argv.includes('--wall-soak');
/** Uses the harness already in out/video-harness instead of building it again. */
const NO_BUILD = process.argv.includes('--no-build');

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]!);
};
const ratio = (tuned: number | null, base: number | null) =>
  tuned && base ? Math.round((base / tuned) * 100) / 100 : null;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** CPU seconds used so far by every process whose command line names this profile, and their children. */
function chromiumCpuSeconds(profile: string): number {
  const parent = new Map<number, number>();
  const cpu = new Map<number, number>();
  const roots: number[] = [];
  for (const entry of readdirSync('/proc')) {
    const pid = Number(entry);
    if (!Number.isInteger(pid)) continue;
    try {
      const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      parent.set(pid, Number(fields[1]));
      cpu.set(pid, (Number(fields[11]) + Number(fields[12])) / 100);
      if (readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(profile)) roots.push(pid);
    } catch {
      // The process ended while we looked.
    }
  }
  const inTree = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 20; p = parent.get(p) ?? 0, hops++) if (roots.includes(p)) return true;
    return false;
  };
  let total = 0;
  for (const [pid, seconds] of cpu) if (inTree(pid)) total += seconds;
  return total;
}

interface Figures {
  firstFrameMs: (number | null)[];
  frames: { decoded: number; dropped: number; currentTime: number }[];
  latencyMs: number[];
}

/** JS heap readings (after a forced GC, MB) and heap censuses of one page, over CDP. */
function heapTools(cdp: CDPSession) {
  return {
    heap: async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return Math.round((usage.usedSize / 1024 / 1024) * 100) / 100;
    },
    snapshot: async () => {
      const chunks: string[] = [];
      const onChunk = (e: { chunk: string }) => chunks.push(e.chunk);
      cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
      await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
      cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
      return heapCensus(chunks.join(''));
    },
  };
}

/** Heap readings at the start of the soak and at each quarter of it: start, mid-point and end. */
async function soakSeries(heap: () => Promise<number>) {
  const series = [await heap()];
  for (let q = 1; q <= 4; q++) {
    await sleep((SOAK_MINUTES * 60_000) / 4);
    series.push(await heap());
  }
  const [start = 0, , mid = 0, , end = 0] = series;
  return {
    series,
    start,
    mid,
    end,
    growthPct: Math.round(((end - start) / start) * 1000) / 10,
    midGrowthPct: Math.round(((mid - start) / start) * 1000) / 10,
    soakMinutes: SOAK_MINUTES,
  };
}

async function measure(url: string, cameraIds: string[], mode: 'live' | 'default') {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'jccr-bench-video-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, '--disable-gpu'],
    viewport: { width: 1600, height: 900 },
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const fatal: string[] = [];
    page.on('pageerror', (e) => fatal.push(e.message));
    await page.goto(`${url}/?bench=${mode}&cameras=${cameraIds.join(',')}`);
    await page.waitForFunction('window.__videoBench !== undefined', null, { timeout: 30_000 });
    const read = () =>
      page.evaluate(() => (window as unknown as { __videoBench: { figures: () => Figures } }).__videoBench.figures());
    const startedAt = Date.now();
    await sleep(WARMUP * 1000);
    const { heap, snapshot } = heapTools(await context.newCDPSession(page));
    // For reference only: the heap right after the warm-up, before buffers and caches have filled.
    const censusWarm = HEAP_CENSUS ? await snapshot() : null;
    const heapAfterWarmupMb = await heap();
    await page.evaluate(() =>
      (window as unknown as { __videoBench: { resetLatency: () => void } }).__videoBench.resetLatency(),
    );
    const start = await read();
    const cpu0 = chromiumCpuSeconds(profile);
    const t0 = Date.now();
    await sleep(SECONDS * 1000);
    const cpu1 = chromiumCpuSeconds(profile);
    const t1 = Date.now();
    const end = await read();
    // Latency samples are the measured window's; the soak keeps none.
    await page.evaluate(() =>
      (window as unknown as { __videoBench: { stopLatency: () => void } }).__videoBench.stopLatency(),
    );
    // Steady state before the heap baseline: every tile has shown a frame and STEADY s have passed.
    await page.waitForFunction(
      () =>
        (window as unknown as { __videoBench: { figures: () => Figures } }).__videoBench
          .figures()
          .firstFrameMs.every((f) => f !== null),
      null,
      { timeout: 120_000 },
    );
    await sleep(Math.max(0, startedAt + STEADY * 1000 - Date.now()));
    const censusStart = HEAP_CENSUS ? await snapshot() : null;
    const soak = await soakSeries(heap);
    const censusEnd = HEAP_CENSUS ? await snapshot() : null;
    const after = await read();
    const firstFrames = end.firstFrameMs.filter((x): x is number => x !== null);
    const perTile = end.frames.map((f, i) => ({
      decoded: f.decoded - (start.frames[i]?.decoded ?? 0),
      dropped: f.dropped - (start.frames[i]?.dropped ?? 0),
      advancedS: Math.round((f.currentTime - (start.frames[i]?.currentTime ?? 0)) * 10) / 10,
    }));
    const decoded = perTile.reduce((a, t) => a + t.decoded, 0);
    const dropped = perTile.reduce((a, t) => a + t.dropped, 0);
    return {
      tiles: cameraIds.length,
      everyTileAdvancing: perTile.every((t) => t.advancedS > SECONDS * 0.5),
      firstFrameMs: {
        p50: pct(firstFrames, 50),
        p95: pct(firstFrames, 95),
        withoutFrame: end.firstFrameMs.length - firstFrames.length,
      },
      framesPerTile: {
        decodedMean: Math.round(decoded / perTile.length),
        droppedMean: Math.round(dropped / perTile.length),
        droppedPct: decoded + dropped > 0 ? Math.round((dropped / (decoded + dropped)) * 1000) / 10 : null,
        minAdvancedS: Math.min(...perTile.map((t) => t.advancedS)),
      },
      latencyMs: { p50: pct(end.latencyMs, 50), p95: pct(end.latencyMs, 95), samples: end.latencyMs.length },
      browserCpuPerSecond: Math.round(((cpu1 - cpu0) / ((t1 - t0) / 1000)) * 100) / 100,
      heapMb: {
        afterWarmup: heapAfterWarmupMb,
        afterSteadyS: STEADY,
        ...soak,
        everyTileAdvancedInSoak: after.frames.every((f, i) => f.currentTime > (end.frames[i]?.currentTime ?? 0) + 1),
      },
      ...(censusWarm && censusStart && censusEnd
        ? {
            heapChangeByKind: {
              warmupToSteady: censusGrowth(censusWarm, censusStart),
              overSoak: censusGrowth(censusStart, censusEnd),
            },
          }
        : {}),
      pageErrors: fatal.length,
    };
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

/** The real wall at 4x4 for a soak: heap after steady state, and every tile still live at the end. */
async function soakWall(url: string, cameraIds: string[]) {
  const client = await connect(url, await login(url, 'supervisor'));
  const profile = mkdtempSync(path.join(os.tmpdir(), 'jccr-bench-video-wall-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, '--disable-gpu'],
    viewport: { width: 1600, height: 900 },
  });
  try {
    await send(client.socket, 'wall.layout', { wallId: 'wall-room', layout: '4x4' });
    for (const [tile, cameraId] of cameraIds.entries())
      await send(client.socket, 'wall.tile', { wallId: 'wall-room', tile, cameraId });
    const page = context.pages()[0] ?? (await context.newPage());
    const fatal: string[] = [];
    page.on('pageerror', (e) => fatal.push(e.message));
    const startedAt = Date.now();
    await page.goto(`${url}/?user=supervisor`);
    const liveTiles = () =>
      page.evaluate(() => document.querySelectorAll('[role="group"][aria-label$=", live"]').length);
    await page.waitForFunction(
      (n) => document.querySelectorAll('[role="group"][aria-label$=", live"]').length >= n,
      cameraIds.length,
      { timeout: 120_000 },
    );
    const { heap, snapshot } = heapTools(await context.newCDPSession(page));
    await sleep(Math.max(0, startedAt + STEADY * 1000 - Date.now()));
    const censusStart = HEAP_CENSUS ? await snapshot() : null;
    const soak = await soakSeries(heap);
    const censusEnd = HEAP_CENSUS ? await snapshot() : null;
    return {
      tiles: cameraIds.length,
      heapMb: { afterSteadyS: STEADY, ...soak },
      liveTilesAtEnd: await liveTiles(),
      ...(censusStart && censusEnd ? { heapChangeByKind: censusGrowth(censusStart, censusEnd) } : {}),
      pageErrors: fatal.length,
    };
  } finally {
    client.close();
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
  if (!NO_BUILD)
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'test/bench/video/harness.vite.config.mts',
        '--logLevel',
        'error',
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] },
    );
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jccr-bench-video-sms-'));
  const silent = {
    info: () => undefined,
    warn: () => undefined,
    error: (m: string, e?: unknown) => console.error(m, e),
  };
  const sms = await startSms({
    demo: true,
    dataDir,
    sim: true,
    seed: 20_260_325,
    video: true,
    videoPrewarm: true,
    videoCacheDir: path.join(ROOT, '.cache/hls'),
    appDir: HARNESS_OUT,
    logger: silent,
  });
  try {
    const max = Math.max(...SIZES);
    const cameras = [...sms.core.cameras.values()].filter((c) => c.owner !== 'third_party' && c.online).slice(0, max);
    // Wait until every sub stream is encoded (the prewarm queue), so first-frame times measure the player:
    // the media playlist answers 503 until then (the multivariant one answers at once). HLS needs a sign-in.
    const headers = { authorization: `Bearer ${await login(sms.url, 'supervisor')}` };
    for (const c of cameras) {
      const live = `${sms.url}${c.streams.sub.url.replace(/\.m3u8$/, '/live.m3u8')}`;
      for (let i = 0; i < 600 && (await fetch(live, { headers })).status !== 200; i++) await sleep(500);
    }
    const sizes: Record<string, unknown> = {};
    for (const n of SIZES) {
      const ids = cameras.slice(0, n).map((c) => c.id);
      const tuned = await measure(sms.url, ids, 'live');
      if (TUNED_ONLY) {
        sizes[String(n)] = { tuned };
        continue;
      }
      const hlsDefault = await measure(sms.url, ids, 'default');
      sizes[String(n)] = {
        tuned,
        hlsDefault,
        ratios: {
          latencyP50: ratio(tuned.latencyMs.p50, hlsDefault.latencyMs.p50),
          latencyP95: ratio(tuned.latencyMs.p95, hlsDefault.latencyMs.p95),
          firstFrameP95: ratio(tuned.firstFrameMs.p95, hlsDefault.firstFrameMs.p95),
          cpu: ratio(tuned.browserCpuPerSecond, hlsDefault.browserCpuPerSecond),
        },
      };
    }
    const wall = WALL_SOAK
      ? await soakWall(
          sms.url,
          cameras.slice(0, 16).map((c) => c.id),
        )
      : undefined;
    console.log(
      JSON.stringify({
        bench: 'video',
        machine: {
          cpus: os.cpus().length,
          loadavg: os.loadavg().map((l) => Math.round(l * 100) / 100),
          note: 'shared machine',
        },
        seconds: SECONDS,
        soakMinutes: SOAK_MINUTES,
        sizes,
        ...(wall ? { wall } : {}),
        ratioNote: 'hlsDefault / tuned: above 1 means the tuned wall is lower (better)',
      }),
    );
  } finally {
    await sms.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
