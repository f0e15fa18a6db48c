/**
 * Console benchmark (npm run bench:console): the real console window (`?role=console`, signed in
 * as `dispatcher`, the built renderer) against an SMS in its own process (./console/benchSms.ts)
 * holding 1,000 / 10,000 / 30,000 open incidents, while notes arrive on open incidents at 20 and
 * 200 a second and the operator moves through the queue with `j`. Per size and rate: key-to-frame
 * latency p50/p95 (key event's time stamp to the next frame after the DOM shows the new selection),
 * frame interval p50/p95, long tasks, the page main thread's CPU per second; heap and DOM nodes over a soak at 10,000 and 20/s; the ratio
 * of each size to 1,000 in the same run; pass/fail against the issue's bounds. Prints ONE JSON object.
 *
 * Flags: --sizes 1000,10000,30000  --rates 20,200  --seconds 20 (per rate)  --warmup 5
 *        --key-ms 200 (between presses of j)  --soak-minutes 1 (0 skips the soak)
 *        --renderer <dir> (a renderer already built; default: build the working tree's)
 *        --profile (a CPU profile of each measured phase: the top functions by self time go to
 *        stderr, the whole profile to .cache/console-bench/<size>-<rate>.cpuprofile)
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { CDPSession, Page } from 'playwright-core';
import { launchBrowser } from '../e2e/support/browser';
import { signIn } from '../e2e/support/page';
import { startBenchSms, type BenchSms } from './console/benchSmsClient';
import { PAGE_PROBE, type ProbeData } from './console/pageProbe';

const ROOT = path.resolve(__dirname, '../..');

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}
const SIZES = flag('sizes', '1000,10000,30000').split(',').map(Number);
const RATES = flag('rates', '20,200').split(',').map(Number);
const SECONDS = Number(flag('seconds', '20'));
const WARMUP = Number(flag('warmup', '5'));
const KEY_MS = Number(flag('key-ms', '200'));
const SOAK_MINUTES = Number(flag('soak-minutes', '1'));
const RENDERER = flag('renderer', '');
const PROFILE = process.argv.includes('--profile');

/** The issue's bounds, at 10,000 incidents and 20 updates a second. */
const BOUNDS = { size: 10_000, rate: 20, keyToFrameP95Ms: 100, frameIntervalP95Ms: 50, longestTaskMs: 50 };

const pct = (xs: number[], p: number): number | null => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 10) / 10;
};
const ratio = (a: number | null | undefined, b: number | null | undefined) =>
  a && b ? Math.round((a / b) * 100) / 100 : null;

/** Notes per second on open incidents, answered once the SMS runs at that rate. */
async function setRate(sms: BenchSms, rate: number): Promise<void> {
  await sms.ask(`rate ${rate}`, new RegExp(`^rate ${rate} ok$`));
}

/** Presses `j` every KEY_MS for `seconds` (the operator walking down the queue). */
async function walkQueue(page: Page, seconds: number): Promise<void> {
  const end = Date.now() + seconds * 1000;
  while (Date.now() < end) {
    const started = Date.now();
    await page.keyboard.press('j');
    await page.waitForTimeout(Math.max(0, KEY_MS - (Date.now() - started)));
  }
}

/** The page's main-thread time so far (ms): all tasks, script, layout (CDP Performance.getMetrics). */
async function mainThreadMs(cdp: CDPSession): Promise<{ task: number; script: number; layout: number }> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  const get = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: get('TaskDuration'), script: get('ScriptDuration'), layout: get('LayoutDuration') };
}

async function heapAndNodes(cdp: CDPSession): Promise<{ heapMb: number; domNodes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const usage = await cdp.send('Runtime.getHeapUsage');
  const counters = await cdp.send('Memory.getDOMCounters');
  return { heapMb: Math.round((usage.usedSize / 1024 / 1024) * 10) / 10, domNodes: counters.nodes };
}

