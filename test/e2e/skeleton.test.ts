import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from './support/browser';
import type { LaunchedBrowser } from './support/browser';
import { signIn, waitForText, waitUntil, withDiagnostics } from './support/page';
import { ROOT, ensureRendererBuilt } from './support/renderer';
import { removeDataDir, startDemoSms } from './support/sms';
import type { DemoSms } from './support/sms';

const RESULTS = path.join(ROOT, 'test-results');
const COUNTS = ['Open incidents', 'Units available', 'Cameras online', 'Unacknowledged alerts', 'Last event'] as const;

const connection = (page: Page) => page.getByRole('status', { name: 'Connection' });
/** The value beside a count's term in the status bar, read as a person reads "Open incidents 12". */
const count = (page: Page, name: (typeof COUNTS)[number]) =>
  page
    .getByRole('region', { name: 'Status' })
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${name}$`) })
    .locator('xpath=following-sibling::dd[1]');
const readCounts = async (page: Page): Promise<Record<string, string | null>> =>
  Object.fromEntries(
    await Promise.all(COUNTS.map(async (name) => [name, await count(page, name).textContent()] as const)),
  );

let sms: DemoSms | undefined;
let browser: LaunchedBrowser | undefined;
const dataDirs: string[] = [];

beforeAll(() => {
  ensureRendererBuilt();
  mkdirSync(RESULTS, { recursive: true });
}, 120_000);

afterEach(async () => {
  await browser?.close();
  await sms?.stop();
  dataDirs.splice(0).forEach(removeDataDir);
  browser = undefined;
  sms = undefined;
});

const withSmsLog = (run: () => Promise<void>) => withDiagnostics(run, () => ({ sms, browser }));

describe('walking skeleton in Chromium', () => {
  it('signs in and shows live counts that move as the City does', async () => {
    sms = await startDemoSms();
    dataDirs.push(sms.dataDir);
    browser = await launchBrowser();
    const { page } = browser;
    await withSmsLog(async () => {
      // The console window: status bar and counts, without the wall (video is off in this SMS).
      await signIn(page, `${sms!.url}/?role=console`);

      await waitForText(connection(page), /^Live$/);
      await page.getByText('dispatcher', { exact: true }).waitFor();
      await page.getByText('Dispatcher', { exact: true }).waitFor();
      await page.getByRole('button', { name: 'Sign out' }).waitFor();

      const first = await waitUntil(
        () => readCounts(page),
        (counts) => Object.values(counts).every((text) => /\d/.test(text ?? '')),
        10_000,
        'every count to show a number',
      );
      expect(first['Units available']).toMatch(/^\d+ of [1-9]\d*$/);
      expect(first['Cameras online']).toMatch(/^\d+ of [1-9]\d*$/);

      await waitUntil(
        () => readCounts(page),
        (counts) => JSON.stringify(counts) !== JSON.stringify(first),
        20_000,
        'a count or the last event to move',
      );
      await page.screenshot({ path: path.join(RESULTS, 'skeleton.png') });
      expect(browser!.errors).toEqual([]);
    });
  }, 90_000);

  it('says the data is not live, with its age, while the SMS is down, and is live again when it returns', async () => {
    sms = await startDemoSms();
    dataDirs.push(sms.dataDir);
    const { dataDir, port } = sms;
    browser = await launchBrowser();
    const { page } = browser;
    await withSmsLog(async () => {
      // The console window: status bar and counts, without the wall (video is off in this SMS).
      await signIn(page, `${sms!.url}/?role=console`);
      await waitForText(connection(page), /^Live$/);
      // Survives only if the page is never reloaded.
      await page.evaluate(() => Reflect.set(window, 'e2eMarker', 'same page'));
      const seqBefore = Number((await count(page, 'Last event').textContent())?.replace('#', ''));

      await sms!.stop();
      await waitForText(connection(page), /^Reconnecting — data \d+ s old$/);
      // The age keeps counting while the SMS is away.
      await waitForText(connection(page), /data [2-9] s old|data \d{2,} s old/, 10_000);
      await page.screenshot({ path: path.join(RESULTS, 'skeleton-reconnecting.png') });

      sms = await startDemoSms({ dataDir, port });
      await waitForText(connection(page), /^Live$/, 30_000);
      expect(await page.evaluate(() => Reflect.get(window, 'e2eMarker'))).toBe('same page');
      const seqAfter = await waitUntil(
        async () => Number((await count(page, 'Last event').textContent())?.replace('#', '')),
        (seq) => seq > seqBefore,
        20_000,
        'events to flow again after the restart',
      );
      expect(seqAfter).toBeGreaterThan(seqBefore);
      expect(browser!.errors.filter((e) => e.startsWith('uncaught'))).toEqual([]);
    });
  }, 120_000);
});
