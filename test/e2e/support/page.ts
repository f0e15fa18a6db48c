import type { Locator, Page } from 'playwright-core';

/** Signs in through the form, as an operator would. */
export async function signIn(page: Page, url: string, username = 'dispatcher', password = 'jccr-demo'): Promise<void> {
  await page.goto(url);
  await page.getByLabel('Username').fill(username);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
}

/** Waits until the element's text matches; on timeout, says what the text was instead. */
export async function waitForText(locator: Locator, pattern: RegExp, timeout = 15_000): Promise<string> {
  try {
    await locator.filter({ hasText: pattern }).waitFor({ timeout });
  } catch {
    const actual = await locator.textContent({ timeout: 1_000 }).catch(() => '(element not found)');
    throw new Error(
      `Expected ${locator} to match ${pattern} within ${timeout} ms; its text was ${JSON.stringify(actual)}`,
    );
  }
  return (await locator.textContent()) ?? '';
}

/** Polls `read` until `done` holds for its value, or fails after `timeout` with the last value. */
export async function waitUntil<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  timeout: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > deadline)
      throw new Error(`Timed out after ${timeout} ms waiting for ${what}; last value ${JSON.stringify(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
    value = await read();
  }
  return value;
}

/**
 * Runs a test body; a failure carries the tail of the SMS's log and the page's errors, so it can
 * be diagnosed from the test output alone.
 */
export async function withDiagnostics(
  run: () => Promise<void>,
  sources: () => { sms?: { log: string[] } | undefined; browser?: { errors: string[] } | undefined },
): Promise<void> {
  try {
    await run();
  } catch (error) {
    const { sms, browser } = sources();
    throw new Error(
      `${error instanceof Error ? error.message : String(error)}\n--- SMS log ---\n${sms?.log.slice(-20).join('\n') ?? ''}\n--- page ---\n${browser?.errors.join('\n') ?? ''}`,
      { cause: error },
    );
  }
}
