import path from 'node:path';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { waitForText } from '../support/page';
import { ROOT, ensureRendererBuilt } from '../support/renderer';
import { removeDataDir } from '../support/sms';
import { startCadSms, type CadSms } from './support/cadSms';
import { commandLine, incidentDetail, openConsole } from './support/consolePage';

let sms: CadSms | undefined;
let browser: LaunchedBrowser | undefined;

beforeAll(() => ensureRendererBuilt(), 180_000);

afterEach(async () => {
  await browser?.close();
  await sms?.stop();
  if (sms) removeDataDir(sms.dataDir);
  browser = undefined;
  sms = undefined;
});

describe('alerts, emergencies and refusals', () => {
  it('keeps the officer emergency banner until handled, and rolls back a refused assignment visibly', async () => {
    sms = await startCadSms();
    browser = await launchBrowser({ width: 1600, height: 1000 });
    const { page } = browser;
    await openConsole(page, sms.url);

    await sms.raiseEmergencyButton();
    const banner = page.getByRole('alert', { name: 'Officer emergency' });
    await waitForText(banner, /OFFICER EMERGENCY/);
    // Acknowledging is not handling: the banner stays.
    await page
      .getByRole('region', { name: /^Alerts/ })
      .getByRole('button', { name: /^Acknowledge Officer emergency button/ })
      .click();
    await waitForText(page.getByRole('region', { name: /^Alerts/ }), /acknowledged/);
    await banner.waitFor();
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'cad-6-emergency.png') });

    await banner.getByRole('button', { name: /^Handle emergency/ }).click();
    const form = page.getByRole('region', { name: /^New incident from Officer emergency button/ });
    await form.getByLabel('Grade').selectOption('1');
    await form.getByRole('button', { name: 'Create incident', exact: true }).click();
    await banner.waitFor({ state: 'detached' });
    const heading = await waitForText(incidentDetail(page).getByRole('heading', { level: 3 }), /^CAD-/);
    const number = Number(/^CAD-\d{4}-(\d{6})/.exec(heading)![1]);

    // Take a unit off duty on the unit board, then try to assign it: the SMS refuses.
    const units = page.getByRole('region', { name: /^Units/ });
    const status = units.getByRole('combobox', { name: 'Status of CY-01' });
    await status.selectOption('off_duty');
    await page.waitForFunction(
      () =>
        (document.querySelector('select[aria-label="Status of CY-01"]') as HTMLSelectElement | null)?.value ===
        'off_duty',
    );
    await waitForText(page.getByRole('region', { name: /^Pending actions/ }), /All actions confirmed/);
    await commandLine(page).fill(`assign ${number} CY-01`);
    await commandLine(page).press('Enter');
    const pending = page.getByRole('region', { name: /^Pending actions/ });
    await waitForText(pending, /REFUSED.*Assign CY-01/);
    await waitForText(incidentDetail(page).getByRole('region', { name: 'Assigned units' }), /^(?![\s\S]*CY-01)/);
    await page.screenshot({ path: path.join(ROOT, 'test-results', 'cad-7-refused.png') });
    await pending.getByRole('button', { name: /^Dismiss refusal/ }).click();
    await waitForText(pending, /All actions confirmed/);
  }, 180_000);
});
