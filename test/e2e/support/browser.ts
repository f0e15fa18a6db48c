import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { BrowserContext, Page } from 'playwright-core';

/** Debian's Chromium; playwright's own browsers are never downloaded. */
export const CHROMIUM_PATH = '/usr/bin/chromium';

/** Flags verified on these machines (see the Chromium notes): software GL, no background traffic. */
export const CHROMIUM_FLAGS = [
  '--no-sandbox',
  '--headless=new',
  '--use-angle=swiftshader',
  '--enable-unsafe-swiftshader',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--autoplay-policy=no-user-gesture-required',
];

/** A running Chromium with one page, and how to end it. */
export interface LaunchedBrowser {
  context: BrowserContext;
  page: Page;
  /** Everything the page reported as an error: console errors and uncaught exceptions. */
  errors: string[];
  /** Closes the browser and removes its profile. */
  close(): Promise<void>;
}

/** Starts headless Chromium on a fresh temporary profile, removed again by `close()`. */
export async function launchBrowser(viewport = { width: 1440, height: 810 }): Promise<LaunchedBrowser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium is not installed at ${CHROMIUM_PATH}: install it with 'apt-get install chromium'.`);
  }
  const profile = mkdtempSync(path.join(tmpdir(), 'jccr-e2e-chromium-'));
  try {
    const context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_FLAGS,
      viewport,
    });
    const page = context.pages()[0] ?? (await context.newPage());
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()}`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    return {
      context,
      page,
      errors,
      async close() {
        await context.close().catch(() => undefined);
        rmSync(profile, { recursive: true, force: true });
      },
    };
  } catch (error) {
    rmSync(profile, { recursive: true, force: true });
    throw error;
  }
}
