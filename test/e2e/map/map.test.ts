import path from 'node:path';
import type { Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { signIn, waitUntil } from '../support/page';
import { ensureRendererBuilt, ROOT } from '../support/renderer';
import { installMapBench } from '../../bench/map/installMapBench';
import { removeDataDir, startDemoSms, type DemoSms } from '../support/sms';

// The real app in its map role (one display showing the map), signed in as the demo dispatcher
// against the demo SMS with the City simulator. The map bench's page hook turns on the map's
// counters, which the tests read to know that position updates reached the screen.
jest.setTimeout(120_000);

let sms: DemoSms;
let browser: LaunchedBrowser;
let page: Page;

beforeAll(async () => {
  ensureRendererBuilt();
  sms = await startDemoSms();
  browser = await launchBrowser({ width: 1440, height: 900 });
  page = browser.page;
  await installMapBench(page, 'incremental');
  await signIn(page, `${sms.url}/?role=map`);
  await page.getByRole('region', { name: /Map of the City of London/ }).waitFor({ timeout: 60_000 });
  await page.waitForFunction('window.__jccrMapBench && window.__jccrMapBench.ready', null, { timeout: 120_000 });
  await page.waitForTimeout(3_000);
  // A renderer build and three maps loading on a shared, loaded machine can take minutes.
}, 300_000);

afterAll(async () => {
  await browser?.close();
  await sms?.stop();
  if (sms) removeDataDir(sms.dataDir);
});

it('renders the City: streets, river and labels, not an empty canvas', async () => {
  await page.screenshot({ path: path.join(ROOT, 'test-results/map-e2e-city.png') });
  const stats = (await page.evaluate(`(() => {
    const c = window.__jccrMapBench.basemap.getCanvas();
    const g = c.getContext('webgl2') || c.getContext('webgl');
    const px = new Uint8Array(c.width * c.height * 4);
    g.readPixels(0, 0, c.width, c.height, g.RGBA, g.UNSIGNED_BYTE, px);
    const colours = new Set(); let water = 0, nonBackground = 0;
    for (let i = 0; i < px.length; i += 16) {
      const [r, gg, b] = [px[i], px[i + 1], px[i + 2]];
      colours.add((r << 16) | (gg << 8) | b);
      if (b > r + 30 && b > 60) water++;
      if (Math.abs(r - 11) + Math.abs(gg - 16) + Math.abs(b - 22) > 24) nonBackground++;
    }
    return { colours: colours.size, water: water / (px.length / 16), nonBackground: nonBackground / (px.length / 16) };
  })()`)) as { colours: number; water: number; nonBackground: number };
  expect(stats.colours).toBeGreaterThan(200);
  expect(stats.water).toBeGreaterThan(0.03);
  expect(stats.nonBackground).toBeGreaterThan(0.15);
  await expect(page.getByText(/Contains OS data © Crown copyright/).count()).resolves.toBeGreaterThan(0);
});

it('moves units', async () => {
  const latency = () => page.evaluate('window.__jccrMapBench.metrics.latencyMs.length') as Promise<number>;
  await waitUntil(latency, (n) => n > 2, 30_000, 'unit position updates shown on the map');
});

it("finds St Paul's and Bank offline", async () => {
  const search = page.getByRole('combobox', { name: 'Search places' });
  await search.fill("St Paul's");
  await page.getByRole('option', { name: /St Paul's Cathedral/ }).waitFor();
  await search.fill('Bank');
  await page
    .getByRole('option', { name: /^Bank Station/ })
    .first()
    .waitFor();
  await page
    .getByRole('option', { name: /Bank of England/ })
    .first()
    .waitFor();
});

it('opens the card of a unit selected on the map', async () => {
  // Find a drawn unit and click it where it is on screen, as an operator would.
  const at = (await page.evaluate(`(() => {
    const { map, units } = window.__jccrMapBench;
    const bounds = map.getBounds();
    // The unit layer's own records (test only): units below icon zoom are GL points, not features.
    const u = units.byFid.find((u) => u.status === 'available' && bounds.contains([u.lon, u.lat]));
    if (!u) return null;
    map.jumpTo({ center: [u.lon, u.lat], zoom: 14.5 });
    return { id: u.id, callsign: u.callsign };
  })()`)) as { id: string; callsign: string } | null;
  expect(at).not.toBeNull();
  await page.waitForTimeout(300);
  const canvas = await page.locator('.map-canvas__live .maplibregl-canvas').boundingBox();
  if (!canvas) throw new Error('no map canvas');
  await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2);
  const card = page.getByRole('region', { name: 'Selected on the map' });
  await card.getByRole('heading', { name: /^Unit / }).waitFor();
  await page.screenshot({ path: path.join(ROOT, 'test-results/map-e2e-unit-card.png') });
  await card.getByRole('button', { name: 'Clear selection' }).click();
});

it('lists the cameras that can see a right-clicked point', async () => {
  // The known point: 15 m straight out along an online camera's line of sight.
  const target = (await page.evaluate(`(async () => {
    const map = window.__jccrMapBench.map;
    const cams = (await map.getSource('cameras').getData()).features.filter((f) => f.properties.online);
    const fovs = (await map.getSource('fov').getData()).features;
    const cam = cams[0];
    const ring = fovs.find((f) => f.properties.id === cam.properties.id).geometry.coordinates[0];
    const origin = ring[0], mid = ring[Math.floor((ring.length - 1) / 2)];
    const dx = mid[0] - origin[0], dy = mid[1] - origin[1];
    const len = Math.hypot(dx * 69400, dy * 111200);
    const point = [origin[0] + (dx * 15) / len, origin[1] + (dy * 15) / len];
    map.jumpTo({ center: point, zoom: 17 });
    return { name: cam.properties.name };
  })()`)) as { name: string };
  await page.waitForTimeout(500);
  const canvas = await page.locator('.map-canvas__live .maplibregl-canvas').boundingBox();
  if (!canvas) throw new Error('no map canvas');
  await page.mouse.click(canvas.x + canvas.width / 2, canvas.y + canvas.height / 2, { button: 'right' });
  await page.getByRole('button', { name: 'Cameras that can see this point' }).click();
  const list = page.getByRole('region', { name: 'Cameras that can see this point' });
  await list.getByText(target.name, { exact: false }).first().waitFor();
  await page.screenshot({ path: path.join(ROOT, 'test-results/map-e2e-cameras.png') });
  await list.getByRole('button', { name: /Send to wall/ }).waitFor();
});
