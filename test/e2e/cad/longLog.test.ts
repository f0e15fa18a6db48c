import { io } from 'socket.io-client';
import { CommandAckSchema, SessionResponseSchema, type Incident } from '../../../shared/protocol';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { waitForText, withDiagnostics } from '../support/page';
import { ensureRendererBuilt } from '../support/renderer';
import { removeDataDir } from '../support/sms';
import { startCadSms, type CadSms } from './support/cadSms';
import { incidentDetail, incidentQueue, openConsole } from './support/consolePage';

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

/** Creates an incident with `notes` notes as another dispatcher would, over the protocol. */
async function incidentWithNotes(url: string, notes: number): Promise<Incident> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'supervisor', password: 'jccr-demo' }),
  });
  const { token } = SessionResponseSchema.parse(await res.json());
  const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
  const command = async (type: string, payload: unknown) => {
    const ack = CommandAckSchema.parse(
      await socket.timeout(10_000).emitWithAck('command', { id: crypto.randomUUID(), type, payload }),
    );
    if (!ack.ok) throw new Error(`${type}: ${ack.error.message}`);
    return ack.result as { incident: Incident };
  };
  try {
    const { incident } = await command('incident.create', {
      type: 'theft',
      grade: 3,
      location: { lon: -0.0886, lat: 51.5134 },
      summary: 'A long running one',
    });
    for (let i = 1; i <= notes; i++) {
      await command('incident.note', { incidentId: incident.id, text: `Update ${i}` });
      // Within the per-connection command rate.
      if (i % 20 === 0) await new Promise((r) => setTimeout(r, 1_100));
    }
    return incident;
  } finally {
    socket.close();
  }
}

describe('a long incident log in the console', () => {
  it('shows the latest 50 entries and loads the earlier ones from the keyboard', async () => {
    sms = await startCadSms();
    browser = await launchBrowser({ width: 1600, height: 1000 });
    const { page } = browser;
    await withDiagnostics(
      async () => {
        const incident = await incidentWithNotes(sms!.url, 70);
        await openConsole(page, sms!.url);
        // The simulator keeps the queue busy: find the incident by its summary.
        await page.getByLabel('Search incidents').fill('A long running one');
        await incidentQueue(page).getByRole('option').first().click();
        const detail = incidentDetail(page);
        await waitForText(detail.getByRole('heading', { level: 3 }), new RegExp(`^${incident.ref}`));
        const log = detail.getByRole('list', { name: 'Incident log' }).getByRole('listitem');
        await waitForText(detail.getByText(/^Showing the latest/), /Showing the latest 50 of 71 entries/);
        expect(await log.count()).toBe(50);
        expect(await log.first().textContent()).toMatch(/Update 70$/);

        const button = detail.getByRole('button', { name: 'Show earlier entries' });
        await button.focus();
        await page.keyboard.press('Enter');
        await detail.getByText(/^Showing the latest/).waitFor({ state: 'detached', timeout: 15_000 });
        expect(await log.count()).toBe(71);
        expect(await log.last().textContent()).toMatch(/created/);
      },
      () => ({ sms, browser }),
    );
  }, 180_000);
});
