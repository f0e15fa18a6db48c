import { execFileSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/** The repository root. */
export const ROOT = path.resolve(__dirname, '../../..');
/** Where `renderer/vite.config.mts` builds the renderer. */
export const RENDERER_OUT = path.join(ROOT, 'out/renderer');

let checked = false;

/**
 * Builds the renderer (vite) unless `out/renderer/index.html` is newer than every file under
 * `renderer/` and `shared/`. Runs the check once per test process.
 */
export function ensureRendererBuilt(): void {
  if (checked) return;
  const entry = path.join(RENDERER_OUT, 'index.html');
  const builtAt = existsSync(entry) ? statSync(entry).mtimeMs : -1;
  const sources = [path.join(ROOT, 'renderer'), path.join(ROOT, 'shared'), path.join(ROOT, 'package-lock.json')];
  if (sources.some((source) => newestMtime(source) > builtAt)) {
    execFileSync(
      process.execPath,
      [
        path.join(ROOT, 'node_modules/vite/bin/vite.js'),
        'build',
        '--config',
        'renderer/vite.config.mts',
        '--logLevel',
        'warn',
      ],
      // Jest sets NODE_ENV=test, which would give React's development build.
      { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
    );
  }
  checked = true;
}

function newestMtime(file: string): number {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}
