// The first five minutes of a newcomer (issue 16): the SMS started as `npm start` starts it (demo
// mode, the simulator pre-rolling the hours before now at the demo's pace, video on), a sign-in
// the moment it is listening, and the room is already mid-shift: incidents of several grades in
// the queue, units committed, an alert waiting, the wall playing nine cameras, and the first-run
// guide offered once. Everything found by role and name, as a person (or a screen reader) would.
import type { Locator, Page } from 'playwright-core';
import { GRADE_NAMES, gradeLabel } from '../../../shared/domain/labels';
import type { Grade } from '../../../shared/protocol';
import { launchBrowser, type LaunchedBrowser } from '../support/browser';
import { signIn, waitUntil, withDiagnostics } from '../support/page';
import { ensureRendererBuilt } from '../support/renderer';
import { removeDataDir, startDemoSms, type DemoSms } from '../support/sms';
import { VIDEO_CACHE } from '../video/videoSms';

/** Rendering a signed-in window on a loaded machine: the data is there already. */
const RENDER_MS = 30_000;
/**
 * The wall's tiles playing: the SMS prewarms the room wall's cameras first, but on a machine whose
 * video cache is cold each loop is an ffmpeg encode (two cores, other tests running). Generous;
 * the real time is printed.
 */
const WALL_PLAYING_MS = 240_000;
/** A tile advances when its playhead moves this far past the first time it was seen playing. */
const ADVANCE_S = 1;

let sms: DemoSms | undefined;
const browsers: LaunchedBrowser[] = [];

beforeAll(() => ensureRendererBuilt(), 120_000);

afterAll(async () => {
  await Promise.all(browsers.splice(0).map((b) => b.close()));
  await sms?.stop();
  if (sms) removeDataDir(sms.dataDir);
});

const statusValue = (page: Page, term: string): Locator =>
  page
    .getByRole('region', { name: 'Status' })
    .getByRole('term')
    .filter({ hasText: new RegExp(`^${term}$`) })
    .locator('xpath=following-sibling::dd[1]');

const GRADES = Object.keys(GRADE_NAMES).map(Number) as Grade[];

const guide = (page: Page): Locator => page.getByRole('region', { name: 'First-run guide' });

/** The grades in the whole queue (it is virtualised: scrolled through, page by page). */
async function queueGrades(queue: Locator): Promise<Set<Grade>> {
  const seen = new Set<Grade>();
  await queue.evaluate((el) => el.scrollTo(0, 0));
  for (let page = 0; page < 100; page++) {
    for (const text of await queue.getByRole('option').allTextContents())
      for (const grade of GRADES) if (text.includes(gradeLabel(grade))) seen.add(grade);
    const moved = await queue.evaluate((el) => {
      const before = el.scrollTop;
      el.scrollBy(0, Math.max(1, el.clientHeight - 40));
      return el.scrollTop !== before;
    });
    if (!moved) break;
  }
  return seen;
}

