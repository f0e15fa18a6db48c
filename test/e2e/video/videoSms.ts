// An SMS with the synthetic cameras for the video e2e tests, serving the video wall's test-only
// harness page (built here from renderer/video/harness) at `/`: ../support/sms.ts's demo SMS
// with video on and prewarmed, at real speed.
import { execFileSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { ROOT } from '../support/renderer';
import { startDemoSms, type DemoSms } from '../support/sms';

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
export function startVideoSms(): Promise<DemoSms> {
  return startDemoSms({
    dataDir: mkdtempSync(path.join(tmpdir(), 'jccr-e2e-video-')),
    sms: { speed: 1, video: true, videoPrewarm: true, videoCacheDir: VIDEO_CACHE, appDir: HARNESS_OUT },
  });
}
