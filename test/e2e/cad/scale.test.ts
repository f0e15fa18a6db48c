// The console at scale (issue 17): the console window on an SMS holding 10,000 open incidents
// (the console bench's SMS process, test/bench/console/benchSms.ts, seeded through the core's own
// command path) shows the right queue, counts and command-line completions after a burst of
// updates: notes at 200 a second, incidents closed and one created while they arrive.
import { startBenchSms, type BenchSms } from '../../bench/console/benchSmsClient';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { waitForText, waitUntil, withDiagnostics } from '../support/page';
import { ensureRendererBuilt, RENDERER_OUT } from '../support/renderer';
import { commandLine, incidentQueue, openConsole } from './support/consolePage';

const INCIDENTS = 10_000;

let sms: BenchSms | undefined;
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
        sms = await startBenchSms({ incidents: INCIDENTS, seed: 11, appDir: RENDERER_OUT, listenTimeoutMs: 120_000 });
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
