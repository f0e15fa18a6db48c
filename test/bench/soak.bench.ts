// `npm run bench:soak [-- --days 7 --speed 1000 --journal-retention 20000 --archive-after-hours 8]`:
// weeks of 24/7 running, accelerated. The demo SMS runs in its own process at high speed for a
// simulated week (about 10 minutes at the default speed of 1000) with a console window and a map
// window open in Chromium; at each simulated day it reads the SMS's memory (after a full GC), each
// page's heap (after a GC) and DOM, the snapshot's size and the database's, and prints one JSON
// object. Bounds: each of them grows less than 10 % from day 2 to the last day, no page error,
// every window live at the end. The database keeps every incident and alert (archived ones too)
// and 90 days of audit: those grow by policy, and are reported apart from what retention bounds.
import os from 'node:os';
import { parseArgs } from 'node:util';
import type { Page } from 'playwright-core';
import type { SmsOptions } from '../../sms/app';
import { launchBrowser } from '../e2e/support/browser';
import { signIn } from '../e2e/support/page';
import { ensureRendererBuilt } from '../e2e/support/renderer';
import { removeDataDir, startDemoSms, type DemoSms } from '../e2e/support/sms';
import {
  databaseFigures,
  growth,
  pageFigures,
  SmsMemorySchema,
  type DatabaseFigures,
  type PageFigures,
  type SmsMemory,
} from './soak/measure';

const DAY_MS = 86_400_000;
const BOUND = 0.1;

const { values: flags } = parseArgs({
  options: {
    days: { type: 'string', default: '7' },
    speed: { type: 'string', default: '1000' },
    // The accelerated run journals far fewer events per simulated day than a real one: the simulator
    // ticks every 250 ms of wall time, so at speed 1000 a simulated day journals about 2,500 events
    // where a real one journals about 350,000 (unit positions every tick). The default retention
    // (500,000, about a day and a half of a real room) is scaled by the same ratio, to about one
    // simulated day here, so that the journal levels off within the run as it does in a real week.
    'journal-retention': { type: 'string', default: '2500' },
    'archive-after-hours': { type: 'string', default: '8' },
    // Default: the next Monday, 10:00 UTC (see `nextMonday`).
    start: { type: 'string' },
  },
});
const days = Number(flags.days);
const speed = Number(flags.speed);
const journalRetention = Number(flags['journal-retention']);
const archiveAfterHours = Number(flags['archive-after-hours']);
/**
 * The next Monday at 10:00 UTC: day 2 (a Wednesday) and day 7 (the next Monday) are both working
 * days. Ahead of the wall clock, as an accelerated SMS clock always is (one behind it would make
 * every event look days old to the windows).
 */
function nextMonday(now: number): number {
  const d = new Date(now);
  const days = (8 - d.getUTCDay()) % 7 || 7;
  return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() + days, 10);
}
const startAt = flags.start === undefined ? nextMonday(Date.now()) : Date.parse(flags.start);
if (!Number.isFinite(startAt)) throw new Error('--start must be an ISO time.');
if (![days, speed, journalRetention, archiveAfterHours].every((n) => Number.isFinite(n) && n > 0) || days < 3) {
  throw new Error(
    '--days (at least 3), --speed, --journal-retention and --archive-after-hours must be positive numbers.',
  );
}

interface Sample {
  day: number;
  wallSeconds: number;
  smsTime: string;
  sms: SmsMemory;
  snapshotBytes: number;
  console: PageFigures;
  map: PageFigures;
  database: DatabaseFigures;
}

async function smsMemory(sms: DemoSms): Promise<SmsMemory> {
  return SmsMemorySchema.parse(JSON.parse(await sms.ask('memory', /^memory (.*)$/)));
}

async function login(url: string): Promise<string> {
  const res = await fetch(`${url}/api/session`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: 'dispatcher', password: 'jccr-demo' }),
  });
  const body = (await res.json()) as { token?: string };
  if (!body.token) throw new Error(`sign-in failed: ${res.status}`);
  return body.token;
}

