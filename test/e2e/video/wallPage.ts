// The video wall harness page as the e2e tests drive it: open it signed in, find tiles by name.
import type { Locator, Page } from 'playwright-core';
import type { Camera } from '../../../shared/protocol';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { waitUntil } from '../support/page';

/** Opens the wall harness signed in as `user`, once the wall and its camera list are on screen. */
export async function openWall(smsUrl: string, user = 'supervisor'): Promise<LaunchedBrowser> {
  const browser = await launchBrowser({ width: 1600, height: 900 });
  const { page } = browser;
  await page.goto(`${smsUrl}/?user=${user}`);
  await page.getByRole('region', { name: 'Video wall' }).waitFor();
  await page
    .getByRole('button', { name: /: put on tile 1$/ })
    .first()
    .waitFor();
  return browser;
}

/** A tile as a person reads it: "Tile 3: <camera>, live" or "Tile 3, empty". */
export const wallTile = (page: Page, n: number): Locator =>
  page.getByRole('group', { name: new RegExp(`^Tile ${n}[:,]`) });

/** Waits until tile `n` says it is live. */
export async function waitLive(page: Page, n: number, timeout = 60_000): Promise<void> {
  await wallTile(page, n)
    .and(page.getByRole('group', { name: /, live$/ }))
    .waitFor({ timeout });
}

/** The playhead of tile `n`'s video, s. */
export async function tileTime(page: Page, n: number): Promise<number> {
  return wallTile(page, n)
    .locator('video')
    .evaluate((v: HTMLVideoElement) => v.currentTime);
}

/** Expects a command's answer to be a success. */
export async function expectOk(ack: Promise<unknown>): Promise<void> {
  expect(await ack).toMatchObject({ ok: true });
}

/**
 * Waits until a camera's sub stream is encoded: the multivariant playlist answers at once, the
 * media playlist 503 until the loop exists (on a fresh machine the cache is cold). HLS needs a
 * signed-in user: `token` is one.
 */
export async function waitSubStreamEncoded(smsUrl: string, camera: Camera, token: string): Promise<void> {
  const live = `${smsUrl}${camera.streams.sub.url.replace(/\.m3u8$/, '/live.m3u8')}`;
  await waitUntil(
    async () => (await fetch(live, { headers: { authorization: `Bearer ${token}` } })).status,
    (status) => status === 200,
    120_000,
    `${camera.id} sub stream encoded`,
  );
}
