// The wall's tools in Chromium against a real SMS with synthetic cameras: the custom-layout editor
// (mouse and keyboard), snapshot export with its reason and audit, and the H.265 fallback.
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import type { AuditRecord, Camera, Snapshot } from '../../../shared/protocol';
import { connect, get, login, send, type Client } from '../../integration/support/sms';
import type { LaunchedBrowser } from '../support/browser';
import { waitUntil } from '../support/page';
import { ROOT } from '../support/renderer';
import { removeDataDir, type DemoSms } from '../support/sms';
import { buildWallHarness, startVideoSms } from './videoSms';
import {
  expectOk as ok,
  openWall as launchWall,
  tileTime,
  waitLive,
  waitSubStreamEncoded,
  wallTile as tile,
} from './wallPage';

jest.setTimeout(240_000);
const RESULTS = path.join(ROOT, 'test-results');

let sms: DemoSms;
let browser: LaunchedBrowser | undefined;
let supervisor: Client;
let snapshot: Snapshot;

const isHevc = (c: Camera) => /^(hvc1|hev1)/.test(c.streams.main.codec);

beforeAll(async () => {
  buildWallHarness();
  mkdirSync(RESULTS, { recursive: true });
  sms = await startVideoSms();
  const token = await login(sms.url, 'supervisor');
  supervisor = await connect(sms.url, token);
  snapshot = (await get(`${sms.url}/api/snapshot`, token)).body as Snapshot;
  // The simulator's alarm pop-ups go to tile 4, away from the tile under test.
  await ok(send(supervisor.socket, 'wall.alarmTile', { wallId: 'wall-room', tile: 3 }));
  const wanted = [publicCamera(), hevcCamera()];
  for (const camera of wanted) {
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

function publicCamera(): Camera {
  const camera = snapshot.cameras.find((c) => c.owner !== 'third_party' && c.online && !isHevc(c));
  if (!camera) throw new Error('the simulator has no public H.264 camera');
  return camera;
}

function hevcCamera(): Camera {
  const camera = snapshot.cameras.find((c) => c.owner !== 'third_party' && c.online && isHevc(c));
  if (!camera) throw new Error('the simulator has no public camera with an H.265 main stream');
  return camera;
}

async function openWall(): Promise<Page> {
  browser = await launchWall(sms.url);
  return browser.page;
}

const allTiles = (page: Page) => page.getByRole('group', { name: /^Tile \d+[:,]/ });

async function showCamera(page: Page, cameraId: string): Promise<void> {
  await ok(send(supervisor.socket, 'wall.layout', { wallId: 'wall-room', layout: '2x2' }));
  await ok(send(supervisor.socket, 'wall.focus', { wallId: 'wall-room', tile: null }));
  await ok(send(supervisor.socket, 'wall.tile', { wallId: 'wall-room', tile: 0, cameraId }));
  await waitLive(page, 1);
}

it('builds a 1 + 3 custom layout with the mouse and the keyboard, refuses an impossible one, and applies it', async () => {
  const page = await openWall();
  await ok(send(supervisor.socket, 'wall.layout', { wallId: 'wall-room', layout: '2x2' }));
  await page.getByRole('button', { name: 'Custom layout…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Custom layout' });
  await dialog.waitFor();

  // Too many cells for a wall: it cannot be applied, and the dialog says why.
  await dialog.getByLabel('Columns', { exact: true }).selectOption('5');
  await dialog.getByLabel('Rows', { exact: true }).selectOption('5');
  await dialog.getByText('A wall has at most 16 tiles; this has 25. Merge some cells.').waitFor();
  expect(await dialog.getByRole('button', { name: 'Apply to wall' }).isDisabled()).toBe(true);

  await dialog.getByLabel('Rows', { exact: true }).selectOption('3');
  await dialog.getByLabel('Columns', { exact: true }).selectOption('3');
  const grid = dialog.getByRole('group', { name: 'Layout grid, 3 columns by 3 rows' });
  const status = dialog.getByRole('status');

  // The mouse: drag from the top-left cell across to the middle of the right-hand column.
  const box = await grid.boundingBox();
  if (!box) throw new Error('the layout grid is not on screen');
  const centre = (col: number, row: number) => ({
    x: box.x + ((col + 0.5) * box.width) / 3,
    y: box.y + ((row + 0.5) * box.height) / 3,
  });
  await page.mouse.move(centre(0, 0).x, centre(0, 0).y);
  await page.mouse.down();
  await page.mouse.move(centre(1, 1).x, centre(1, 1).y, { steps: 4 });
  await page.mouse.move(centre(2, 1).x, centre(2, 1).y, { steps: 4 });
  await page.mouse.up();
  await status.getByText(/in tile 1 \(rows 1–2, columns 1–3\)\. 4 tiles\./).waitFor();

  // The keyboard: Delete splits the tile under the cursor, Shift+arrows select, Enter merges.
  await grid.press('Delete');
  await status.getByText(/ 9 tiles\./).waitFor();
  await grid.press('ArrowUp');
  await grid.press('ArrowLeft');
  await grid.press('ArrowLeft');
  await status.getByText(/^Cursor at row 1, column 1/).waitFor();
  await grid.press('Shift+ArrowRight');
  await grid.press('Shift+ArrowRight');
  await grid.press('Shift+ArrowDown');
  await status.getByText(/Selected rows 1–2, columns 1–3: Enter merges\./).waitFor();
  await grid.press('Enter');
  await status.getByText(/in tile 1 \(rows 1–2, columns 1–3\)\. 4 tiles\./).waitFor();
  await page.screenshot({ path: path.join(RESULTS, 'video-wall-layout-editor.png') });

  await dialog.getByRole('button', { name: 'Apply to wall' }).click();
  await dialog.waitFor({ state: 'hidden' });
  await page.getByRole('combobox', { name: 'Layout' }).filter({ hasText: 'Custom' }).waitFor();
  await waitUntil(
    () => allTiles(page).count(),
    (n) => n === 4,
    10_000,
    'four tiles on the wall',
  );
  // The big tile is as wide as the three below it together.
  const big = await tile(page, 1).boundingBox();
  const small = await tile(page, 2).boundingBox();
  expect(big && small && big.width > small.width * 2.5).toBe(true);
  const after = (await get(`${sms.url}/api/snapshot`, await login(sms.url, 'supervisor'))).body as Snapshot;
  expect(after.walls?.find((w) => w.id === 'wall-room')?.custom?.cells).toHaveLength(4);
});

it('exports a snapshot of a tile only with a reason: a PNG of the frame, audited with the reason', async () => {
  const page = await openWall();
  const camera = publicCamera();
  await showCamera(page, camera.id);

  await tile(page, 1).getByRole('button', { name: 'Snapshot' }).click();
  await tile(page, 1)
    .getByText('A snapshot leaves the live view: a reason for viewing is required and will be audited.')
    .waitFor();
  // No reason, no export: the form stays and says it needs one.
  await tile(page, 1).getByRole('button', { name: 'Export snapshot' }).click();
  expect(
    await tile(page, 1)
      .getByLabel('Reason for viewing')
      .evaluate((input: HTMLInputElement) => input.validity.valueMissing),
  ).toBe(true);
  expect(await tile(page, 1).getByText('Snapshot exported').count()).toBe(0);

  await tile(page, 1).getByLabel('Reason for viewing').fill('CAD-2026-000123 evidence of the collision');
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    tile(page, 1).getByRole('button', { name: 'Export snapshot' }).click(),
  ]);
  await tile(page, 1).getByText('Snapshot exported').waitFor();
  expect(download.suggestedFilename()).toMatch(new RegExp(`^${camera.id}-.+\\.png$`));
  const png = readFileSync(await download.path());
  expect([...png.subarray(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

  const frame = await tile(page, 1)
    .locator('video')
    .evaluate((v: HTMLVideoElement) => ({ width: v.videoWidth, height: v.videoHeight }));
  // Decoded by the browser: the frame's size, and a picture rather than one flat colour.
  const decoded = await page.evaluate(async (base64) => {
    const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
    const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
    const canvas = new OffscreenCanvas(bitmap.width, bitmap.height);
    const ctx = canvas.getContext('2d');
    if (!ctx) throw new Error('no 2d context');
    ctx.drawImage(bitmap, 0, 0);
    const data = ctx.getImageData(0, 0, bitmap.width, bitmap.height).data;
    const colours = new Set<number>();
    for (let i = 0; i < data.length; i += 4 * 31)
      colours.add(((data[i] ?? 0) << 16) | ((data[i + 1] ?? 0) << 8) | (data[i + 2] ?? 0));
    return { width: bitmap.width, height: bitmap.height, colours: colours.size };
  }, png.toString('base64'));
  expect(frame.width).toBeGreaterThan(0);
  expect(decoded).toMatchObject({ width: frame.width, height: frame.height });
  expect(decoded.colours).toBeGreaterThan(50);

  const records = await waitUntil(
    async () =>
      (
        (await get(`${sms.url}/api/audit?action=camera.view&limit=500`, await login(sms.url, 'supervisor'))).body as {
          records: AuditRecord[];
        }
      ).records,
    (rs) => rs.some((r) => r.targetId === camera.id && r.detail.includes('"mode":"snapshot"')),
    15_000,
    'the snapshot in the audit',
  );
  expect(records).toEqual(
    expect.arrayContaining([
      expect.objectContaining({
        username: 'supervisor',
        targetId: camera.id,
        result: 'ok',
        reason: 'CAD-2026-000123 evidence of the collision',
        detail: expect.stringContaining('"mode":"snapshot"'),
      }),
    ]),
  );
});

it('says in words that an H.265 main stream cannot be decoded here, and plays the H.264 sub stream instead', async () => {
  const page = await openWall();
  const camera = hevcCamera();
  await showCamera(page, camera.id);

  await tile(page, 1).getByRole('button', { name: 'Full screen tile 1' }).click();
  await tile(page, 1).getByRole('button', { name: 'Back to grid' }).waitFor();
  await tile(page, 1)
    .getByText('Main stream is H.265, which this browser cannot decode: falling back to the H.264 sub stream')
    .waitFor();
  await waitLive(page, 1);
  const t0 = await tileTime(page, 1);
  await page.waitForTimeout(2_500);
  expect(await tileTime(page, 1)).toBeGreaterThan(t0);
  await page.screenshot({ path: path.join(RESULTS, 'video-wall-h265-fallback.png') });
  expect(browser?.errors.filter((e) => !/favicon|status of 503/.test(e))).toEqual([]);
  await ok(send(supervisor.socket, 'wall.focus', { wallId: 'wall-room', tile: null }));
});

it('tours a tile through cameras as SMS state, marks the tile as touring, and stops on request', async () => {
  const page = await openWall();
  await showCamera(page, publicCamera().id);
  await page.getByLabel('Tour dwell').selectOption('10');
  await tile(page, 1).focus();
  await page.getByRole('button', { name: 'Tour tile 1 through these cameras' }).click();
  await tile(page, 1).getByText('↻ Tile tour').waitFor();
  // "Tile 1: <camera>, <state>": the camera's name, whatever state its stream is in.
  const cameraOn = async () => (await tile(page, 1).getAttribute('aria-label'))?.replace(/^Tile 1: |, [a-z ]+$/g, '');
  // The tour puts its first camera on at once; the next one comes from the SMS's timer.
  const first = await waitUntil(
    cameraOn,
    (name) => name !== publicCamera().name,
    20_000,
    'the first camera of the tour',
  );
  await waitUntil(cameraOn, (name) => name !== first, 40_000, 'the SMS stepping the tour to the next camera');
  await page.getByRole('button', { name: '■ Stop tile 1 tour' }).click();
  await tile(page, 1).getByText('↻ Tile tour').waitFor({ state: 'detached' });
  expect(browser?.errors.filter((e) => !/favicon|status of 503/.test(e))).toEqual([]);
});

it("offers a new operator's own screens the room's preset, and sets them up from it in one step", async () => {
  browser = await launchWall(sms.url, 'dispatcher');
  const { page } = browser;
  await page.getByRole('combobox', { name: 'Wall', exact: true }).selectOption({ label: 'My screens' });
  await page.getByText(/Your screens are not set up yet: they start from the room's “Control room” preset/).waitFor();
  await page.getByRole('button', { name: 'Set up my screens' }).click();
  await page.getByRole('button', { name: 'Set up my screens' }).waitFor({ state: 'detached' });
  await waitUntil(
    () => allTiles(page).count(),
    (n) => n === 9,
    30_000,
    'nine tiles on my screens',
  );
  expect(await page.getByRole('combobox', { name: 'Layout', exact: true }).inputValue()).toBe('3x3');
});
