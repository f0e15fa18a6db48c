import { aUnit } from '../../../test/support/records';
import { ICON_MINZOOM } from './unitIconLayers';
import { unitState } from './unitState';
import { easeOut, MAX_TWEENED, TWEEN_MS, UnitTweens } from './unitTweens';

const everywhere = { contains: () => true };

function movedUnit(fid = 0) {
  const unit = unitState(aUnit({ id: `unit-${fid}`, position: { lon: 0, lat: 0 } }), fid, 0);
  unit.lon = 1;
  unit.lat = 2;
  return unit;
}

describe('UnitTweens', () => {
  it('lets nothing glide below icon zoom, where units are GL points', () => {
    expect(new UnitTweens().admission(ICON_MINZOOM - 0.1, everywhere)).toBeNull();
  });

  it('admits only units in view, and at most MAX_TWEENED at once', () => {
    const tweens = new UnitTweens();
    const admit = tweens.admission(ICON_MINZOOM, { contains: ([lon]) => lon === 1 })!;
    const outOfView = movedUnit();
    outOfView.lon = 5;
    expect(admit(outOfView)).toBe(false);
    let admitted = 0;
    for (let i = 0; i < MAX_TWEENED + 10; i++) if (admit(movedUnit(i))) admitted++;
    expect(admitted).toBe(MAX_TWEENED - 1); // the unit out of view used one of the budget
  });

  it('glides a unit from where it was drawn to its report, easing out, then lets it go', () => {
    const tweens = new UnitTweens();
    const unit = movedUnit();
    tweens.start(unit, 1_000);
    const half = tweens.step(1_000 + TWEEN_MS / 2);
    expect(half.get(0)).toEqual([unit]);
    expect(unit.shownLon).toBeCloseTo(easeOut(0.5));
    expect(unit.shownLat).toBeCloseTo(2 * easeOut(0.5));
    expect(tweens.size).toBe(1);
    tweens.step(1_000 + TWEEN_MS);
    expect([unit.shownLon, unit.shownLat]).toEqual([1, 2]);
    expect(unit.tweenFrom).toBeNull();
    expect(tweens.size).toBe(0);
  });

  it('drops a unit that was snapped meanwhile', () => {
    const tweens = new UnitTweens();
    const unit = movedUnit();
    tweens.start(unit, 0);
    unit.tweenFrom = null;
    expect(tweens.step(10).size).toBe(0);
    expect(tweens.size).toBe(0);
  });
});
