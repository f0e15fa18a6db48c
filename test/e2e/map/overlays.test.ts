import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { signIn, waitForText, waitUntil } from '../support/page';
import { ensureRendererBuilt, ROOT } from '../support/renderer';
import { installMapBench } from '../../bench/map/installMapBench';
import { removeDataDir, startDemoSms, type DemoSms } from '../support/sms';

// Two operators on two machines, each with the map: a supervisor who draws a cordon with the
// keyboard alone, and a viewer who sees it arrive, cannot draw, and reaches units from a list.
jest.setTimeout(180_000);

let sms: DemoSms;
let supervisorBrowser: LaunchedBrowser;
let viewerBrowser: LaunchedBrowser;
let supervisor: Page;
let viewer: Page;

async function openMap(page: Page, username: string): Promise<void> {
  await installMapBench(page, 'incremental');
  await signIn(page, `${sms.url}/?role=map`, username);
  await page.getByRole('region', { name: /Map of the City of London/ }).waitFor({ timeout: 60_000 });
  await page.waitForFunction('window.__jccrMapBench && window.__jccrMapBench.ready', null, { timeout: 120_000 });
}

beforeAll(async () => {
  ensureRendererBuilt();
  sms = await startDemoSms();
  supervisorBrowser = await launchBrowser({ width: 1440, height: 900 });
  viewerBrowser = await launchBrowser({ width: 1440, height: 900 });
  supervisor = supervisorBrowser.page;
  viewer = viewerBrowser.page;
  await openMap(supervisor, 'supervisor');
  await openMap(viewer, 'viewer');
  // A renderer build and two windows of three maps each on a shared, loaded machine.
}, 360_000);

afterAll(async () => {
  await supervisorBrowser?.close();
  await viewerBrowser?.close();
  await sms?.stop();
  if (sms) removeDataDir(sms.dataDir);
});

/** Presses a key on the focused map and waits until the crosshair has moved. */
async function pan(page: Page, output: Locator, key: string): Promise<void> {
  const before = await output.textContent();
  await page.keyboard.press(key);
  await waitUntil(
    () => output.textContent(),
    (now) => now !== before,
    15_000,
    `the map to move on ${key}`,
  );
  // A keyboard pan eases over a few frames: the next corner goes where the map comes to rest,
  // not at its first frame (on a slow machine that left corners a few metres apart, too close to
  // enclose an area, and no form opened).
  let last = await output.textContent();
  await waitUntil(
    async () => {
      await page.waitForTimeout(300);
      const now = await output.textContent();
      const settled = now === last;
      last = now;
      return settled;
    },
    (settled) => settled,
    15_000,
    `the map to come to rest after ${key}`,
  );
}
const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

it('a supervisor draws a cordon with the keyboard and a viewer sees it by name', async () => {
  const panel = supervisor.getByRole('region', { name: 'Cordons and sectors' });
  await panel.getByRole('button', { name: 'Draw cordon or sector' }).focus();
  await supervisor.keyboard.press('Enter');
  // The map itself now has the focus: arrows move it under the crosshair, A adds a corner.
  const count = panel.getByRole('group', { name: 'Drawing' }).locator('output');
  await waitForText(count, /^0 corners · crosshair at /);
  await supervisor.keyboard.press('a');
  await waitForText(count, /^1 corner · /);
  await pan(supervisor, count, 'ArrowRight');
  await supervisor.keyboard.press('a');
  await waitForText(count, /^2 corners · /);
  await pan(supervisor, count, 'ArrowDown');
  await supervisor.keyboard.press('a');
  await waitForText(count, /^3 corners · /);
  await supervisor.keyboard.press('Enter');

  const form = panel.getByRole('form', { name: 'New overlay' });
  await expect(form.getByRole('combobox', { name: 'Kind' }).inputValue()).resolves.toBe('cordon');
  await supervisor.keyboard.type('Inner cordon');
  await supervisor.keyboard.press('Enter');
  await waitForText(panel.getByRole('status'), /Drawn: CORDON · Inner cordon/);
  await supervisor.getByRole('region', { name: 'Selected overlay' }).getByRole('heading').waitFor();
  await supervisor.screenshot({ path: path.join(ROOT, 'test-results/map-e2e-cordon.png') });

  const seen = viewer
    .getByRole('region', { name: 'Cordons and sectors' })
    .getByRole('button', { name: 'CORDON · Inner cordon' });
  await seen.waitFor({ timeout: 15_000 });
  await seen.click();
  const card = viewer.getByRole('region', { name: 'Selected overlay' });
  await card.getByRole('heading', { name: 'CORDON · Inner cordon' }).waitFor();
  await expect(card.getByText('supervisor', { exact: false }).count()).resolves.toBeGreaterThan(0);
  await expect(card.getByRole('button', { name: 'Remove' }).count()).resolves.toBe(0);
  await viewer.screenshot({ path: path.join(ROOT, 'test-results/map-e2e-cordon-viewer.png') });
});

it('gives a viewer no drawing tools', async () => {
  const panel = viewer.getByRole('region', { name: 'Cordons and sectors' });
  await panel.waitFor();
  await expect(panel.getByRole('button', { name: 'Draw cordon or sector' }).count()).resolves.toBe(0);
  await expect(panel.getByRole('button', { name: 'Mark rendezvous point' }).count()).resolves.toBe(0);
});

