import { chromium } from 'playwright-core';
import type { Browser } from 'playwright-core';
import { contentSecurityPolicy } from '../../../electron/main/csp';
import { CHROMIUM_FLAGS, CHROMIUM_PATH } from '../support/browser';
import { signIn, waitForText, waitUntil } from '../support/page';
import { ensureRendererBuilt } from '../support/renderer';
import { removeDataDir, startDemoSms } from '../support/sms';
import type { DemoSms } from '../support/sms';

// Electron cannot be launched here, so the Electron app page's Content-Security-Policy is put
// on the page the SMS serves, and the whole bundle (every surface) must run under it: one
// violation in Electron would be a blank map, a dead wall or a console that cannot connect.

let sms: DemoSms | undefined;
let browser: Browser | undefined;
const pageErrors: string[] = [];

beforeAll(() => ensureRendererBuilt(), 120_000);

afterEach(async () => {
  await browser?.close();
  await sms?.stop();
  if (sms) removeDataDir(sms.dataDir);
  browser = undefined;
  sms = undefined;
});

describe("the Electron app page's content security policy", () => {
  it('lets every surface run with the SMS as the only network origin', async () => {
    sms = await startDemoSms();
    // A page answered by `route.fulfill` counts as a public one to Chromium's Local Network Access
    // checks, which would then block the loopback SMS: a test artefact (Electron's main grants
    // the app page local network access), so the check is off for this browser only.
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_FLAGS, '--disable-features=LocalNetworkAccessChecks'],
    });
    const page = await browser.newPage({ viewport: { width: 1920, height: 1080 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    page.on('console', (message) => {
      if (message.type() === 'error') pageErrors.push(message.text());
    });
    const csp = contentSecurityPolicy(sms.url);
    const smsOrigin = sms.url;
    await page.route(
      (url) => url.origin === smsOrigin,
      async (route) => {
        if (route.request().resourceType() !== 'document') return route.continue();
        const response = await route.fetch();
        await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': csp } });
      },
    );
    const violations: string[] = [];
    await page.exposeFunction('reportCspViolation', (text: string) => violations.push(text));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        const report = Reflect.get(window, 'reportCspViolation') as (text: string) => void;
        report(`${e.effectiveDirective} blocked ${e.blockedURI || '(inline)'} at ${e.sourceFile}:${e.lineNumber}`);
      });
    });

    await signIn(page, `${sms.url}/`);
    await waitForText(page.getByRole('status', { name: 'Connection' }), /^Live$/).catch((error: unknown) => {
      throw new Error(`${String(error)}\nviolations: ${violations.join('\n')}\npage: ${pageErrors.join('\n')}`);
    });
    await page.getByRole('region', { name: 'Map' }).first().waitFor();
    await page.getByRole('region', { name: 'Video wall' }).first().waitFor();
    await page.locator('canvas').first().waitFor();
    // A little time for the map's tiles and workers and the wall's players to start.
    await page.waitForTimeout(3_000);
    expect(violations).toEqual([]);

    // The policy is really enforced on this page: an inline script is refused (and reported).
    const inlineRan = await page.evaluate(() => {
      const script = document.createElement('script');
      script.textContent = 'window.inlineScriptRan = true';
      document.head.append(script);
      return Reflect.get(window, 'inlineScriptRan') === true;
    });
    expect(inlineRan).toBe(false);
    // …and the listener that found no violation above does hear one.
    await waitUntil(
      async () => violations.length,
      (n) => n > 0,
      10_000,
      'the refused inline script to be reported',
    );
    expect(violations[0]).toMatch(/^script-src/);
  }, 120_000);
});
