// The dispatch console as the e2e tests drive it: open it signed in, find its parts by name.
import type { Locator, Page } from 'playwright-core';
import { signIn } from '../../support/page';

/** The console window's region. */
export const consoleRegion = (page: Page): Locator => page.getByRole('region', { name: 'Dispatch console' });

/** The command line ("/" focuses it). */
export const commandLine = (page: Page): Locator => page.getByRole('textbox', { name: 'Command', exact: true });

/** The open incident's detail, named by its CAD reference. */
export const incidentDetail = (page: Page): Locator => page.getByRole('region', { name: /^CAD-\d{4}-\d{6}/ });

/** The incident queue. */
export const incidentQueue = (page: Page): Locator =>
  consoleRegion(page).getByRole('listbox', { name: 'Incident queue' });

/** Opens the console window signed in as the dispatcher, once its queue is on screen. */
export async function openConsole(page: Page, smsUrl: string): Promise<void> {
  await signIn(page, `${smsUrl}/?role=console`);
  await incidentQueue(page).waitFor({ timeout: 30_000 });
}
