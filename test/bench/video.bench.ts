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
 * seconds per wall second (all Chromium processes, from /proc), JS heap after GC at the start
 * of the soak and at its end.
 *
 * Flags: --sizes 4,9,16  --seconds 20 (measured window)  --soak-minutes 0.5  --warmup 6
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startSms } from '../../sms/app';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../e2e/support/browser';

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
    await sleep(WARMUP * 1000);
    const cdp = await context.newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return Math.round((usage.usedSize / 1024 / 1024) * 10) / 10;
    };
    const heapStartMb = await heap();
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
    const soakMs = Math.max(0, SOAK_MINUTES * 60_000 - SECONDS * 1000);
    await sleep(soakMs);
    const heapEndMb = await heap();
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
        start: heapStartMb,
        end: heapEndMb,
        growthPct: Math.round(((heapEndMb - heapStartMb) / heapStartMb) * 1000) / 10,
        soakMinutes: SOAK_MINUTES,
      },
      pageErrors: fatal.length,
    };
  } finally {
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
  }
}

async function main() {
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
    // Wait until every sub stream is encoded (the prewarm queue), so first-frame times measure the player.
    for (const c of cameras) {
      for (let i = 0; i < 600 && (await fetch(`${sms.url}${c.streams.sub.url}`)).status !== 200; i++) await sleep(500);
    }
    const sizes: Record<string, unknown> = {};
    for (const n of SIZES) {
      const ids = cameras.slice(0, n).map((c) => c.id);
      const tuned = await measure(sms.url, ids, 'live');
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