it('selects a unit from the list by keyboard, and its card opens', async () => {
  const finder = viewer.getByRole('region', { name: 'Find units and cameras' });
  await finder.getByRole('button', { name: 'Find units and cameras' }).focus();
  await viewer.keyboard.press('Enter');
  const search = finder.getByRole('combobox', { name: 'Callsign, status or kind' });
  await search.focus();
  const first = finder.getByRole('listbox', { name: 'Units' }).getByRole('option').first();
  await first.waitFor();
  const callsign = ((await first.textContent()) ?? '').split(' ')[0] ?? '';
  expect(callsign).not.toBe('');
  await viewer.keyboard.type(callsign);
  await viewer.keyboard.press('Enter');
  const card = viewer.getByRole('region', { name: 'Selected on the map' });
  await card.getByRole('heading', { name: new RegExp(`^Unit ${escape(callsign)} `) }).waitFor();
});

it('a supervisor removes the cordon and it leaves the viewer’s map', async () => {
  const panel = supervisor.getByRole('region', { name: 'Cordons and sectors' });
  await panel.getByRole('button', { name: 'CORDON · Inner cordon' }).click();
  const card = supervisor.getByRole('region', { name: 'Selected overlay' });
  await card.getByRole('button', { name: 'Remove' }).click();
  await card.getByRole('button', { name: 'Remove for everyone' }).click();
  await waitForText(panel.getByRole('status'), /Removed: CORDON · Inner cordon/);
  await viewer
    .getByRole('region', { name: 'Cordons and sectors' })
    .getByRole('heading', { name: 'Cordons and sectors (0)' })
    .waitFor({ timeout: 15_000 });
});

it('a supervisor draws a sector with the pointer (terra-draw)', async () => {
  const panel = supervisor.getByRole('region', { name: 'Cordons and sectors' });
  await panel.getByRole('button', { name: 'Draw cordon or sector' }).click();
  const canvas = await supervisor.locator('.map-canvas__live .maplibregl-canvas').boundingBox();
  if (!canvas) throw new Error('no map canvas');
  const cx = canvas.x + canvas.width / 2;
  const cy = canvas.y + canvas.height / 2;
  const corners: [number, number][] = [
    [cx - 120, cy - 60],
    [cx + 120, cy - 60],
    [cx, cy + 90],
  ];
  for (const [x, y] of [...corners, corners[0] as [number, number]]) {
    await supervisor.mouse.click(x, y);
    await supervisor.waitForTimeout(150);
  }
  const form = panel.getByRole('form', { name: 'New overlay' });
  await form.waitFor({ timeout: 15_000 });
  await form.getByRole('combobox', { name: 'Kind' }).selectOption('sector');
  await form.getByRole('textbox', { name: 'Name' }).fill('Sector A');
  await form.getByRole('button', { name: 'Save overlay' }).click();
  await waitForText(panel.getByRole('status'), /Drawn: SECTOR · Sector A/);
  await viewer
    .getByRole('region', { name: 'Cordons and sectors' })
    .getByRole('button', { name: 'SECTOR · Sector A' })
    .waitFor({ timeout: 15_000 });
});

it('starts the Layers panel closed in a narrow map pane, and opens it as a disclosure', async () => {
  await viewer.setViewportSize({ width: 680, height: 820 });
  await viewer.reload();
  await viewer.getByRole('region', { name: /Map of the City of London/ }).waitFor({ timeout: 60_000 });
  const layers = viewer.getByRole('button', { name: 'Layers' });
  await expect(layers.getAttribute('aria-expanded')).resolves.toBe('false');
  await expect(viewer.getByRole('checkbox', { name: 'Cordons and sectors' }).isVisible()).resolves.toBe(false);
  await layers.focus();
  await viewer.keyboard.press('Enter');
  await expect(layers.getAttribute('aria-expanded')).resolves.toBe('true');
  await viewer.getByRole('checkbox', { name: 'Cordons and sectors' }).waitFor();
});

it('keeps the attribution legible in the light theme (contrast at least 4.5:1)', async () => {
  await viewer.getByRole('button', { name: 'Light map' }).click();
  await viewer.locator('.map-view[data-theme="light"]').waitFor();
  const ratio = (await viewer.evaluate(`(() => {
    const el = document.querySelector('.maplibregl-ctrl-attrib');
    const rgba = (s) => s.match(/[\\d.]+/g).map(Number);
    const style = getComputedStyle(el);
    const [r, g, b] = rgba(style.color);
    const [br, bg, bb, ba = 1] = rgba(style.backgroundColor);
    // Over whatever the map shows there, at worst black.
    const over = [br * ba, bg * ba, bb * ba];
    const lum = ([r, g, b]) => {
      const c = [r, g, b].map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    };
    const [hi, lo] = [lum(over), lum([r, g, b])].sort((x, y) => y - x);
    return (hi + 0.05) / (lo + 0.05);
  })()`)) as number;
  expect(ratio).toBeGreaterThanOrEqual(4.5);
});
