import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { waitForText, withDiagnostics } from '../support/page';
import { ROOT, ensureRendererBuilt } from '../support/renderer';
import { removeDataDir } from '../support/sms';
import { startCadSms, type CadSms } from './support/cadSms';
import { incidentDetail, openConsole } from './support/consolePage';

const RESULTS = path.join(ROOT, 'test-results');
const shot = (page: Page, name: string) => page.screenshot({ path: path.join(RESULTS, `cad-${name}.png`) });

let sms: CadSms | undefined;
let browser: LaunchedBrowser | undefined;
const dataDirs: string[] = [];

beforeAll(() => {
  ensureRendererBuilt();
  mkdirSync(RESULTS, { recursive: true });
}, 180_000);

afterEach(async () => {
  await browser?.close();
  await sms?.stop();
  dataDirs.splice(0).forEach(removeDataDir);
  browser = undefined;
  sms = undefined;
});

const withLog = (run: () => Promise<void>) => withDiagnostics(run, () => ({ sms, browser }));

/** The DSP call arrives; the dispatcher creates a Grade 1 suspected-firearm incident from it. */
async function createFromServicePointCall(page: Page): Promise<string> {
  await sms!.raiseServicePointCall();
  const alerts = page.getByRole('region', { name: /^Alerts/ });
  await alerts
    .getByRole('button', { name: /^Create incident from Digital Service Point call/ })
    .first()
    .click();
  const form = page.getByRole('region', { name: /^New incident from Digital Service Point call/ });
  await form.getByLabel('Incident type').selectOption({ label: 'Suspected firearm' });
  // Grade 1 is suggested for a suspected firearm; the dispatcher confirms it.
  await form.getByLabel('Grade').selectOption({ label: 'Grade 1 Emergency (suggested)' });
  await form.getByLabel('Caller name').fill('Sam Example');
  await shot(page, '1-create');
  await form.getByRole('button', { name: 'Create incident' }).click();
  const heading = incidentDetail(page).getByRole('heading', { level: 3 });
  const text = await waitForText(heading, /^CAD-\d{4}-\d{6}/);
  return /^(CAD-\d{4}-\d{6})/.exec(text)![1]!;
}

/** axe-core's serious and critical findings inside the console, one line each. */
async function seriousViolations(page: Page): Promise<string[]> {
  const violations = await page.evaluate(async () => {
    type Result = {
      violations: {
        id: string;
        impact: string;
        help: string;
        nodes: { target: string[]; failureSummary?: string }[];
      }[];
    };
    const axe = (window as unknown as { axe: { run: (context: unknown) => Promise<Result> } }).axe;
    return (await axe.run({ include: [['section[aria-label="Dispatch console"]']] })).violations;
  });
  return violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) =>
        `${v.id}: ${v.help} @ ${v.nodes
          .map((n) => `${n.target.join(' ')} (${n.failureSummary ?? ''})`)
          .slice(0, 3)
          .join(', ')}`,
    );
}

/** The log lines of the open incident, as text. */
const logLines = (page: Page) =>
  incidentDetail(page).getByRole('list', { name: 'Incident log' }).getByRole('listitem').allTextContents();

