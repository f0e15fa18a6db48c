// Cold start of the video wall (issue 15): `npm run sms` spawned as a child process on a fresh
// data folder (so a fresh video cache, `<data>/hls-cache`), then the time to the first frame of
// one camera and of sixteen in headless Chromium, with the times at which each media playlist
// (not the multivariant one) first answered 200. The browser is started before the SMS, so its
// own start-up is not counted.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { chromium, type Page } from 'playwright-core';
import type { Snapshot } from '../../../shared/protocol';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../../e2e/support/browser';
import { get, login } from '../../integration/support/sms';
import { processTreeCpuSeconds } from './processCpu';
import { round2, sleep } from './stats';

export interface ColdStartFigures {
  /** The SMS's flags after `npm run sms --`. */
  command: string;
  /** Spawn to "SMS listening on …", ms. */
  listeningMs: number;
  one: { cameraId: string; mediaPlaylistReadyMs: number | null; firstFrameMs: number | null };
  sixteen: {
    cameras: number;
    /** When the last of the sixteen media playlists first answered 200, ms after spawn. */
    mediaPlaylistsReadyMs: number | null;
    firstFrameP50Ms: number | null;
    /** When the last of the sixteen showed its first frame, ms after spawn. */
    allFirstFramesMs: number | null;
    withoutFrame: number;
  };
  /** Every figure is also given after listening, as the contract bounds it ("within 2 s of the SMS listening"). */
  sinceListening: { oneFirstFrameMs: number | null; sixteenFirstFramesMs: number | null };
  /** CPU seconds the SMS process tree used from spawn to the end of the measurement. */
  smsCpuSeconds: number;
}

type FiguresPage = { firstFrameAt: (number | null)[] };

async function firstFrames(page: Page): Promise<(number | null)[]> {
  return page
    .evaluate(() => (window as unknown as { __videoBench?: { figures: () => FiguresPage } }).__videoBench?.figures())
    .then((f) => f?.firstFrameAt ?? [])
    .catch(() => []);
}

/** Polls a media playlist until it answers 200; resolves the time (ms since the epoch) or null on timeout. */
async function mediaReadyAt(url: string, token: string, deadline: number): Promise<number | null> {
  while (Date.now() < deadline) {
    const res = await fetch(url, { headers: { authorization: `Bearer ${token}` } }).catch(() => null);
    if (res) await res.arrayBuffer().catch(() => undefined);
    if (res?.status === 200) return Date.now();
    await sleep(100);
  }
  return null;
}

/** Waits for a line of the child's stdout that matches `re`. */
function waitForLine(child: ChildProcess, re: RegExp, timeoutMs: number): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`no line matching ${re} within ${timeoutMs} ms`)), timeoutMs);
    lines.on('line', (line) => {
      const m = line.match(re);
      if (!m) return;
      clearTimeout(timer);
      resolve(m);
    });
    child.once('exit', (code) => reject(new Error(`npm run sms exited (${code}) before listening`)));
  });
}

/** Stops the SMS's process group (npm, its shell and node), and waits for it. */
async function stopGroup(child: ChildProcess): Promise<void> {
  if (child.pid === undefined || child.exitCode !== null) return;
  const exited = new Promise<void>((r) => child.once('exit', () => r()));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const done = await Promise.race([exited.then(() => true), sleep(10_000).then(() => false)]);
  if (!done) {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // Gone in the meantime.
    }
    await exited;
  }
}

