/**
 * Map benchmark (npm run bench:map): drives the map in headless Chromium against the SMS load
 * mode and prints ONE JSON object. For each fleet size, the map runs twice in the same run:
 * `incremental` (the product: GL points below street zoom, icon sources fed only what moved) and
 * `naive` (a full setData of every unit on every event), and the figures are compared as ratios.
 * The naive baseline and the counters live here, in `map/`, and reach the page through the map's
 * one bench hook (`renderer/map/benchHook.ts`): the product bundle carries neither.
 *
 * Flags: --sizes 1000,5000,20000  --seconds 30 (measured window per mode)  --warmup 8
 *        --minutes M (run each measurement M minutes; heap at 1 min vs M min)
 *        --incidents 2000  --modes incremental,naive (one mode only skips the ratios)
 *        --profile (a CPU profile of the page over the measured window: its heaviest functions
 *        in the JSON as `profileTop`, the whole profile in out/bench/map-<units>-<mode>.cpuprofile)
 *
 * `layers` is each live layer family's main-thread cost per second of the measured window:
 * `drawMs` (maplibre drawing it, every frame) and `updateMs` (handing its source new data), from
 * `map/layerCosts.ts`; the product's unit layer's own work is `applyMsPerFrame`.
 *
 * `updateMsPerSecond` is what applying unit updates costs wherever it runs: the in-page apply
 * time on the main thread plus the page's worker time (maplibre tiles GeoJSON in workers, so a
 * naive setData costs mostly worker time). `threadBusyMsPerSecond` is time inside tasks per
 * thread from a Chromium trace; for the GPU process that includes waiting on SwiftShader, so it
 * is not CPU time.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { CDPSession } from 'playwright-core';
import { startSms } from '../../sms/app';
import { launchBrowser } from '../e2e/support/browser';
import { signIn } from '../e2e/support/page';
import { ensureRendererBuilt, RENDERER_OUT, ROOT } from '../e2e/support/renderer';
import type { LayerCost } from './map/layerCosts';
import { installMapBench } from './map/installMapBench';
import type { UnitUpdateMode } from './map/modes';

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}
const SIZES = flag('sizes', '1000,5000,20000').split(',').map(Number);
const MINUTES = Number(flag('minutes', '0'));
const SECONDS = MINUTES > 0 ? MINUTES * 60 : Number(flag('seconds', '30'));
const WARMUP = Number(flag('warmup', '8'));
const INCIDENTS = Number(flag('incidents', '2000'));
const MODES = flag('modes', 'incremental,naive').split(',') as UnitUpdateMode[];
const PROFILE = process.argv.includes('--profile');

const pct = (xs: number[], p: number) => {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};
const summary = (xs: number[]) => ({ p50: pct(xs, 50), p95: pct(xs, 95), n: xs.length });
const pageCpu = (busy: Record<string, number>) => (busy.rendererMain ?? 0) + (busy.workers ?? 0);
const ratio = (a: number | null, b: number | null) => (a && b ? Math.round((b / a) * 10) / 10 : null);

// Runs in the page: frame intervals and long tasks.
const PAGE_PROBE = `(() => {
  const s = (window.__benchProbe = { frames: [], longTasks: [] });
  let last = performance.now();
  const loop = (t) => { s.frames.push(t - last); last = t; requestAnimationFrame(loop); };
  requestAnimationFrame(loop);
  new PerformanceObserver((list) => { for (const e of list.getEntries()) s.longTasks.push(e.duration); })
    .observe({ type: 'longtask', buffered: false });
})()`;

interface TraceEvent {
  ph: string;
  name: string;
  cat?: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: { name?: string };
}

/**
 * CPU time per second of each kind of browser thread, from a Chromium trace: the page's main
 * thread, its workers (maplibre tiles GeoJSON there, so a naive setData costs mostly worker
 * time the main thread never sees), the GPU process (software GL) and the compositor.
 * Nested trace slices are merged per thread so nothing is counted twice.
 */