test('after npm start, the room is mid-shift at the first sign-in and the guide is offered once', async () => {
  const started = Date.now();
  // As `npm start` runs it (sms/main.ts --demo: seed 1, real time, video prewarmed, pre-roll and
  // the demo's pace), except the video cache, shared with the video tests so only a first run encodes.
  sms = await startDemoSms({
    sms: {
      seed: 1,
      speed: 1,
      video: true,
      videoPrewarm: true,
      videoCacheDir: VIDEO_CACHE,
      preroll: true,
      demoPace: true,
    },
  });
  const listeningAt = Date.now();
  const since = () => `${((Date.now() - listeningAt) / 1000).toFixed(1)} s`;
  const timings: string[] = [`SMS listening after ${((listeningAt - started) / 1000).toFixed(1)} s`];
  const consoleWindow = await launchBrowser({ width: 1600, height: 900 });
  browsers.push(consoleWindow);
  const wallWindow = await launchBrowser({ width: 1600, height: 900 });
  browsers.push(wallWindow);

  await withDiagnostics(
    async () => {
      const page = consoleWindow.page;
      await signIn(page, `${sms!.url}/?role=console`);
      const queue = page
        .getByRole('region', { name: 'Dispatch console' })
        .getByRole('listbox', { name: 'Incident queue' });
      await queue.getByRole('option').first().waitFor({ timeout: RENDER_MS });
      timings.push(`queue on screen ${since()} after listening`);

      // Incidents of at least three grades.
      const grades = [...(await queueGrades(queue))].sort();
      timings.push(`grades in the queue: ${grades.join(', ')}`);
      expect(grades.length).toBeGreaterThanOrEqual(3);

      // At least one unit committed: "Units available 31 of 40".
      const units = await statusValue(page, 'Units available').textContent();
      const [available, total] = /^(\d+) of (\d+)$/
        .exec(units?.trim() ?? '')
        ?.slice(1)
        .map(Number) ?? [NaN, NaN];
      expect(total).toBeGreaterThan(0);
      expect(available).toBeLessThan(total!);

      // At least one alert waiting for someone.
      const alerts = page.getByRole('region', { name: /^Alerts/ });
      await alerts
        .getByRole('listitem', { name: /, raised$/ })
        .first()
        .waitFor({ timeout: RENDER_MS });
      expect(Number(await statusValue(page, 'Unacknowledged alerts').textContent())).toBeGreaterThan(0);

      // The guide is offered, without taking the focus or hiding what the test uses.
      await guide(page).waitFor({ timeout: RENDER_MS });
      expect(await guide(page).evaluate((el) => el.contains(document.activeElement))).toBe(false);
      await guide(page).getByRole('button', { name: 'Next', exact: true }).click();
      await guide(page)
        .getByText(/^Guide 2 of \d$/)
        .waitFor();
      await guide(page).getByRole('button', { name: 'Back', exact: true }).click();
      await guide(page)
        .getByText(/^Guide 1 of \d$/)
        .waitFor();
      await guide(page).getByRole('button', { name: 'Dismiss guide', exact: true }).click();
      await guide(page).waitFor({ state: 'detached' });

      // Not again after a reload (the session is kept: no second sign-in) …
      await page.reload();
      await queue.getByRole('option').first().waitFor({ timeout: RENDER_MS });
      expect(await guide(page).count()).toBe(0);
      // … until asked for; then it has the focus, and Escape puts it away again.
      await page.getByRole('button', { name: 'Show guide', exact: true }).click();
      await guide(page).waitFor();
      expect(await guide(page).evaluate((el) => el.contains(document.activeElement))).toBe(true);
      await page.keyboard.press('Escape');
      await guide(page).waitFor({ state: 'detached' });
      await page.reload();
      await queue.getByRole('option').first().waitFor({ timeout: RENDER_MS });
      expect(await guide(page).count()).toBe(0);

      // The wall window (a fresh profile: a first sign-in there too) shows no guide, and its nine
      // tiles playing (all but a camera or two the simulation has taken offline).
      const wall = wallWindow.page;
      await signIn(wall, `${sms!.url}/?role=wall`);
      const tiles = wall.getByRole('region', { name: 'Video wall' }).getByRole('group', { name: /^Tile \d+[:,]/ });
      await tiles.first().waitFor({ timeout: RENDER_MS });
      expect(await guide(wall).count()).toBe(0);
      // A tile's playhead is measured from the first time it was seen playing, and again from
      // any time it jumped back (a rebuilt player). A camera the simulated City has taken
      // offline cannot play: its tile must say so in words, and every other tile must advance.
      const base = new Map<number, number>();
      const advancing = await waitUntil(
        async () => {
          const seen = await tiles.evaluateAll((figures) =>
            figures.map((f) => ({
              time: f.querySelector('video')?.currentTime ?? 0,
              offline: /, offline$/.test(f.getAttribute('aria-label') ?? ''),
            })),
          );
          let count = 0;
          seen.forEach(({ time }, i) => {
            const from = base.get(i);
            if (from === undefined || time < from) {
              if (time > 0) base.set(i, time);
            } else if (time >= from + ADVANCE_S) count++;
          });
          const offline = seen.filter((tile) => tile.offline).length;
          return { count, offline, tiles: seen.length };
        },
        (seen) => seen.tiles >= 9 && seen.count >= seen.tiles - seen.offline,
        WALL_PLAYING_MS,
        'every wall tile of an online camera advancing',
      );
      timings.push(
        `${advancing.count} of ${advancing.tiles} wall tiles advancing (${advancing.offline} offline in the simulated City) ${since()} after listening`,
      );
      // The room wall is on: an offline camera or two is the City's life, a dark wall is not.
      expect(advancing.offline).toBeLessThanOrEqual(2);
      expect(advancing.count).toBeGreaterThanOrEqual(7);
      expect(await guide(wall).count()).toBe(0);
      // An operator with the wall window on their own screen may still ask for it.
      await wall.getByRole('button', { name: 'Show guide', exact: true }).click();
      await guide(wall).getByText('The video wall', { exact: true }).waitFor();
      await wall.keyboard.press('Escape');
      await guide(wall).waitFor({ state: 'detached' });
    },
    () => ({ sms, browser: { errors: [...consoleWindow.errors, ...wallWindow.errors] } }),
  );
  // The real times, for the report (a cold video cache makes the wall the slow part).
  console.log(`first five minutes: ${timings.join('; ')}`);
}, 420_000);
