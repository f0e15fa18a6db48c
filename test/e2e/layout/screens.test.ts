import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/browser';
import { ROOT, ensureRendererBuilt } from '../support/renderer';
import { removeDataDir, startDemoSms } from '../support/sms';
import type { DemoSms } from '../support/sms';
import { checkLayout, describeOffences } from './layoutChecks';
import type { LayoutCheckOptions } from './layoutChecks';

// Every window a workstation has, at the screens control rooms have, checked by the DOM: nothing
// outside the window or cut off by its pane, no text cut off, no control over another, the
// command line wide enough to read a command. Screenshots go to .cache/screens/ (not committed)
// for people to look at. One SMS, one browser, one context per screen size.

const SHOTS = path.join(ROOT, '.cache/screens');

/** CSS px and the device pixel ratio: the 4K wall display runs at 200 %. */
const SCREENS = [
  { name: '1366x768', width: 1366, height: 768, scale: 1 },
  { name: '1600x900', width: 1600, height: 900, scale: 1 },
  { name: '1920x1080', width: 1920, height: 1080, scale: 1 },
  { name: '2560x1440', width: 2560, height: 1440, scale: 1 },
  { name: '3840x2160@2', width: 1920, height: 1080, scale: 2 },
] as const;

/** The sign-in page, then every window role (renderer/app/RoleLayout.tsx; `?role=`). */
const WINDOWS = ['signin', 'combined', 'console', 'map', 'wall', 'command'] as const;
type Window = (typeof WINDOWS)[number];

const COMMAND_LINE = { selector: '#cad-cmdline-input', minChars: 20 };

function checksFor(window: Window): LayoutCheckOptions {
  return {
    ...(window === 'console' || window === 'combined' ? { wideInput: COMMAND_LINE } : {}),
    // Text the size of the 11 px map labels at the least; on the 4K wall that is 22 device pixels.
    minFontPx: 10,
  };
}

let sms: DemoSms | undefined;
let browser: Browser | undefined;

beforeAll(async () => {
  ensureRendererBuilt();
  mkdirSync(SHOTS, { recursive: true });
  sms = await startDemoSms();
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_FLAGS, headless: true });
}, 180_000);

afterAll(async () => {
  await browser?.close();
  await sms?.stop();
  if (sms) removeDataDir(sms.dataDir);
}, 60_000);

/** Opens the window signed in (or the sign-in page) and waits until its surfaces have content. */
async function open(context: BrowserContext, window: Window): Promise<Page> {
  const page = await context.newPage();
  const url = sms!.url;
  if (window === 'signin') {
    await page.goto(`${url}/`);
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    return page;
  }
  await page.goto(`${url}/?role=${window}`);
  await page.getByLabel('Username').fill('dispatcher', { timeout: 60_000 });
  await page.getByLabel('Password').fill('jccr-demo');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page
    .getByRole('status', { name: 'Connection' })
    .filter({ hasText: /^Live$/ })
    .waitFor({ timeout: 30_000 });
  if (window !== 'console' && window !== 'wall') {
    // The basemap's style has loaded once its attribution is filled in.
    await page
      .locator('.maplibregl-ctrl-attrib-inner')
      .filter({ hasText: /OpenStreetMap/ })
      .first()
      .waitFor({ state: 'attached', timeout: 60_000 });
  }
  if (window === 'console' || window === 'combined') {
    await page
      .getByRole('heading', { name: /^Incidents/ })
      .first()
      .waitFor();
  }
  // Late layout: fonts, the first snapshot's rows, the wall's tiles.
  await page.waitForTimeout(1_000);
  return page;
}

/** Whether the screen has the device pixel ratio of `context`: resizing a page cannot change it. */
const screensAt = (scale: number) => SCREENS.filter((screen) => screen.scale === scale);

let contexts: Map<number, BrowserContext>;
beforeAll(async () => {
  contexts = new Map();
  for (const scale of new Set(SCREENS.map((screen) => screen.scale))) {
    const first = screensAt(scale)[0]!;
    contexts.set(
      scale,
      await browser!.newContext({ viewport: { width: first.width, height: first.height }, deviceScaleFactor: scale }),
    );
  }
}, 60_000);
afterAll(async () => {
  for (const context of contexts.values()) await context.close();
}, 60_000);

// A window is opened and signed in once per pixel ratio and then resized through the screens, as
// an operator's window would be: loading each window at each size took minutes on a busy machine.
describe('every window on every screen', () => {
  it.each(WINDOWS)(
    '%s: nothing outside its pane, cut off or overlapping',
    async (window) => {
      const found: string[] = [];
      for (const [scale, context] of contexts) {
        const page = await open(context, window);
        try {
          for (const screen of screensAt(scale)) {
            await page.setViewportSize({ width: screen.width, height: screen.height });
            // The panes, the map and the wall lay themselves out again.
            await page.waitForTimeout(800);
            await page.screenshot({ path: path.join(SHOTS, `${window}-${screen.name}.png`), timeout: 90_000 });
            const offences = await checkLayout(page, checksFor(window));
            if (offences.length > 0) found.push(`${window} at ${screen.name}:\n${describeOffences(offences)}`);
          }
        } finally {
          await page.close();
        }
      }
      if (found.length > 0) throw new Error(found.join('\n'));
    },
    // Twelve window loads with software GL; minutes when the machine is busy with other tests.
    480_000,
  );
});
