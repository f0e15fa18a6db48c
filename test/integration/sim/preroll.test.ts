import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SnapshotSchema, type Snapshot } from '../../../shared/protocol';
import { startSms, type RunningSms, type SmsOptions } from '../../../sms/app';
import { silentLogger } from '../../../sms/core/log';
import { cityRuleBreaks } from '../../support/cityRules';
import { get, login, TEST_SECRET } from '../support/sms';

// Each start computes or loads the City's street network; the pre-roll adds its hours.
jest.setTimeout(60_000);

/**
 * Loose bound on the CPU time of starting a demo SMS with its pre-roll (a few seconds on this
 * machine). CPU rather than wall time: the wall time of a shared test machine says more about
 * the other jobs on it than about the SMS.
 */
const LISTEN_CPU_LIMIT_MS = 10_000;

const dirs: string[] = [];
const running: RunningSms[] = [];
afterAll(async () => {
  for (const sms of running) await sms.close();
  for (const dir of dirs) await rm(dir, { recursive: true, force: true });
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'jccr-preroll-'));
  dirs.push(dir);
  return dir;
}

/** A demo SMS with the simulator, as `--demo` runs it (no video, no renderer). */
async function demoSms(
  dir: string,
  over: Partial<SmsOptions> = {},
): Promise<{ sms: RunningSms; ms: number; cpuMs: number }> {
  const started = performance.now();
  const cpu = process.cpuUsage();
  const sms = await startSms({
    dataDir: dir,
    demo: true,
    sim: true,
    demoPace: true,
    video: false,
    appDir: null,
    secret: TEST_SECRET,
    logger: silentLogger,
    ...over,
  });
  running.push(sms);
  const used = process.cpuUsage(cpu);
  return { sms, ms: performance.now() - started, cpuMs: (used.user + used.system) / 1000 };
}

async function snapshotOf(sms: RunningSms): Promise<Snapshot> {
  const res = await get(`${sms.url}/api/snapshot`, await login(sms.url, 'supervisor'));
  expect(res.status).toBe(200);
  return SnapshotSchema.parse(res.body);
}

async function stop(sms: RunningSms): Promise<void> {
  await sms.close();
  running.splice(running.indexOf(sms), 1);
}

describe('a demo SMS that opens mid-shift', () => {
  let dir: string;
  let first: { sms: RunningSms; ms: number; cpuMs: number };
  let snapshot: Snapshot;

  beforeAll(async () => {
    dir = await dataDir();
    first = await demoSms(dir, { preroll: true });
    snapshot = await snapshotOf(first.sms);
  });

  it('listens within a few seconds, pre-roll included', () => {
    // The figure, for whoever tunes the pre-roll: printed by the SMS on its listening line too.
    console.info(
      `listening ${Math.round(first.ms)} ms (CPU ${Math.round(first.cpuMs)} ms) after the start, ` +
        `of which the pre-roll ${first.sms.prerolled?.tookMs} ms`,
    );
    expect(first.sms.prerolled).toMatchObject({ hours: 5 });
    expect(first.cpuMs).toBeLessThan(LISTEN_CPU_LIMIT_MS);
  });

  it('serves, right after listening, a room at work: three grades, units committed, alerts waiting, a history', () => {
    const open = snapshot.incidents.filter((i) => i.status !== 'closed');
    expect(new Set(open.map((i) => i.grade)).size).toBeGreaterThanOrEqual(3);
    expect(snapshot.units.some((u) => ['dispatched', 'en_route', 'on_scene'].includes(u.status))).toBe(true);
    expect(snapshot.alerts.some((a) => a.status === 'raised')).toBe(true);
    expect(snapshot.incidents.some((i) => i.status === 'closed')).toBe(true);
    expect(cityRuleBreaks(snapshot)).toEqual([]);
  });

  it('journals the shift contiguously, in time order, up to now', () => {
    const journal = first.sms.core.readEvents(0, Number.MAX_SAFE_INTEGER);
    expect(journal.length).toBeGreaterThan(100);
    journal.forEach((e, i) => expect(e.seq).toBe(i + 1));
    expect(journal.every((e, i) => i === 0 || e.ts >= journal[i - 1]!.ts)).toBe(true);
    expect(journal.at(-1)!.ts).toBeLessThanOrEqual(Date.now());
    expect(journal[0]!.ts).toBeGreaterThanOrEqual(Date.now() - 5.5 * 3_600_000);
  });

  it('does not pre-roll again over the same data folder', async () => {
    const before = first.sms.core.snapshot();
    const firstEvents = first.sms.core.readEvents(0, 50);
    await stop(first.sms);
    const again = await demoSms(dir, { preroll: true });
    expect(again.sms.prerolled).toBeNull();
    expect(again.sms.core.readEvents(0, 50)).toEqual(firstEvents);
    // The same City: no second scenario, no second shift (the live simulation has barely begun).
    expect(again.sms.core.units.size).toBe(before.units.length);
    expect(again.sms.core.incidents.size).toBeLessThanOrEqual(before.incidents.length + 2);
  });
});

describe('a demo SMS without the pre-roll', () => {
  it('starts an empty City (no incidents, no alerts, no unit committed)', async () => {
    const { sms } = await demoSms(await dataDir(), { preroll: false });
    const snapshot = await snapshotOf(sms);
    expect(sms.prerolled).toBeNull();
    expect(snapshot.incidents).toEqual([]);
    expect(snapshot.alerts).toEqual([]);
    expect(snapshot.units.every((u) => u.incidentId === null)).toBe(true);
    await stop(sms);
  });

  it('is what a programmatic start gets by default', async () => {
    const { sms } = await demoSms(await dataDir(), {});
    expect(sms.prerolled).toBeNull();
    expect(sms.core.incidents.size).toBe(0);
    await stop(sms);
  });
});