async function threadBusy(cdp: CDPSession, seconds: number): Promise<Record<string, number>> {
  const events: TraceEvent[] = [];
  // Trace events are loosely typed in the protocol; these fields are always present.
  const collect = (d: { value: object[] }) => {
    events.push(...(d.value as TraceEvent[]));
  };
  cdp.on('Tracing.dataCollected', collect);
  const done = new Promise<void>((resolve) => cdp.once('Tracing.tracingComplete', () => resolve()));
  await cdp.send('Tracing.start', { categories: 'toplevel', transferMode: 'ReportEvents' });
  await new Promise((r) => setTimeout(r, seconds * 1000));
  await cdp.send('Tracing.end');
  await done;
  cdp.off('Tracing.dataCollected', collect);
  const names = new Map<string, string>();
  for (const e of events)
    if (e.ph === 'M' && e.name === 'thread_name') names.set(`${e.pid}:${e.tid}`, e.args?.name ?? '');
  const spans = new Map<string, [number, number][]>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const key = `${e.pid}:${e.tid}`;
    const list = spans.get(key) ?? [];
    list.push([e.ts, e.ts + e.dur]);
    spans.set(key, list);
  }
  const kind = (name: string) =>
    name === 'CrRendererMain'
      ? 'rendererMain'
      : name.startsWith('DedicatedWorker')
        ? 'workers'
        : name === 'CrGpuMain'
          ? 'gpu'
          : name === 'VizCompositorThread' || name === 'Compositor'
            ? 'compositor'
            : 'other';
  const busy: Record<string, number> = { rendererMain: 0, workers: 0, gpu: 0, compositor: 0, other: 0 };
  for (const [key, list] of spans) {
    list.sort((a, b) => a[0] - b[0]);
    let total = 0;
    let [start, end] = list[0]!;
    for (const [s, e] of list) {
      if (s > end) {
        total += end - start;
        [start, end] = [s, e];
      } else end = Math.max(end, e);
    }
    total += end - start;
    const k = kind(names.get(key) ?? '');
    busy[k] = (busy[k] ?? 0) + total / 1000 / seconds;
  }
  for (const k of Object.keys(busy)) busy[k] = Math.round(busy[k]!);
  return busy;
}

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface CpuProfile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
  startTime: number;
  endTime: number;
}

/** Self time per function (ms per second of profile), heaviest first. */
function profileTop(profile: CpuProfile, count: number): { fn: string; msPerSecond: number }[] {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  profile.samples.forEach((id, i) => {
    const frame = byId.get(id)?.callFrame;
    if (!frame) return;
    const where = frame.url ? `${path.basename(frame.url)}:${frame.lineNumber + 1}` : '';
    const key = `${frame.functionName || '(anonymous)'} ${where}`.trim();
    self.set(key, (self.get(key) ?? 0) + (profile.timeDeltas[i] ?? 0));
  });
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  return [...self]
    .sort((a, b) => b[1] - a[1])
    .slice(0, count)
    .map(([fn, us]) => ({ fn, msPerSecond: Math.round((us / 1000 / seconds) * 10) / 10 }));
}

const perSecond = (layers: Record<string, LayerCost>, seconds: number) =>
  Object.fromEntries(
    Object.entries(layers)
      .map(([family, c]) => ({
        family,
        drawMs: Math.round((c.drawMs / seconds) * 10) / 10,
        updateMs: Math.round((c.updateMs / seconds) * 10) / 10,
        updatesPerSecond: Math.round((c.updates / seconds) * 10) / 10,
      }))
      .sort((a, b) => b.drawMs + b.updateMs - (a.drawMs + a.updateMs))
      .map(({ family, ...rest }) => [family, rest]),
  );