async function snapshotBytes(url: string, token: string): Promise<number> {
  const res = await fetch(`${url}/api/snapshot`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.arrayBuffer()).byteLength;
}

/** A window is live when its connection says so and its DOM or its frames still move. */
async function isLive(page: Page): Promise<{ live: boolean; status: string; mutations: number; frames: number }> {
  const status = (await page.getByRole('status', { name: 'Connection' }).first().textContent({ timeout: 5_000 })) ?? '';
  // A string, not a function: tsx would name the function's inner closures with a helper the page lacks.
  const moved = (await page.evaluate(`new Promise((resolve) => {
    let mutations = 0;
    let frames = 0;
    const observer = new MutationObserver((records) => (mutations += records.length));
    observer.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    const frame = () => {
      frames++;
      if (frames < 1000) requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
    setTimeout(() => {
      observer.disconnect();
      resolve({ mutations, frames });
    }, 5000);
  })`)) as { mutations: number; frames: number };
  return { live: status.startsWith('Live') && moved.frames > 0, status, ...moved };
}

async function main(): Promise<void> {
  ensureRendererBuilt();
  const sms = await startDemoSms({
    entry: `${__dirname}/soak/smsProcess.ts`,
    sms: {
      speed,
      journalRetention,
      archiveAfterMs: archiveAfterHours * 3_600_000,
      video: false,
      startAt,
    } as Partial<SmsOptions>,
  });
  const browser = await launchBrowser({ width: 1600, height: 900 });
  const errors = browser.errors;
  try {
    const consolePage = browser.page;
    await signIn(consolePage, `${sms.url}/?role=console`);
    await consolePage.getByRole('status', { name: 'Connection' }).first().waitFor({ timeout: 180_000 });
    const mapPage = await browser.context.newPage();
    mapPage.on('console', (m) => {
      if (m.type() === 'error') errors.push(`map console: ${m.text()}`);
    });
    mapPage.on('pageerror', (e) => errors.push(`map uncaught: ${e.message}`));
    await mapPage.goto(`${sms.url}/?role=map`);
    const username = mapPage.getByLabel('Username');
    if (await username.isVisible({ timeout: 5_000 }).catch(() => false)) await signIn(mapPage, `${sms.url}/?role=map`);
    await mapPage.getByRole('status', { name: 'Connection' }).first().waitFor({ timeout: 180_000 });

    const token = await login(sms.url);
    const wallStart = Date.now();
    const first = await smsMemory(sms);
    const simStart = first.now;
    const samples: Sample[] = [];
    const sample = async (day: number) => {
      const memory = await smsMemory(sms);
      const s: Sample = {
        day,
        wallSeconds: Math.round((Date.now() - wallStart) / 1000),
        smsTime: new Date(memory.now).toISOString(),
        sms: memory,
        snapshotBytes: await snapshotBytes(sms.url, token),
        console: await pageFigures(consolePage),
        map: await pageFigures(mapPage),
        database: databaseFigures(sms.dataDir),
      };
      samples.push(s);
      process.stderr.write(
        `day ${day} (${s.wallSeconds} s): SMS rss ${(memory.rss / 1e6).toFixed(0)} MB heap ${(memory.heapUsed / 1e6).toFixed(1)} MB, ` +
          `live ${memory.incidents} incidents ${memory.alerts} alerts, snapshot ${(s.snapshotBytes / 1e3).toFixed(0)} kB, ` +
          `console heap ${(s.console.heapUsed / 1e6).toFixed(1)} MB ${s.console.domElements} elements, map heap ${(s.map.heapUsed / 1e6).toFixed(1)} MB, ` +
          `db ${(s.database.fileBytes / 1e6).toFixed(1)} MB, journal ${s.database.rows.journal} rows, errors ${errors.length}\n`,
      );
    };
    await sample(0);
    for (let day = 1; day <= days; day++) {
      for (;;) {
        const m = await smsMemory(sms);
        if (m.now >= simStart + day * DAY_MS) break;
        await new Promise((r) =>
          setTimeout(r, Math.min(2_000, Math.max(200, (simStart + day * DAY_MS - m.now) / speed))),
        );
      }
      await sample(day);
    }
    const consoleLive = await isLive(consolePage);
    const mapLive = await isLive(mapPage);

    const from = samples.find((s) => s.day === 2)!;
    const to = samples.at(-1)!;
    const tableBytes = (s: Sample, prefix: RegExp) =>
      Object.entries(s.database.byTable)
        .filter(([name]) => prefix.test(name))
        .reduce((sum, [, b]) => sum + b, 0);
    // Records kept by policy: every incident and alert (archived ones too) with the incident logs, and audit (90 days hot).
    const KEPT = /^(incidents|alerts|incident_log|audit|sqlite_autoindex_(incidents|alerts|incident_log))/;
    const JOURNAL = /^(journal|sqlite_autoindex_journal)/;
    const series = {
      smsRss: [from.sms.rss, to.sms.rss],
      smsHeapUsed: [from.sms.heapUsed, to.sms.heapUsed],
      snapshotBytes: [from.snapshotBytes, to.snapshotBytes],
      consoleHeapUsed: [from.console.heapUsed, to.console.heapUsed],
      consoleDomElements: [from.console.domElements, to.console.domElements],
      consoleDomNodes: [from.console.domNodes, to.console.domNodes],
      mapHeapUsed: [from.map.heapUsed, to.map.heapUsed],
      mapDomElements: [from.map.domElements, to.map.domElements],
      journalBytes: [tableBytes(from, JOURNAL), tableBytes(to, JOURNAL)],
      databaseBytesBesidesKeptRecords: [
        from.database.fileBytes - tableBytes(from, KEPT),
        to.database.fileBytes - tableBytes(to, KEPT),
      ],
    } as const;
    const bounds = Object.fromEntries(
      Object.entries(series).map(([name, [a, b]]) => {
        const g = growth(a, b);
        return [name, { day2: a, last: b, growth: Math.round(g * 1000) / 1000, pass: g < BOUND }];
      }),
    );
    const keptDays = to.day - from.day;
    const result = {
      bench: 'soak',
      config: {
        days,
        speed,
        start: new Date(startAt).toISOString(),
        startNote:
          'a fixed simulated start (a Monday): the City empties at weekends, so days 2 and 7 are both working days',
        journalRetention,
        journalRetentionNote:
          'scaled from the default 500,000 (about 1.4 real days of journal) to about one simulated day of this run: the simulator ticks on the wall clock, so at high speed a simulated day journals far fewer events than a real one',
        archiveAfterHours,
        auditHotDays: 90,
        auditNote:
          'audit retention runs on the wall clock (90 days hot), so no audit record is archived in this run: audit grows by policy',
        load: os.loadavg().map((l) => Math.round(l * 100) / 100),
        cpus: os.cpus().length,
      },
      samples,
      bounds,
      databaseGrowth: {
        fileBytesDay2: from.database.fileBytes,
        fileBytesLast: to.database.fileBytes,
        fileGrowth: Math.round(growth(from.database.fileBytes, to.database.fileBytes) * 1000) / 1000,
        keptRecordsBytesPerDay: Math.round((tableBytes(to, KEPT) - tableBytes(from, KEPT)) / keptDays),
        note: 'incidents and alerts (live and archived) with their logs are kept for the history search, audit for 90 days: that part grows by policy, the rest is bounded',
      },
      pageErrors: errors,
      // The SMS logs a failed simulation tick, archive step or request: none should appear in a week.
      smsErrors: sms.log.filter((line) => /fail|error|uncaught/i.test(line)).slice(-20),
      windows: { console: consoleLive, map: mapLive },
      pass: Object.values(bounds).every((b) => b.pass) && errors.length === 0 && consoleLive.live && mapLive.live,
    };
    console.log(JSON.stringify(result, null, 2));
    process.exitCode = result.pass ? 0 : 1;
  } finally {
    await browser.close();
    await sms.stop();
    removeDataDir(sms.dataDir);
  }
}

main().catch((e: unknown) => {
  console.error(e);
  process.exit(1);
});