export async function measureColdStart(
  root: string,
  harnessDir: string,
  timeoutMs = 120_000,
): Promise<ColdStartFigures> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'jccr-bench-cold-'));
  const profile = mkdtempSync(path.join(os.tmpdir(), 'jccr-bench-cold-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [...CHROMIUM_FLAGS, '--disable-gpu'],
    viewport: { width: 1600, height: 900 },
  });
  // The pre-roll (five hours of a shift computed before listening) is off: it delays listening,
  // not video, and `listeningMs` says how long the SMS took to listen anyway.
  const flags = ['--demo', '--no-preroll', '--port', '0', '--data', dataDir, '--app-dir', harnessDir];
  let child: ChildProcess | null = null;
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    const t0 = Date.now();
    child = spawn('npm', ['run', '--silent', 'sms', '--', ...flags], {
      cwd: root,
      detached: true,
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    const [, url = ''] = await waitForLine(child, /SMS listening on (\S+)/, timeoutMs);
    const listening = Date.now();
    const deadline = listening + timeoutMs;
    const token = await login(url, 'supervisor');
    const snapshot = (await get(`${url}/api/snapshot`, token)).body as Snapshot;
    // The first camera a user opens: one the room wall does not show (those are encoded first at start).
    const onWall = new Set((snapshot.walls ?? []).flatMap((w) => w.tiles.map((t) => t.cameraId)));
    const publicCameras = snapshot.cameras.filter((c) => c.owner !== 'third_party' && c.online);
    const first = publicCameras.find((c) => !onWall.has(c.id)) ?? publicCameras[0]!;
    const mediaUrl = (c: { streams: { sub: { url: string } } }) =>
      `${url}${c.streams.sub.url.replace(/\.m3u8$/, '/live.m3u8')}`;

    const firstReady = mediaReadyAt(mediaUrl(first), token, deadline);
    await page.goto(`${url}/?bench=lowLatency&cameras=${first.id}`);
    let oneAt: number | null = null;
    while (Date.now() < deadline && oneAt === null) {
      oneAt = (await firstFrames(page))[0] ?? null;
      if (oneAt === null) await sleep(50);
    }
    const oneReadyAt = await firstReady;

    const sixteen = [first, ...publicCameras.filter((c) => c.id !== first.id)].slice(0, 16);
    const page16 = await context.newPage();
    const ready16 = Promise.all(sixteen.map((c) => mediaReadyAt(mediaUrl(c), token, deadline)));
    await page16.goto(`${url}/?bench=lowLatency&cameras=${sixteen.map((c) => c.id).join(',')}`);
    let frames16: (number | null)[] = [];
    while (Date.now() < deadline) {
      frames16 = await firstFrames(page16);
      if (frames16.length === sixteen.length && frames16.every((f) => f !== null)) break;
      await sleep(100);
    }
    const readyTimes = await ready16;
    const shown = frames16.filter((f): f is number => f !== null).map((f) => Math.round(f - t0));
    const allShown = shown.length === sixteen.length ? Math.max(...shown) : null;
    const since = (at: number | null) => (at === null ? null : Math.round(at - t0));
    return {
      command: `npm run sms -- ${flags.map((f) => (f === dataDir ? '<fresh dir>' : f)).join(' ')}`,
      listeningMs: listening - t0,
      one: { cameraId: first.id, mediaPlaylistReadyMs: since(oneReadyAt), firstFrameMs: since(oneAt) },
      sixteen: {
        cameras: sixteen.length,
        mediaPlaylistsReadyMs: readyTimes.every((r) => r !== null)
          ? Math.round(Math.max(...(readyTimes as number[])) - t0)
          : null,
        firstFrameP50Ms: shown.length ? [...shown].sort((a, b) => a - b)[Math.floor(shown.length / 2)]! : null,
        allFirstFramesMs: allShown,
        withoutFrame: sixteen.length - shown.length,
      },
      sinceListening: {
        oneFirstFrameMs: oneAt === null ? null : Math.round(oneAt - listening),
        sixteenFirstFramesMs: allShown === null ? null : allShown - (listening - t0),
      },
      smsCpuSeconds: child.pid === undefined ? 0 : round2(processTreeCpuSeconds(child.pid)),
    };
  } finally {
    if (child) await stopGroup(child);
    await context.close().catch(() => undefined);
    rmSync(profile, { recursive: true, force: true });
    rmSync(dataDir, { recursive: true, force: true });
  }
}
