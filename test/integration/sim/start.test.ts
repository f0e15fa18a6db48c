import { createCore } from '../../../sms/core/core';
import { SMS_COMMANDS } from '../../../sms/commands/commandRules';
import { createScenario, startSimulation } from '../../../sms/sim';
import { openSqliteStorage } from '../../../sms/storage/sqlite';
import { FRIDAY } from './harness';

describe('startSimulation', () => {
  beforeEach(() => jest.useFakeTimers());
  afterEach(() => jest.useRealTimers());

  function running() {
    const core = createCore({ commands: SMS_COMMANDS, storage: openSqliteStorage(':memory:'), clock: () => FRIDAY });
    core.seed(createScenario({ seed: 4, now: FRIDAY }));
    return { core, handle: startSimulation(core, { seed: 4, speed: 10 }) };
  }

  it('advances the simulation on its timer', () => {
    const { core, handle } = running();
    jest.advanceTimersByTime(10_000);
    const moved = core.readEvents(0, 10_000).filter((e) => e.type === 'unit.positions');
    handle.stop();
    core.close();
    expect(moved.length).toBeGreaterThan(10);
  });

  it('stops when told', () => {
    const { core, handle } = running();
    jest.advanceTimersByTime(2_000);
    handle.stop();
    const seq = core.seq;
    jest.advanceTimersByTime(10_000);
    core.close();
    expect(core.seq).toBe(seq);
  });

  it('refuses a speed that is not positive', () => {
    const core = createCore({ commands: SMS_COMMANDS, storage: openSqliteStorage(':memory:'), clock: () => FRIDAY });
    expect(() => startSimulation(core, { seed: 1, speed: 0 })).toThrow(/speed/);
    core.close();
  });
});