async function phase(page: Page, cdp: CDPSession, sms: BenchSms, rate: number, size: number) {
  await setRate(sms, rate);
  await walkQueue(page, WARMUP);
  await page.evaluate('window.__consoleProbe.reset()');
  const cpuBefore = await mainThreadMs(cdp);
  const startedAt = Date.now();
  if (PROFILE) {
    await cdp.send('Profiler.enable');
    await cdp.send('Profiler.start');
  }
  await walkQueue(page, SECONDS);
  if (PROFILE) {
    const { profile } = await cdp.send('Profiler.stop');
    writeProfile(profile, `${size}-${rate}`);
  }
  const cpuAfter = await mainThreadMs(cdp);
  const wallSeconds = (Date.now() - startedAt) / 1000;
  const perSecond = (k: keyof typeof cpuAfter) => Math.round(((cpuAfter[k] - cpuBefore[k]) / wallSeconds) * 10) / 10;
  const probe = (await page.evaluate('window.__consoleProbe')) as ProbeData;
  const counts = await page.evaluate(`(() => {
    const status = document.querySelector('[aria-label="Status"]');
    return { status: status ? status.textContent : null };
  })()`);
  return {
    keyToFrameMs: {
      p50: pct(probe.keys, 50),
      p95: pct(probe.keys, 95),
      max: pct(probe.keys, 100),
      n: probe.keys.length,
    },
    frameIntervalMs: { p50: pct(probe.frames, 50), p95: pct(probe.frames, 95), n: probe.frames.length },
    // CPU the page's main thread spent per second (CDP Performance metrics): far less sensitive
    // to a loaded machine than the latencies, which include waiting for a core.
    mainThreadMsPerSecond: { task: perSecond('task'), script: perSecond('script'), layout: perSecond('layout') },
    longTasks: probe.longTasks.length,
    longestTaskMs: probe.longTasks.length ? Math.round(Math.max(...probe.longTasks)) : 0,
    catchingUpShown: probe.catchingUp > 0,
    statusBarAtEnd: counts,
  };
}

async function measureSize(appDir: string, incidents: number) {
  const sms = await startBenchSms({ incidents, seed: 7, appDir, listenTimeoutMs: 600_000 });
  const browser = await launchBrowser({ width: 1440, height: 900 });
  try {
    const { page } = browser;
    await signIn(page, `${sms.url}/?role=console`);
    const queue = page.getByRole('listbox', { name: 'Incident queue' });
    await queue.waitFor({ timeout: 120_000 });
    // The queue holds the seeded incidents (and the simulator's) before anything is measured.
    await page.waitForFunction(
      `(document.querySelector('[role="listbox"][aria-label="Incident queue"] [role="option"]')?.getAttribute('aria-setsize') ?? 0) >= ${incidents}`,
      null,
      { timeout: 120_000 },
    );
    await queue.focus();
    await page.evaluate(PAGE_PROBE);
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('Performance.enable');
    const byRate: Record<string, unknown> = {};
    for (const rate of RATES) byRate[String(rate)] = await phase(page, cdp, sms, rate, incidents);
    let soak: unknown = null;
    if (SOAK_MINUTES > 0 && incidents === BOUNDS.size) {
      await setRate(sms, BOUNDS.rate);
      const start = await heapAndNodes(cdp);
      await walkQueue(page, SOAK_MINUTES * 60);
      const end = await heapAndNodes(cdp);
      soak = {
        minutes: SOAK_MINUTES,
        rate: BOUNDS.rate,
        start,
        end,
        heapGrowthPct: Math.round(((end.heapMb - start.heapMb) / start.heapMb) * 1000) / 10,
      };
    }
    await setRate(sms, 0);
    return { rates: byRate, soak, pageErrors: browser.errors.slice(0, 5) };
  } finally {
    await browser.close();
    await sms.stop();
  }
}

/** The parts of a V8 CPU profile (CDP `Profiler.Profile`) read here. */
interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number } }[];
  samples?: number[];
  timeDeltas?: number[];
}

