import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { EventEnvelope } from '../../shared/protocol';
import { testWorld } from '../../test/support/world';
import { SMS_COMMANDS } from '../commands/commandRules';
import { openSqliteStorage } from '../storage/sqlite';
import type { Storage } from '../storage/storage';
import { ARCHIVE_BATCH, DEFAULT_ARCHIVE_AFTER_MS } from './archive';
import { createCore, type SmsCoreService } from './core';
import { CommandFailure, SYSTEM_ACTOR } from './ports';

const HOUR = 3_600_000;
const location = { lon: -0.0886, lat: 51.5134 };
const T0 = Date.parse('2026-11-25T10:00:00.000Z');

/** A core on `storage` whose clock the test moves; background archiving is left to `archiveDue`. */
function rig(storage: Storage = openSqliteStorage(':memory:'), seed = true) {
  let now = T0;
  const core = createCore({ commands: SMS_COMMANDS, storage, clock: () => now, archivePollMs: 3_600_000 });
  if (seed) core.seed(testWorld());
  const events: EventEnvelope[] = [];
  core.subscribe((e) => events.push(e));
  return {
    core,
    events,
    at: (ms: number) => (now = ms),
    advance: (ms: number) => (now += ms),
  };
}

function closedIncident(core: SmsCoreService): string {
  const { incident } = core.execute(
    'incident.create',
    { type: 'theft', grade: 3, location, summary: 'bike' },
    SYSTEM_ACTOR,
  );
  core.execute('incident.close', { incidentId: incident.id, resultCode: 'advice_given' }, SYSTEM_ACTOR);
  return incident.id;
}

function refusalOf(f: () => unknown): CommandFailure {
  try {
    f();
  } catch (e) {
    if (e instanceof CommandFailure) return e;
    throw e;
  }
  throw new Error('expected a refusal');
}

describe('archiving closed incidents and handled alerts', () => {
  it('archives a closed incident the archive window after its latest change, once, by a journal event', () => {
    const { core, events, advance } = rig();
    const id = closedIncident(core);
    advance(DEFAULT_ARCHIVE_AFTER_MS - 1);
    expect(core.archiveDue()).toBe(0);
    advance(1);
    expect(core.archiveDue()).toBe(1);
    expect(events.at(-1)).toMatchObject({ type: 'incident.archived', payload: { incidentId: id } });
    expect(core.incidents.has(id)).toBe(false);
    expect(core.snapshot().incidents.map((i) => i.id)).not.toContain(id);
    expect(core.archiveDue()).toBe(0);
    core.close();
  });

  it('restarts the window on a late change (a note after closing) and keeps open incidents live', () => {
    const { core, advance } = rig();
    const id = closedIncident(core);
    const { incident: open } = core.execute(
      'incident.create',
      { type: 'theft', grade: 3, location, summary: 'open' },
      SYSTEM_ACTOR,
    );
    advance(6 * HOUR);
    core.execute('incident.note', { incidentId: id, text: 'property returned' }, SYSTEM_ACTOR);
    advance(3 * HOUR);
    expect(core.archiveDue()).toBe(0);
    advance(5 * HOUR);
    expect(core.archiveDue()).toBe(1);
    advance(1_000 * HOUR);
    expect(core.archiveDue()).toBe(0);
    expect(core.incidents.has(open.id)).toBe(true);
    core.close();
  });

  it('answers a command on an archived incident not_found, saying it is archived, and changes nothing', () => {
    const { core, advance } = rig();
    const id = closedIncident(core);
    const ref = core.incidents.get(id)!.ref;
    advance(DEFAULT_ARCHIVE_AFTER_MS);
    core.archiveDue();
    const seq = core.seq;
    const refused = refusalOf(() => core.execute('incident.note', { incidentId: id, text: 'late' }, SYSTEM_ACTOR));
    expect(refused.code).toBe('not_found');
    expect(refused.message).toContain(`${ref} is archived`);
    expect(refused.message).toContain('/api/history/incidents');
    expect(
      refusalOf(() => core.execute('incident.note', { incidentId: 'inc-999999', text: 'x' }, SYSTEM_ACTOR)).message,
    ).toBe('No incident with id inc-999999.');
    expect(core.seq).toBe(seq);
    core.close();
  });

  it('archives handled alerts (acknowledged, dismissed, converted) but never a raised one', () => {
    const { core, events, advance } = rig();
    const raise = () =>
      core.raiseAlert({
        source: 'video_analytics',
        kind: 'loitering',
        priority: 'medium',
        location,
        detail: 'x',
        cameraId: null,
        servicePointId: null,
        unitId: null,
      });
    const raised = raise();
    const acknowledged = raise();
    const dismissed = raise();
    const converted = raise();
    core.execute('alert.acknowledge', { alertId: acknowledged.id }, SYSTEM_ACTOR);
    core.execute('alert.dismiss', { alertId: dismissed.id, reason: 'nothing' }, SYSTEM_ACTOR);
    core.execute(
      'incident.create',
      { type: 'theft', grade: 3, location, summary: 'from alert', alertId: converted.id },
      SYSTEM_ACTOR,
    );
    advance(DEFAULT_ARCHIVE_AFTER_MS);
    expect(core.archiveDue()).toBe(3);
    const archived = events.filter((e) => e.type === 'alert.archived').map((e) => e.payload);
    expect(archived).toEqual(
      expect.arrayContaining([{ alertId: acknowledged.id }, { alertId: dismissed.id }, { alertId: converted.id }]),
    );
    expect([...core.alerts.keys()]).toEqual([raised.id]);
    const refused = refusalOf(() =>
      core.execute('alert.dismiss', { alertId: acknowledged.id, reason: 'late' }, SYSTEM_ACTOR),
    );
    expect([refused.code, refused.message]).toEqual(['not_found', expect.stringContaining('is archived')]);
    core.close();
  });

  it('archives a backlog in batches of at most ARCHIVE_BATCH records per transaction', () => {
    const { core, events, advance } = rig();
    const n = ARCHIVE_BATCH * 2 + 17;
    for (let i = 0; i < n; i++) closedIncident(core);
    advance(DEFAULT_ARCHIVE_AFTER_MS);
    const before = events.length;
    expect(core.archiveDue()).toBe(n);
    const archived = events.slice(before);
    expect(archived.every((e) => e.type === 'incident.archived')).toBe(true);
    expect(archived).toHaveLength(n);
    expect(core.incidents.size).toBe(0);
    core.close();
  });

  it('survives a restart: due clocks are kept, archived records stay out of the live state but in storage', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jccr-archive-'));
    const file = join(dir, 'sms.sqlite');
    try {
      const first = rig(openSqliteStorage(file));
      const early = closedIncident(first.core);
      first.advance(DEFAULT_ARCHIVE_AFTER_MS);
      first.core.archiveDue();
      const late = closedIncident(first.core);
      first.core.close();

      const storage = openSqliteStorage(file);
      const second = rig(storage, false);
      second.at(T0 + DEFAULT_ARCHIVE_AFTER_MS);
      expect([...second.core.incidents.keys()]).toEqual([late]);
      expect(storage.findArchived('incident', early)).toMatchObject({ id: early, status: 'closed' });
      second.advance(DEFAULT_ARCHIVE_AFTER_MS);
      expect(second.core.archiveDue()).toBe(1);
      expect(second.core.incidents.size).toBe(0);
      expect(storage.findArchived('incident', late)).toMatchObject({ id: late });
      second.core.close();
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
