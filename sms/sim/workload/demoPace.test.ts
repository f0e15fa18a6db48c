import { DEMO_PACE, modelArrivalsPerMinute, paceFactor, type DemoPace } from './demoPace';
import type { LocalTime } from './localTime';

const thursday = (hour: number) => ({ hour, weekday: 4 });
const saturday = (hour: number) => ({ hour, weekday: 6 });
const arrivalsPerMinute = (pace: DemoPace | undefined, at: LocalTime) =>
  modelArrivalsPerMinute(at) * paceFactor(pace, at);

describe('the demo pace', () => {
  it('leaves the model’s rates alone without a pace', () => {
    expect(paceFactor(undefined, thursday(4))).toBe(1);
    expect(arrivalsPerMinute(undefined, thursday(17))).toBe(modelArrivalsPerMinute(thursday(17)));
  });

  it('brings something new every few minutes at the quietest hour of the week', () => {
    // The model alone: one arrival every twenty minutes or so at 04:00.
    expect(modelArrivalsPerMinute(thursday(4))).toBeLessThan(0.1);
    for (const at of [thursday(4), saturday(4), saturday(5)]) {
      expect(arrivalsPerMinute(DEMO_PACE, at)).toBeCloseTo(DEMO_PACE.floorPerMinute, 9);
    }
  });

  it('keeps the hourly rhythm above the floor: the evening peak is busier than the night', () => {
    const peak = arrivalsPerMinute(DEMO_PACE, thursday(17));
    expect(peak).toBeCloseTo(modelArrivalsPerMinute(thursday(17)) * DEMO_PACE.multiplier, 9);
    expect(peak).toBeGreaterThan(1.4 * arrivalsPerMinute(DEMO_PACE, thursday(4)));
  });

  it('never slows the model down', () => {
    for (let hour = 0; hour < 24; hour++) {
      for (const weekday of [0, 1, 4, 5, 6]) {
        expect(paceFactor(DEMO_PACE, { hour, weekday })).toBeGreaterThanOrEqual(DEMO_PACE.multiplier);
      }
    }
  });
});
