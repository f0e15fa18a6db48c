/**
 * Console benchmark (npm run bench:cad): the incident queue with 10,000 open incidents while
 * 200 `incident.updated` events a second arrive, in headless Chromium. Prints ONE JSON object:
 * per mode, the main-thread time per frame (events applied through the product's reducer,
 * queue ordered and rendered synchronously) as p50/p95/max, and the ratio of the non-virtualised
 * baseline to the product's virtualised queue, measured in the same run.
 *
 * Flags: --incidents 10000  --rate 200  --seconds 10  --warmup 2
 */
import { execFileSync } from 'node:child_process';
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { launchBrowser } from '../e2e/support/browser';

const ROOT = path.resolve(__dirname, '../..');
const OUT = path.join(ROOT, 'out/cad-harness');

function flag(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 && process.argv[i + 1] ? (process.argv[i + 1] as string) : fallback;
}
const INCIDENTS = Number(flag('incidents', '10000'));
const RATE = Number(flag('rate', '200'));
const SECONDS = Number(flag('seconds', '10'));
const WARMUP = Number(flag('warmup', '2'));

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return Math.round(s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))]! * 100) / 100;
};

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serve(): Promise<{ server: Server; url: string }> {
  const server = createServer((req, res) => {
    const file = path.join(OUT, path.normalize(decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname)));
    const target = file.endsWith(path.sep) ? path.join(file, 'index.html') : file;
    if (!target.startsWith(OUT) || !existsSync(target) || !statSync(target).isFile()) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': TYPES[path.extname(target)] ?? 'application/octet-stream' });
    createReadStream(target).pipe(res);
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}` });
    }),
  );
}

async function measure(url: string, mode: 'virtual' | 'full') {
  const browser = await launchBrowser({ width: 1440, height: 900 });
  try {
    const { page } = browser;
    await page.goto(`${url}/index.html?mode=${mode}&incidents=${INCIDENTS}`);
    await page.waitForFunction('window.__cadBench && window.__cadBench.ready', null, { timeout: 120_000 });
    await page.evaluate(`window.__cadBench.run(${WARMUP}, ${RATE})`);
    const frames = (await page.evaluate(`window.__cadBench.run(${SECONDS}, ${RATE})`)) as number[];
    const rows = await page.locator('[role="option"]').count();
    return {
      frames: frames.length,
      renderedRows: rows,
      p50: pct(frames, 50),
      p95: pct(frames, 95),
      max: pct(frames, 100),
    };
  } finally {
    await browser.close();
  }
}

async function main(): Promise<void> {
  execFileSync(
    process.execPath,
    [
      path.join(ROOT, 'node_modules/vite/bin/vite.js'),
      'build',
      '--config',
      'test/bench/cad/harness.vite.config.mts',
      '--logLevel',
      'error',
    ],
    { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'], env: { ...process.env, NODE_ENV: 'production' } },
  );
  const { server, url } = await serve();
  try {
    const virtual = await measure(url, 'virtual');
    const full = await measure(url, 'full');
    const result = {
      bench: 'cad',
      incidents: INCIDENTS,
      updatesPerSecond: RATE,
      seconds: SECONDS,
      metric: 'main-thread ms per frame (apply events + order + render)',
      virtualised: virtual,
      baselineNonVirtualised: full,
      ratio: {
        p95: Math.round((full.p95 / virtual.p95) * 10) / 10,
        p50: Math.round((full.p50 / virtual.p50) * 10) / 10,
      },
    };
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } finally {
    server.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
