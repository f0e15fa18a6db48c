import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { ROOT } from '../../e2e/support/renderer';
import type { UnitUpdateMode } from './modes';

const PAGE_HOOK = path.join(ROOT, 'out/bench/map/pageHook.js');
let built = false;

/** Bundles `pageHook.ts` and what it imports into one script, once per process (a second or two). */
function buildPageHook(): void {
  if (built) return;
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'test/bench/map/vite.config.mts',
      '--logLevel',
      'warn',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  built = true;
}

/**
 * Puts the map bench hook into `page` before the app loads (call it before navigating): the map
 * then draws units in `mode` and exposes `window.__jccrMapBench` (see pageHook.ts).
 */
export async function installMapBench(page: Page, mode: UnitUpdateMode): Promise<void> {
  buildPageHook();
  await page.addInitScript(`window.__jccrMapBenchMode = ${JSON.stringify(mode)};`);
  await page.addInitScript({ path: PAGE_HOOK });
}
