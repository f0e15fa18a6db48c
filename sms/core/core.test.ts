import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { CommandAck, EventEnvelope } from '../../shared/protocol';
import { testWorld } from '../../test/support/world';
import { openSqliteStorage } from '../storage/sqlite';
import type { Storage } from '../storage/storage';
import { SMS_COMMANDS } from '../commands/commandRules';
import { createCore, type SmsCoreService } from './core';
import { CommandFailure, SYSTEM_ACTOR, type Actor } from './ports';

const dispatcher: Actor = { userId: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' };
const location = { lon: -0.0886, lat: 51.5134 };
const create = (id: string) => ({
  id,
  type: 'incident.create',
  payload: { type: 'theft', grade: 3, location, summary: 'x' },
});
const clock = () => Date.parse('2026-11-25T10:00:00.000Z');

function memoryCore(storage: Storage = openSqliteStorage(':memory:'), journalRetention?: number): SmsCoreService {
  const core = createCore({
    commands: SMS_COMMANDS,
    storage,
    clock,
    ...(journalRetention === undefined ? {} : { journalRetention }),
  });
  core.seed(testWorld());
  return core;
}
const move = (core: SmsCoreService, n: number) => {
  for (let i = 0; i < n; i++) core.moveUnits([{ id: 'u1', lon: -0.09, lat: 51.51, heading: i % 360, speed: 1 }]);
};

describe('submit', () => {
  it('answers a repeated command id with the first answer and acts once', () => {
    const core = memoryCore();
    const first = core.submit(create('cmd-000000001'), dispatcher);
    expect(core.submit(create('cmd-000000001'), dispatcher)).toEqual(first);
    expect([core.seq, core.incidents.size]).toEqual([1, 1]);
    core.close();
  });

  it('answers internal, changes nothing, and keeps serving when the store fails', () => {
    const storage = openSqliteStorage(':memory:');
    let failNext = false;
    const flaky: Storage = {
      ...storage,
      commit(c) {
        if (failNext && c.events?.length) {
          failNext = false;
          throw new Error('disk on fire');
        }
        storage.commit(c);
      },
    };
    const core = memoryCore(flaky);
    failNext = true;
    expect(core.submit(create('cmd-000000001'), dispatcher)).toEqual({
      ok: false,
      error: { code: 'internal', message: expect.any(String) },
    });
    expect([core.seq, core.incidents.size]).toEqual([0, 0]);
    const ack = core.submit(create('cmd-000000001'), dispatcher) as Extract<CommandAck, { ok: true }>;
    expect(ack.ok).toBe(true);
    expect(core.incidents.get('inc-000001')).toBeDefined();
    core.close();
  });

  it('audits the command in the same write as its effect', () => {
    const storage = openSqliteStorage(':memory:');
    const core = memoryCore(storage);
    core.submit(create('cmd-000000001'), dispatcher);
    expect(storage.queryAudit({ limit: 10 })).toEqual([
      expect.objectContaining({
        action: 'incident.create',
        username: 'dispatcher',
        targetId: 'inc-000001',
        result: 'ok',
      }),
    ]);
    expect(storage.findCommand('cmd-000000001')?.ack.ok).toBe(true);
    core.close();
  });
});

describe('state across restarts', () => {
  let dir: string;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'jccr-core-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it('loads exactly the state it had, at the same seq, and goes on numbering', () => {
    const path = join(dir, 'sms.sqlite');
    const core = memoryCore(openSqliteStorage(path));
    core.submit(create('cmd-000000001'), dispatcher);
    core.execute('incident.assign', { incidentId: 'inc-000001', unitIds: ['u1'] }, dispatcher);
    move(core, 3);
    core.raiseAlert({
      source: 'anpr',
      kind: 'hit',
      priority: 'low',
      location,
      detail: '',
      cameraId: null,
      servicePointId: null,
      unitId: null,
    });
    const before = core.snapshot();
    core.close();
    const again = createCore({ commands: SMS_COMMANDS, storage: openSqliteStorage(path), clock });
    expect(again.snapshot()).toEqual(before);
    expect(
      again.execute('incident.create', { type: 'theft', grade: 3, location, summary: 'y' }, SYSTEM_ACTOR).incident.id,
    ).toBe('inc-000002');
    again.close();
  });
});