describe('dispatch console in Chromium', () => {
  it('takes a Digital Service Point call to a Grade 1 incident, assigns the recommended unit, sees it arrive, closes', async () => {
    sms = await startCadSms();
    dataDirs.push(sms.dataDir);
    browser = await launchBrowser({ width: 1600, height: 1000 });
    const { page } = browser;
    await withLog(async () => {
      await openConsole(page, sms!.url);
      const ref = await createFromServicePointCall(page);

      const rec = incidentDetail(page)
        .getByRole('button', { name: /^Assign \S+ Armed response ETA/ })
        .first();
      await rec.waitFor({ timeout: 15_000 });
      const callsign = /^Assign (\S+) /.exec((await rec.textContent()) ?? '')![1]!;
      await shot(page, '2-recommendation');
      // One keystroke: "1" assigns the first recommendation (focus is not in a field).
      await page.getByRole('listbox', { name: 'Incident queue' }).focus();
      await page.keyboard.press('1');

      const assigned = incidentDetail(page).getByRole('region', { name: 'Assigned units' });
      await waitForText(assigned, new RegExp(`${callsign}.*(En route|On scene)`), 60_000);
      await waitForText(assigned, new RegExp(`${callsign}.*On scene`), 120_000);
      await shot(page, '3-on-scene');

      await incidentDetail(page).getByLabel('Result code').selectOption({ label: 'Arrest' });
      await incidentDetail(page).getByRole('button', { name: 'Close incident' }).click();
      await waitForText(incidentDetail(page).getByText(/^Closed:/), /Arrest/);
      const log = await logLines(page);
      expect(log.some((l) => /closed/.test(l))).toBe(true);
      expect(log.some((l) => new RegExp(`assign Assigned ${callsign}`).test(l))).toBe(true);
      expect(ref).toMatch(/^CAD-/);
    });
  }, 300_000);

  it('keeps an action made while the SMS is down and applies it exactly once when it returns', async () => {
    sms = await startCadSms();
    dataDirs.push(sms.dataDir);
    browser = await launchBrowser({ width: 1600, height: 1000 });
    const { page } = browser;
    await withLog(async () => {
      await openConsole(page, sms!.url);
      await createFromServicePointCall(page);
      const rec = incidentDetail(page)
        .getByRole('button', { name: /^Assign \S+ Armed response ETA/ })
        .first();
      await rec.waitFor({ timeout: 15_000 });

      const { dataDir, port } = sms!;
      await sms!.stop();
      await waitForText(page.getByRole('status', { name: 'Connection' }), /^(?!Live)/, 20_000);

      // While the SMS is down: a note, which waits in the outbox and shows as pending.
      await incidentDetail(page).getByLabel('Add note').fill('Armed officers requested by caller');
      await incidentDetail(page).getByRole('button', { name: 'Add note' }).click();
      const pending = page.getByRole('region', { name: /^Pending actions/ });
      await waitForText(pending, /Note on CAD-/);
      await shot(page, '4-pending');

      sms = await startCadSms({ dataDir, port });
      await waitForText(page.getByRole('status', { name: 'Connection' }), /^Live$/, 60_000);
      await waitForText(pending, /All actions confirmed/, 30_000);

      await rec.click();
      await waitForText(incidentDetail(page).getByRole('region', { name: 'Assigned units' }), /On scene/, 120_000);
      await incidentDetail(page).getByLabel('Result code').selectOption({ label: 'Resolved on scene' });
      await incidentDetail(page).getByRole('button', { name: 'Close incident' }).click();
      await waitForText(incidentDetail(page).getByText(/^Closed:/), /Resolved on scene/);

      const notes = (await logLines(page)).filter((l) => l.includes('Armed officers requested by caller'));
      expect(notes).toHaveLength(1);
      expect(notes[0]).toMatch(/dispatcher note/);
      await shot(page, '5-closed');
    });
  }, 300_000);

  it('has no serious or critical accessibility violation (axe-core)', async () => {
    sms = await startCadSms();
    dataDirs.push(sms.dataDir);
    browser = await launchBrowser({ width: 1600, height: 1000 });
    const { page } = browser;
    await withLog(async () => {
      await openConsole(page, sms!.url);
      await page.addScriptTag({ content: readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8') });
      // Call taking (form open, with the alert queue), then the incident detail with recommendations.
      await sms!.raiseServicePointCall();
      await page
        .getByRole('button', { name: /^Create incident from Digital Service Point call/ })
        .first()
        .click();
      await page.getByLabel('Incident type').selectOption({ label: 'Suspected firearm' });
      const whileCreating = await seriousViolations(page);
      await page.getByRole('button', { name: 'Create incident', exact: true }).click();
      await incidentDetail(page)
        .getByRole('button', { name: /^Assign / })
        .first()
        .waitFor({ timeout: 15_000 });
      const withDetail = await seriousViolations(page);
      expect([...whileCreating, ...withDetail]).toEqual([]);
    });
  }, 180_000);
});
