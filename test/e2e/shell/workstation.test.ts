import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser } from '../support/browser';
import type { LaunchedBrowser } from '../support/browser';
import { signIn, waitForText } from '../support/page';
import { ROOT, ensureRendererBuilt } from '../support/renderer';
import { colleagueRaisesIncidentFromCamera } from './colleague';
import { removeDataDir, startDemoSms } from '../support/sms';
import type { DemoSms } from '../support/sms';

// Incidents are selected in the console's queue (renderer/cad) and on the incident board of the
// major-event command window (renderer/app). A fresh demo City has no open incident yet, so a
// colleague raises one from a CCTV alert first.

const RESULTS = path.join(ROOT, 'test-results');
let sms: DemoSms | undefined;
let browser: LaunchedBrowser | undefined;

beforeAll(() => {
  ensureRendererBuilt();
  mkdirSync(RESULTS, { recursive: true });
}, 120_000);

afterEach(async () => {
  await browser?.close();
  await sms?.stop();
  if (sms) removeDataDir(sms.dataDir);
  browser = undefined;
  sms = undefined;
});

const selection = (page: Page) => page.getByRole('status', { name: 'Selection' });

/** Opens another window of the workstation from the header, as an operator would. */
async function openWindow(page: Page, name: string): Promise<Page> {
  const [popup] = await Promise.all([
    page.context().waitForEvent('page'),
    page.getByRole('navigation', { name: 'Workstation windows' }).getByRole('button', { name }).click(),
  ]);
  await popup.waitForLoadState();
  return popup;
}

describe('a workstation of several windows in Chromium', () => {
  it('opens role windows without a second sign-in and keeps them in step', async () => {
    sms = await startDemoSms();
    browser = await launchBrowser();
    const { page } = browser;
    await signIn(page, `${sms.url}/?role=command`);
    await waitForText(page.getByRole('status', { name: 'Connection' }), /^Live$/);

    const wall = await openWindow(page, 'Open Video wall window');
    // The session came along with the window: no sign-in form, straight to the wall.
    await wall.getByRole('main', { name: 'Video wall' }).waitFor();
    expect(await wall.getByLabel('Password').count()).toBe(0);
    await waitForText(wall.getByRole('status', { name: 'Connection' }), /^Live$/);
    await waitForText(selection(wall), /Nothing selected/);

    const ref = await colleagueRaisesIncidentFromCamera(sms.url);
    const board = page.getByRole('table', { name: 'Open incidents' });
    await board.getByRole('button', { name: ref, exact: true }).click();
    await expect(board.getByRole('button', { name: ref, exact: true }).getAttribute('aria-pressed')).resolves.toBe(
      'true',
    );
    await waitForText(selection(page), new RegExp(`Incident ${ref}`));
    await waitForText(selection(wall), new RegExp(`Incident ${ref}`));

    // Cleared in the wall window, cleared in the command window.
    await wall.getByRole('button', { name: 'Clear selection' }).click();
    await waitForText(selection(page), /Nothing selected/);

    await page.screenshot({ path: path.join(RESULTS, 'shell-command.png') });
    await wall.screenshot({ path: path.join(RESULTS, 'shell-wall.png') });

    // Signing out in one window signs the workstation out: the wall window is not left open.
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('Password').waitFor();
    await wall.getByLabel('Password').waitFor();
    await wall.getByText('You signed out in another window of this workstation.').waitFor();
  }, 120_000);

  it('a console window and a wall window: an incident picked in the console queue is selected on the wall', async () => {
    sms = await startDemoSms();
    browser = await launchBrowser();
    const { page } = browser;
    await signIn(page, `${sms.url}/?role=console`);
    await waitForText(page.getByRole('status', { name: 'Connection' }), /^Live$/);
    const wall = await openWindow(page, 'Open Video wall window');
    await wall.getByRole('main', { name: 'Video wall' }).waitFor();

    const ref = await colleagueRaisesIncidentFromCamera(sms.url);
    await page
      .getByRole('listbox', { name: 'Incident queue' })
      // The row reads its reference as "CAD-" (for screen readers) then the number.
      .getByRole('option', { name: new RegExp(ref.slice('CAD-'.length)) })
      .click();
    await waitForText(selection(wall), new RegExp(`Incident ${ref}`));
  }, 120_000);

  it('"show on wall" from the command window reaches the wall window', async () => {
    sms = await startDemoSms();
    browser = await launchBrowser();
    const { page } = browser;
    await signIn(page, `${sms.url}/?role=command`);
    await waitForText(page.getByRole('status', { name: 'Connection' }), /^Live$/);
    const wall = await openWindow(page, 'Open Video wall window');
    const notice = wall.getByRole('status', { name: 'Requests to the wall' });
    await waitForText(notice, /No camera requested/);
    const ref = await colleagueRaisesIncidentFromCamera(sms.url);

    const push = page
      .getByRole('table', { name: 'Open incidents' })
      .getByRole('button', { name: new RegExp(`^Show \\d+ on wall: cameras of ${ref}$`) });
    await push.click();
    await waitForText(notice, /^Requested on the wall: \S/);
    await wall.screenshot({ path: path.join(RESULTS, 'shell-wall-request.png') });
  }, 120_000);

  it('shows every surface in resizable panes in a single window, resizable from the keyboard', async () => {
    sms = await startDemoSms();
    browser = await launchBrowser();
    const { page } = browser;
    await signIn(page, `${sms.url}/`);
    await page.getByRole('main', { name: 'All surfaces' }).waitFor();
    for (const name of ['Dispatch console', 'Map', 'Video wall']) {
      await page.getByRole('region', { name }).first().waitFor();
    }
    const separator = page.getByRole('separator', { name: 'Resize dispatch console and map' });
    const before = Number(await separator.getAttribute('aria-valuenow'));
    await separator.focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const after = Number(await separator.getAttribute('aria-valuenow'));
    expect(after).toBeGreaterThan(before);
    await page.screenshot({ path: path.join(RESULTS, 'shell-combined.png') });
  }, 120_000);

  it('edits the workstation profile from the settings screen', async () => {
    sms = await startDemoSms();
    browser = await launchBrowser();
    const { page } = browser;
    await page.goto(`${sms.url}/`);
    await page.getByRole('button', { name: 'Workstation settings' }).click();
    const dialog = page.getByRole('dialog', { name: 'Workstation settings' });
    await dialog.getByLabel('Role of display 2 with 2 displays').selectOption({ label: 'Video wall' });
    await dialog.getByLabel('SMS address').fill('not a url');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await waitForText(dialog.getByRole('status'), /must be an http/);
    await dialog.getByLabel('SMS address').fill('http://10.0.0.5:7300');
    await dialog.getByRole('button', { name: 'Save settings' }).click();
    await waitForText(dialog.getByRole('status'), /Saved/);
    await page.screenshot({ path: path.join(RESULTS, 'shell-settings.png') });
    await dialog.getByRole('button', { name: 'Close' }).click();
    await page.reload();
    await page.getByRole('button', { name: 'Workstation settings' }).click();
    await expect(dialog.getByLabel('Role of display 2 with 2 displays').inputValue()).resolves.toBe('wall');
    await expect(dialog.getByLabel('SMS address').inputValue()).resolves.toBe('http://10.0.0.5:7300');
  }, 120_000);
});
