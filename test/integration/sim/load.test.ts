import { simRig } from './harness';

const MINUTE = 60_000;

describe('load mode', () => {
  it('adds about R journal events per simulated second', () => {
    const quiet = simRig({ seed: 8 });
    const busy = simRig({ seed: 8, eventRate: 200 });
    quiet.run(MINUTE);
    busy.run(MINUTE);
    const extra = busy.core.seq - quiet.core.seq;
    quiet.close();
    busy.close();
    expect(extra).toBeGreaterThan(200 * 60 * 0.95);
    expect(extra).toBeLessThan(200 * 60 * 1.05);
  });

  it('spreads the extra events evenly over the ticks', () => {
    const rig = simRig({ seed: 8, eventRate: 200 });
    const perTick: number[] = [];
    let count = 0;
    const off = rig.core.subscribe((e) => {
      if (e.type !== 'unit.positions') count++;
    });
    for (let k = 0; k < 40; k++) {
      count = 0;
      rig.run(250);
      perTick.push(count);
    }
    off();
    rig.close();
    expect(Math.min(...perTick)).toBeGreaterThanOrEqual(50);
    expect(Math.max(...perTick)).toBeLessThanOrEqual(60);
  });

  it('carries a position for every unit of a large fleet every simulated second, moving or not', () => {
    const rig = simRig({ seed: 8, units: 4_000 });
    rig.run(MINUTE);
    const from = rig.core.seq;
    rig.run(10_000);
    const positions = rig.core
      .readEvents(from, 1_000)
      .reduce((n, e) => n + (e.type === 'unit.positions' ? e.payload.positions.length : 0), 0);
    rig.close();
    expect(positions / 10).toBeGreaterThan(4_000 * 0.97);
    expect(positions / 10).toBeLessThanOrEqual(4_000);
  });
});
