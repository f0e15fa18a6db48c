// axe-core in Chromium on the sign-in page and on every role window after sign-in, each with its
// real content (a City with incidents on the queue and the board, the map drawn, cameras on the
// wall's tiles): no serious or critical violation anywhere, one level-one heading naming the
// window, and landmarks told apart by name. One SMS and one browser for the file; a page per
// window, so one window's state never hides another's findings.
import { readFileSync } from 'node:fs';
import type Axe from 'axe-core';
import type { Page } from 'playwright-core';
import { ROLE_NAMES, WINDOW_ROLES, type WindowRole } from '../../../shared/host/profile';
import { SnapshotSchema } from '../../../shared/protocol';
import { connect, get, login, send } from '../../integration/support/sms';
import { colleagueRaisesIncidentFromCamera } from '../shell/colleague';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { signIn, withDiagnostics } from '../support/page';
import { ensureRendererBuilt } from '../support/renderer';
import { removeDataDir, startDemoSms, type DemoSms } from '../support/sms';
import { VIDEO_CACHE } from '../video/videoSms';

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
/** A common workstation display; the layout tests cover the other sizes. */
const VIEWPORT = { width: 1600, height: 900 };
/** The map's chunk and basemap take long on a loaded two-core machine; a quiet one needs seconds. */
const CONTENT_TIMEOUT_MS = 60_000;
/** The moderate findings the project does not accept either: a window without its title heading, landmarks alike. */
const ALSO_REFUSED = new Set(['page-has-heading-one', 'landmark-unique', 'landmark-no-duplicate-banner']);

let sms: DemoSms | undefined;
let browser: LaunchedBrowser | undefined;

beforeAll(async () => {
  ensureRendererBuilt();
  // Video on, so the wall's tiles hold players, as in the room (loops cached with the video tests').
  sms = await startDemoSms({ sms: { video: true, videoCacheDir: VIDEO_CACHE } });
  await putCamerasOnWall(sms.url);
  // One incident of the test's own, so the queue and the board are never empty whatever the clock.
  await colleagueRaisesIncidentFromCamera(sms.url);
  browser = await launchBrowser(VIEWPORT);
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await sms?.stop();
  if (sms) removeDataDir(sms.dataDir);
});

/** A 3 × 3 room wall of the City's first public cameras, as a supervisor would set it. */
async function putCamerasOnWall(smsUrl: string): Promise<void> {
  const token = await login(smsUrl, 'supervisor');
  const snapshot = SnapshotSchema.parse((await get(`${smsUrl}/api/snapshot`, token)).body);
  const cameras = snapshot.cameras.filter((c) => c.owner !== 'third_party' && c.online).slice(0, 9);
  const client = await connect(smsUrl, token);
  try {
    await client.ready;
    const ok = async (ack: Promise<{ ok: boolean }>) => {
      const answer = await ack;
      if (!answer.ok) throw new Error(`wall command refused: ${JSON.stringify(answer)}`);
    };
    await ok(send(client.socket, 'wall.layout', { wallId: 'wall-room', layout: '3x3' }));
    for (const [tile, camera] of cameras.entries()) {
      await ok(send(client.socket, 'wall.tile', { wallId: 'wall-room', tile, cameraId: camera.id }));
    }
  } finally {
    client.close();
  }
}

interface Finding {
  id: string;
  impact: string;
  help: string;
  nodes: { target: string; summary: string }[];
}

/** Runs axe-core on the whole page, as a person meets it. */
async function axe(page: Page): Promise<Finding[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  return page.evaluate(async () => {
    // Violations only: axe then skips collecting passes, which on a full window costs more than the checks.
    const { violations } = await (window as unknown as { axe: typeof Axe }).axe.run(document, {
      resultTypes: ['violations'],
    });
    return violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? 'unknown',
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target.join(' '), summary: n.failureSummary ?? '' })),
    }));
  });
}

/** The findings a window may not have, one line per element: rule, impact, target, what fails. */
function refused(findings: Finding[]): string[] {
  return findings
    .filter((v) => v.impact === 'serious' || v.impact === 'critical' || ALSO_REFUSED.has(v.id))
    .flatMap((v) =>
      v.nodes.map((n) => `${v.id} (${v.impact}): ${v.help} @ ${n.target}: ${n.summary.replace(/\s+/g, ' ')}`),
    );
}

