import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { waitForText } from '../support/page';
import { ensureRendererBuilt } from '../support/renderer';
import { removeDataDir } from '../support/sms';
import { startCadSms, type CadSms } from './support/cadSms';
import { commandLine, incidentDetail, incidentQueue, openConsole } from './support/consolePage';

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

describe('dispatch console by keyboard', () => {
  it('creates from the command line with a gazetteer place, notes by reference, and lists commands with Ctrl+K', async () => {
    sms = await startCadSms();
    browser = await launchBrowser({ width: 1600, height: 1000 });
    const { page } = browser;
    await openConsole(page, sms.url);
    const queue = incidentQueue(page);

    // "/" focuses the command line; "new" with a type, a grade and a place opens the form pre-filled.
    await queue.focus();
    await page.keyboard.press('/');
    await page.keyboard.type('new firearm g1 @Bank of');
    await page.keyboard.press('Enter');
    const form = page.getByRole('region', { name: 'New incident from a call' });
    expect(await form.getByLabel('Incident type').inputValue()).toBe('suspected_firearm');
    expect(await form.getByLabel('Grade').inputValue()).toBe('1');
    await form.getByRole('button', { name: /^Use Bank of England \(/ }).click();
    await waitForText(form.getByText(/^Location:/), /Bank of England/);
    await form.getByRole('button', { name: 'Create incident', exact: true }).click();
    const heading = await waitForText(incidentDetail(page).getByRole('heading', { level: 3 }), /^CAD-/);
    const number = Number(/^CAD-\d{4}-(\d{6})/.exec(heading)![1]);

    // A note by the reference's number, from the command line.
    await commandLine(page).fill(`note ${number} Caller describes a black holdall`);
    await commandLine(page).press('Enter');
    await waitForText(
      incidentDetail(page).getByRole('list', { name: 'Incident log' }),
      /Caller describes a black holdall/,
    );

    // A mistake is explained inline, not silently dropped.
    await commandLine(page).fill('assign 999999 NOPE');
    await commandLine(page).press('Enter');
    await waitForText(page.locator('#cad-cmdline-help'), /unknown callsign|no incident/);

    // Ctrl+K: the palette lists the commands; Enter starts the chosen one on the command line.
    await page.keyboard.press('Control+k');
    const palette = page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByLabel('Search commands').fill('close');
    await page.keyboard.press('Enter');
    expect(await commandLine(page).inputValue()).toBe('close ');
  }, 180_000);
});
