// An SMS with the synthetic cameras for the video e2e tests, serving the video wall's test-only
// harness page (built here from renderer/video/harness) at `/`. Same process model as
// ../support/sms.ts (smsProcess.ts in a child process), with video on and prewarmed.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { SmsOptions } from '../../../sms/app';
import { ROOT } from '../support/renderer';
import type { DemoSms } from '../support/sms';

export const HARNESS_OUT = path.join(ROOT, 'out/video-harness');
/** Encoded loops are kept between runs (keyed by recipe), so only a first run pays for ffmpeg. */
export const VIDEO_CACHE = path.join(ROOT, '.cache/hls');

/** Builds the wall harness page (vite, a few seconds). */
export function buildWallHarness(): void {
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'test/bench/video/harness.vite.config.mts',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: 'inherit' },
  );
}

/** Starts a demo SMS (simulated City at real speed, cameras with video) serving the harness. */
export async function startVideoSms(): Promise<DemoSms> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'jccr-e2e-video-'));
  const options: SmsOptions = {
    demo: true,
    dataDir,
    port: 0,
    seed: 20_260_325,
    speed: 1,
    sim: true,
    video: true,
    videoPrewarm: true,
    videoCacheDir: VIDEO_CACHE,
    appDir: HARNESS_OUT,
  };
  const child = spawn(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(ROOT, 'test/e2e/support/smsProcess.ts'), JSON.stringify(options)],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  createInterface({ input: child.stderr }).on('line', (line) => log.push(line));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The SMS did not start.\n${log.join('\n')}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`The SMS exited (${code}).\n${log.join('\n')}`)));
    createInterface({ input: child.stdout }).on('line', (line) => {
      log.push(line);
      const match = /^SMS listening on (\S+)$/.exec(line);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve(match[1]);
    });
  });
  return { url, port: Number(new URL(url).port), dataDir, log, stop: () => stop(child) };
}

function stop(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve();
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