/** Opens a signed-in window of `role` in a page of its own, once its content is on screen. */
async function openWindow(role: WindowRole): Promise<Page> {
  const page = await browser!.context.newPage();
  page.setDefaultTimeout(CONTENT_TIMEOUT_MS);
  await signIn(page, `${sms!.url}/?role=${role}`, 'supervisor');
  await page.getByRole('main', { name: ROLE_NAMES[role] }).waitFor();
  await page
    .getByRole('status', { name: 'Connection' })
    .filter({ hasText: /^Live$/ })
    .waitFor();
  await contentOf(page, role);
  return page;
}

/**
 * Waits for what the window's surfaces show once loaded (the queue, the map, the board, the
 * tiles), then puts it in the state a person has it in: an incident open, the pointer on a button.
 */
async function contentOf(page: Page, role: WindowRole): Promise<void> {
  const waits: Promise<void>[] = [];
  const has = (...roles: WindowRole[]) => roles.includes(role);
  if (has('console', 'combined'))
    waits.push(page.getByRole('listbox', { name: 'Incident queue' }).getByRole('option').first().waitFor());
  if (has('map', 'command', 'combined')) waits.push(page.getByRole('region', { name: /^Live map/ }).waitFor());
  if (has('command', 'combined'))
    waits.push(page.getByRole('table', { name: 'Open incidents' }).getByRole('row').nth(1).waitFor());
  if (has('wall', 'combined')) {
    waits.push(
      page
        .getByRole('group', { name: /^Tile 9: / })
        .locator('video')
        .waitFor(),
    );
    waits.push(page.getByRole('navigation', { name: 'Cameras' }).getByRole('button').nth(1).waitFor());
  }
  await Promise.all(waits);
  if (has('console', 'combined')) {
    // An incident open in the detail, with its units and recommendations, as a dispatcher works.
    const queue = page.getByRole('listbox', { name: 'Incident queue' });
    await queue.focus();
    await queue.press('Home');
    await queue.press('Enter');
    await page.getByRole('region', { name: /^CAD-\d{4}-\d{6}/ }).waitFor();
  }
  // The pointer on a button, as a mouse leaves it: hover colours are checked too. Forced, as the
  // first-run guide may lie over it: the pointer is there all the same.
  await page.getByRole('main').getByRole('button').first().hover({ force: true });
}

/** The refused findings of the sign-in page. */
async function checkSignIn(): Promise<string[]> {
  const page = await browser!.context.newPage();
  try {
    await page.goto(sms!.url);
    await page.getByLabel('Username').waitFor();
    return refused(await axe(page));
  } finally {
    await page.close();
  }
}

/** The refused findings of a role window, and the text of its level-one headings. */
async function checkWindow(role: WindowRole): Promise<{ findings: string[]; h1: string[] }> {
  const page = await openWindow(role);
  try {
    return { findings: refused(await axe(page)), h1: await page.getByRole('heading', { level: 1 }).allTextContents() };
  } finally {
    await page.close();
  }
}

/**
 * Runs `check`s at most `limit` at a time, started at once: while one window waits for its
 * map or its tiles another is checked, so the file stays short on two cores.
 */
function limited(limit: number) {
  let running = 0;
  const queue: (() => void)[] = [];
  return <T>(check: () => Promise<T>): Promise<T> => {
    const result = new Promise<T>((resolve, reject) => {
      const start = () => {
        running += 1;
        check()
          .then(resolve, reject)
          .finally(() => {
            running -= 1;
            queue.shift()?.();
          });
      };
      if (running < limit) start();
      else queue.push(start);
    });
    // Awaited by its test later; not an unhandled rejection meanwhile.
    result.catch(() => undefined);
    return result;
  };
}

let signInChecked: Promise<string[]>;
const windowsChecked = new Map<WindowRole, Promise<{ findings: string[]; h1: string[] }>>();

beforeAll(() => {
  const run = limited(2);
  signInChecked = run(checkSignIn);
  for (const role of WINDOW_ROLES)
    windowsChecked.set(
      role,
      run(() => checkWindow(role)),
    );
});

const withLog = (run: () => Promise<void>) => withDiagnostics(run, () => ({ sms, browser }));

it('the sign-in page has no serious or critical violation', async () => {
  await withLog(async () => expect(await signInChecked).toEqual([]));
}, 150_000);

it.each(WINDOW_ROLES.map((role) => [ROLE_NAMES[role], role] as const))(
  'the %s window has no serious or critical violation, one level-one heading naming it, landmarks told apart',
  async (name, role) => {
    await withLog(async () => {
      const { findings, h1 } = await windowsChecked.get(role)!;
      expect(findings).toEqual([]);
      expect(h1).toEqual([`JCCR ${name}`]);
    });
  },
  150_000,
);