async function measure(url: string, mode: UnitUpdateMode, units: number) {
  const browser = await launchBrowser({ width: 1440, height: 900 });
  try {
    const { page } = browser;
    // The real app in its map role, signed in through the form as an operator would, with the
    // bench's page hook drawing units in `mode` and counting (test/bench/map/pageHook.ts).
    await installMapBench(page, mode);
    await signIn(page, `${url}/?role=map`);
    await page
      .waitForFunction('window.__jccrMapBench && window.__jccrMapBench.ready', null, { timeout: 240_000 })
      .catch((error: unknown) => {
        // Say what the page said: a map that never loads is otherwise a bare timeout.
        throw new Error(`The map did not load (${String(error)}); page errors: ${JSON.stringify(browser.errors)}`);
      });
    const cdp = await page.context().newCDPSession(page);
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      const usage = (await cdp.send('Runtime.getHeapUsage')) as { usedSize: number };
      return Math.round(usage.usedSize / 1024 / 1024);
    };
    await page.waitForTimeout(WARMUP * 1000);
    await page.evaluate(PAGE_PROBE);
    await page.evaluate('window.__jccrMapBench.metrics.drain(); window.__jccrMapBench.layers.drain()');
    if (PROFILE) {
      await cdp.send('Profiler.enable');
      await cdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await cdp.send('Profiler.start');
    }
    const early = Math.min(60, SECONDS / 4);
    await page.waitForTimeout(early * 1000);
    const heapEarlyMb = await heap();
    const traceSeconds = Math.min(10, Math.max(2, (SECONDS - early) / 2));
    const threadBusyMsPerSecond = await threadBusy(cdp, traceSeconds);
    await page.waitForTimeout((SECONDS - early - traceSeconds) * 1000);
    const heapEndMb = await heap();
    const m = (await page.evaluate('window.__jccrMapBench.metrics.drain()')) as {
      applyMs: number[];
      latencyMs: number[];
    };
    const probe = (await page.evaluate('window.__benchProbe')) as { frames: number[]; longTasks: number[] };
    const layers = (await page.evaluate('window.__jccrMapBench.layers.drain()')) as Record<string, LayerCost>;
    let top: { fn: string; msPerSecond: number }[] | null = null;
    if (PROFILE) {
      const { profile } = (await cdp.send('Profiler.stop')) as { profile: CpuProfile };
      const dir = path.join(ROOT, 'out/bench');
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `map-${units}-${mode}.cpuprofile`), JSON.stringify(profile));
      top = profileTop(profile, 25);
    }
    return {
      applyMsPerFrame: summary(m.applyMs),
      updateMsPerSecond:
        Math.round((m.applyMs.reduce((sum, ms) => sum + ms, 0) / SECONDS + (threadBusyMsPerSecond.workers ?? 0)) * 10) /
        10,
      frameIntervalMs: summary(probe.frames),
      eventToPixelMs: summary(m.latencyMs),
      threadBusyMsPerSecond,
      layers: perSecond(layers, SECONDS),
      longTasksOver50ms: probe.longTasks.length,
      longestTaskMs: probe.longTasks.length ? Math.round(Math.max(...probe.longTasks)) : 0,
      heapMb: {
        early: heapEarlyMb,
        earlyAtS: early,
        end: heapEndMb,
        endAtS: SECONDS,
        growthPct: Math.round(((heapEndMb - heapEarlyMb) / heapEarlyMb) * 1000) / 10,
      },
      pageErrors: browser.errors.slice(0, 3),
      ...(top ? { profileTop: top } : {}),
    };
  } finally {
    await browser.close();
  }
}

async function main() {
  ensureRendererBuilt();
  const results: Record<string, unknown> = {};
  for (const units of SIZES) {
    const sms = await startSms({
      dataDir: null,
      demo: true,
      sim: true,
      seed: 7,
      speed: 1,
      units,
      appDir: RENDERER_OUT,
      video: false,
      commandRate: { perSecond: 1e6, burst: 1e6 },
      userCommandRate: { perSecond: 1e6, burst: 1e6 },
    });
    try {
      const actor = { userId: 'bench', username: 'bench', role: 'dispatcher' };
      const types = ['theft', 'anti_social_behaviour', 'public_order', 'suspicious_item'] as const;
      for (let i = 0; i < INCIDENTS; i++) {
        sms.core.submit(
          {
            id: `bench-${units}-${i}`,
            type: 'incident.create',
            payload: {
              type: types[i % types.length],
              grade: ((i % 4) + 1) as 1 | 2 | 3 | 4,
              location: { lon: -0.113 + ((i * 7919) % 4300) / 100_000, lat: 51.507 + ((i * 104729) % 1600) / 100_000 },
              summary: 'benchmark incident',
            },
          },
          actor as never,
        );
      }
      const incremental = MODES.includes('incremental') ? await measure(sms.url, 'incremental', units) : null;
      const naive = MODES.includes('naive') ? await measure(sms.url, 'naive', units) : null;
      const result = {
        incremental,
        naive,
        ratios:
          incremental && naive
            ? {
                updateCostNaiveOverIncremental: ratio(incremental.updateMsPerSecond, naive.updateMsPerSecond),
                applyP95NaiveOverIncremental: ratio(incremental.applyMsPerFrame.p95, naive.applyMsPerFrame.p95),
                latencyP95NaiveOverIncremental: ratio(incremental.eventToPixelMs.p95, naive.eventToPixelMs.p95),
                frameP95NaiveOverIncremental: ratio(incremental.frameIntervalMs.p95, naive.frameIntervalMs.p95),
                // Everything the page's threads do (sockets, React, other layers too), naive over incremental.
                pageThreadsNaiveOverIncremental: ratio(
                  pageCpu(incremental.threadBusyMsPerSecond),
                  pageCpu(naive.threadBusyMsPerSecond),
                ),
              }
            : null,
      };
      results[String(units)] = result;
      // Progress on stderr: a long run that fails later still leaves its figures.
      console.error(JSON.stringify({ units, ...result }));
    } finally {
      await sms.close();
    }
  }
  console.log(
    JSON.stringify({ bench: 'map', seconds: SECONDS, warmup: WARMUP, incidents: INCIDENTS, sizes: results }, null, 2),
  );
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
