import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createCore } from '../../../sms/core/core';
import { SMS_COMMANDS } from '../../../sms/commands/commandRules';
import { createScenario, Simulation } from '../../../sms/sim';
import { openSqliteStorage } from '../../../sms/storage/sqlite';
import { FRIDAY } from './harness';

describe('the simulation across an SMS restart', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'jccr-sim-restart-'));
  const file = path.join(dir, 'sms.db');
  let now = FRIDAY + 20 * 3_600_000;
  const runFor = (sim: Simulation, ms: number) => {
    for (let t = 0; t < ms; t += 1_000) {
      now += 1_000;
      sim.step(1_000);
    }
  };

  const first = createCore({ commands: SMS_COMMANDS, storage: openSqliteStorage(file), clock: () => now });
  first.seed(createScenario({ seed: 9, now }));
  const sim1 = new Simulation(first, { seed: 9 });
  runFor(sim1, 3 * 3_600_000);
  const openBefore = [...first.incidents.values()].filter((i) => i.status !== 'closed' && i.log[0]?.author === 'sim');
  sim1.dispose();
  first.close();

  const second = createCore({ commands: SMS_COMMANDS, storage: openSqliteStorage(file), clock: () => now });
  const sim2 = new Simulation(second, { seed: 9 });
  runFor(sim2, 6 * 3_600_000);
  afterAll(() => {
    sim2.dispose();
    second.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('had simulator incidents still running when the SMS stopped', () => {
    expect(openBefore.length).toBeGreaterThan(0);
  });

  it('takes up the simulator’s running incidents again and closes them', () => {
    const stillOpen = openBefore.filter((i) => second.incidents.get(i.id)?.status !== 'closed');
    expect(stillOpen).toEqual([]);
  });

  it('leaves no unit stuck on its way to a call', () => {
    const stuck = [...second.units.values()].filter((u) => u.status === 'dispatched');
    expect(stuck).toEqual([]);
  });
});