describe('unit positions at scale', () => {
  it('writes position rows in checkpoints without losing a status set in between', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'jccr-core-'));
    const path = join(dir, 'sms.sqlite');
    let now = clock();
    const core = createCore({ commands: SMS_COMMANDS, storage: openSqliteStorage(path), clock: () => now });
    core.seed(testWorld());
    core.moveUnits([{ id: 'u1', lon: -0.09, lat: 51.51, heading: 1, speed: 1 }]);
    now += 1_000;
    core.execute('unit.status', { unitId: 'u1', status: 'busy' }, dispatcher);
    now += 1_000;
    core.moveUnits([{ id: 'u1', lon: -0.091, lat: 51.511, heading: 2, speed: 1 }]);
    now += 5_000;
    core.moveUnits([{ id: 'u2', lon: -0.08, lat: 51.52, heading: 3, speed: 1 }]);
    core.close();
    const again = createCore({ commands: SMS_COMMANDS, storage: openSqliteStorage(path), clock: () => now });
    expect(again.units.get('u1')).toMatchObject({ status: 'busy', position: { lon: -0.091, lat: 51.511 } });
    expect(again.units.get('u2')?.position).toEqual({ lon: -0.08, lat: 51.52 });
    again.close();
    await rm(dir, { recursive: true, force: true });
  });
});

describe('journal retention', () => {
  it('prunes in the background down to the newest events', async () => {
    const core = memoryCore(undefined, 10);
    move(core, 30);
    for (let i = 0; i < 3; i++) await new Promise((r) => setImmediate(r));
    expect(core.journalRange()).toEqual({ oldest: 21, latest: 30 });
    expect(core.readEvents(0, 100).map((e) => e.seq)[0]).toBe(21);
    core.close();
  });
});

describe('publishing', () => {
  it('delivers events in seq order even when a listener causes new ones', () => {
    const core = memoryCore();
    const seen: [string, number][] = [];
    core.subscribe((e) => {
      seen.push(['a', e.seq]);
      if (e.seq === 1) move(core, 1);
    });
    core.subscribe((e) => seen.push(['b', e.seq]));
    move(core, 1);
    expect(seen).toEqual([
      ['a', 1],
      ['b', 1],
      ['a', 2],
      ['b', 2],
    ]);
    core.close();
  });

  it('lets a listener see the state of its event', () => {
    const core = memoryCore();
    let heading: number | undefined;
    core.subscribe(() => (heading = core.units.get('u1')?.heading));
    core.moveUnits([{ id: 'u1', lon: -0.09, lat: 51.51, heading: 42, speed: 1 }]);
    expect(heading).toBe(42);
    core.close();
  });

  it('survives a listener that throws', () => {
    const core = memoryCore();
    const got: EventEnvelope[] = [];
    core.subscribe(() => {
      throw new Error('boom');
    });
    core.subscribe((e) => got.push(e));
    move(core, 2);
    expect(got.map((e) => e.seq)).toEqual([1, 2]);
    core.close();
  });
});

describe('in-process producers', () => {
  it('journals one unit.positions event per batch and ignores unknown units', () => {
    const core = memoryCore();
    core.moveUnits([
      { id: 'u1', lon: -0.09, lat: 51.51, heading: 10, speed: 2 },
      { id: 'ghost', lon: -0.09, lat: 51.51, heading: 10, speed: 2 },
      { id: 'u2', lon: -0.08, lat: 51.52, heading: 20, speed: 3 },
    ]);
    const [event] = core.readEvents(0, 10);
    expect(event?.type).toBe('unit.positions');
    expect(event?.payload).toEqual({
      positions: [expect.objectContaining({ id: 'u1' }), expect.objectContaining({ id: 'u2' })],
    });
    core.moveUnits([{ id: 'ghost', lon: 0, lat: 0, heading: 0, speed: 0 }]);
    expect(core.seq).toBe(1);
    core.close();
  });

  it('refuses an alert naming an unknown camera', () => {
    const core = memoryCore();
    expect(() =>
      core.raiseAlert({
        source: 'video_analytics',
        kind: 'x',
        priority: 'low',
        location,
        detail: '',
        cameraId: 'cam-404',
        servicePointId: null,
        unitId: null,
      }),
    ).toThrow(CommandFailure);
    expect(core.seq).toBe(0);
    core.close();
  });

  it('seeds only a fresh SMS', () => {
    const core = memoryCore();
    expect(() => core.seed(testWorld())).toThrow(expect.objectContaining({ code: 'conflict' }));
    core.close();
  });

  it('refuses a world that does not match the schemas', () => {
    const core = createCore({ commands: SMS_COMMANDS, storage: openSqliteStorage(':memory:'), clock });
    const world = testWorld();
    expect(() => core.seed({ ...world, units: [{ ...world.units[0]!, heading: 400 }] })).toThrow(
      expect.objectContaining({ code: 'invalid' }),
    );
    expect(core.units.size).toBe(0);
    core.close();
  });
});
