// The console at scale (issue 17): the console window on an SMS holding 10,000 open incidents
// (the console bench's SMS process, test/bench/console/benchSms.ts, seeded through the core's own
// command path) shows the right queue, counts and command-line completions after a burst of
// updates: notes at 200 a second, incidents closed and one created while they arrive.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { waitForText, waitUntil, withDiagnostics } from '../support/page';
import { ensureRendererBuilt, RENDERER_OUT, ROOT } from '../support/renderer';
import { commandLine, incidentQueue, openConsole } from './support/consolePage';

const INCIDENTS = 10_000;

interface ScaleSms {
  url: string;
  log: string[];
  ask(line: string, answer: RegExp): Promise<string>;
  stop(): Promise<void>;
}

async function startScaleSms(): Promise<ScaleSms> {
  const args = {
    incidents: INCIDENTS,
    // The City's units and cameras (the simulator at real time, no pre-roll), no video.
    sms: { dataDir: null, demo: true, sim: true, seed: 11, speed: 1, video: false, appDir: RENDERER_OUT },
  };
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(ROOT, 'test/bench/console/benchSms.ts'), JSON.stringify(args)],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => log.push(line));
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => log.push(line));
  const url = await answer(lines, child, /^SMS listening on (\S+)$/, 120_000);
  return {
    url,
    log,
    ask: (line, pattern) => {
      const reply = answer(lines, child, pattern, 20_000);
      child.stdin!.write(`${line}\n`);
      return reply;
    },
    stop: async () => {
      if (child.exitCode !== null || child.signalCode !== null) return;
      const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function answer(lines: Interface, child: ChildProcess, pattern: RegExp, timeoutMs: number): Promise<string> {
  return new Promise((resolve, reject) => {
    const finish = (error: Error | null, value = '') => {
      clearTimeout(timer);
      lines.off('line', onLine);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value);
    };
    const onLine = (line: string) => {
      const match = pattern.exec(line);
      if (match) finish(null, match[1] ?? match[0]);
      else if (line.startsWith('hook failed')) finish(new Error(line));
    };
    const onExit = (code: number | null) => finish(new Error(`the SMS exited (${code})`));
    const timer = setTimeout(() => finish(new Error(`no answer matching ${pattern}`)), timeoutMs);
    lines.on('line', onLine);
    child.once('exit', onExit);
  });
}

let sms: ScaleSms | undefined;
let browser: LaunchedBrowser | undefined;

beforeAll(() => ensureRendererBuilt(), 180_000);

afterEach(async () => {
  await browser?.close();
  await sms?.stop();
  browser = undefined;
  sms = undefined;
});

describe('the console at scale', () => {
  it('shows the right queue, counts and completions on 10,000 open incidents after a burst of updates', async () => {
    await withDiagnostics(
      async () => {
        sms = await startScaleSms();
        browser = await launchBrowser({ width: 1600, height: 1000 });
        const { page } = browser;
        const server = sms;
        await openConsole(page, server.url);
        const queue = incidentQueue(page);
        const openCount = page.getByRole('region', { name: 'Status' }).getByRole('definition').first();
        const openNow = async () => Number(await server.ask('open', /^open (\d+)$/));
        await waitUntil(
          async () => [Number((await openCount.textContent())?.replace(/\D/g, '')), await openNow()] as const,
          ([shown, held]) => shown === held && held >= INCIDENTS,
          60_000,
          'the status bar to count the SMS open incidents',
        );

        // The burst: notes at 200 a second, 25 incidents closed and a grade 1 created in the middle.
        await server.ask('rate 200', /^(rate 200 ok)$/);
        await page.waitForTimeout(1_500);
        await server.ask('close 25', /^closed (\d+)$/);
        const made = await server.ask('create', /^created (\S+)$/);
        await page.waitForTimeout(1_500);
        await server.ask('rate 0', /^(rate 0 ok)$/);

        // Counts: the status bar and the queue's size agree with the SMS.
        const [shown, held] = await waitUntil(
          async () => [Number((await openCount.textContent())?.replace(/\D/g, '')), await openNow()] as const,
          ([a, b]) => a === b,
          20_000,
          'the open count to settle on the SMS count',
        );
        expect(shown).toBe(held);
        await queue.focus();
        await page.keyboard.press('Home');
        const first = queue.getByRole('option').first();
        await waitUntil(
          async () => Number(await first.getAttribute('aria-setsize')),
          (size) => size === held,
          10_000,
          'the queue to hold every open incident',
        );

        // Queue: its first rows are the SMS's most urgent incidents, in the shared order.
        const top = (await server.ask('top 6', /^top (\S+)$/)).split(',');
        const refs = await waitUntil(
          async () =>
            (await queue.getByRole('option').allTextContents()).slice(0, 6).map((t) => /CAD-\d{4}-\d{6}/.exec(t)?.[0]),
          (shownRefs) => shownRefs.join() === top.join(),
          10_000,
          `the queue to start with ${top.join(', ')}`,
        );
        expect(refs).toEqual(top);

        // Command line: callsigns complete, and the incident created in the burst is known by number.
        const callsigns = (await server.ask('callsigns', /^callsigns (\S+)$/)).split(',');
        await commandLine(page).fill('assign ');
        await waitForText(page.locator('#cad-cmdline-help'), new RegExp(`Tab: ${callsigns.slice(0, 4).join(', ')}`));
        const number = Number(made.slice(-6));
        await commandLine(page).fill(`note ${number} checked at scale`);
        await commandLine(page).press('Enter');
        await waitForText(page.locator('#cad-cmdline-help'), /^Commands:/);
        await waitForText(
          page.getByRole('region', { name: /^Pending actions/ }),
          new RegExp(`Note on ${made}|All actions confirmed`),
        );
        expect(browser.errors).toEqual([]);
      },
      () => ({ sms, browser }),
    );
  }, 120_000);
});