/** Writes a CPU profile and prints its top functions by self time (ms) on stderr. */
function writeProfile(profile: CpuProfile, name: string): void {
  const dir = path.join(ROOT, '.cache/console-bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, `${name}.cpuprofile`), JSON.stringify(profile));
  const byNode = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const samples = profile.samples ?? [];
  const deltas = profile.timeDeltas ?? [];
  for (let i = 0; i < samples.length; i++) {
    const node = byNode.get(samples[i]!);
    if (!node) continue;
    const f = node.callFrame;
    const key = `${f.functionName || '(anonymous)'} ${f.url.split('/').pop() ?? ''}:${f.lineNumber + 1}:${f.columnNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i] ?? 0) / 1000);
  }
  const top = [...self.entries()].sort((a, b) => b[1] - a[1]).slice(0, 25);
  console.error(`profile ${name}:\n${top.map(([k, ms]) => `  ${Math.round(ms)} ms  ${k}`).join('\n')}`);
}

type Phase = Awaited<ReturnType<typeof phase>>;

async function main(): Promise<void> {
  let appDir = RENDERER ? path.resolve(RENDERER) : '';
  let built: string | null = null;
  if (!appDir) {
    // Its own output folder: other test runs rebuild out/renderer while this one runs.
    built = mkdtempSync(path.join(tmpdir(), 'jccr-console-bench-'));
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'renderer/vite.config.mts',
        '--outDir',
        built,
        '--emptyOutDir',
        '--logLevel',
        'warn',
      ],
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
    );
    appDir = built;
  }
  try {
    const sizes: Record<string, Awaited<ReturnType<typeof measureSize>>> = {};
    for (const size of SIZES) {
      sizes[String(size)] = await measureSize(appDir, size);
      // Progress on stderr: a long run that fails later still leaves its figures.
      console.error(JSON.stringify({ size, ...sizes[String(size)] }));
    }
    const phaseOf = (size: number, rate: number) =>
      (sizes[String(size)]?.rates as Record<string, Phase> | undefined)?.[String(rate)];
    const base = Math.min(...SIZES);
    const ratios: Record<string, unknown> = {};
    for (const size of SIZES.filter((s) => s !== base)) {
      for (const rate of RATES) {
        const a = phaseOf(size, rate);
        const b = phaseOf(base, rate);
        ratios[`${size}vs${base}@${rate}/s`] = {
          keyToFrameP50: ratio(a?.keyToFrameMs.p50, b?.keyToFrameMs.p50),
          keyToFrameP95: ratio(a?.keyToFrameMs.p95, b?.keyToFrameMs.p95),
          frameIntervalP95: ratio(a?.frameIntervalMs.p95, b?.frameIntervalMs.p95),
          mainThreadTask: ratio(a?.mainThreadMsPerSecond.task, b?.mainThreadMsPerSecond.task),
        };
      }
    }
    const at = phaseOf(BOUNDS.size, BOUNDS.rate);
    const bounds = at && {
      at: `${BOUNDS.size} incidents, ${BOUNDS.rate}/s`,
      keyToFrameP95: {
        value: at.keyToFrameMs.p95,
        max: BOUNDS.keyToFrameP95Ms,
        ok: (at.keyToFrameMs.p95 ?? Infinity) <= BOUNDS.keyToFrameP95Ms,
      },
      frameIntervalP95: {
        value: at.frameIntervalMs.p95,
        max: BOUNDS.frameIntervalP95Ms,
        ok: (at.frameIntervalMs.p95 ?? Infinity) <= BOUNDS.frameIntervalP95Ms,
      },
      longestTask: { value: at.longestTaskMs, max: BOUNDS.longestTaskMs, ok: at.longestTaskMs <= BOUNDS.longestTaskMs },
      ratioGoal: '< 2x vs the smallest size',
    };
    const result = {
      bench: 'console',
      seconds: SECONDS,
      warmup: WARMUP,
      keyEveryMs: KEY_MS,
      renderer: RENDERER || 'built from the working tree',
      sizes,
      ratios,
      bounds,
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    if (built) rmSync(built, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
