import { aUnit } from '../../../test/support/records';
import { nearestUnit } from './unitHitTest';
import { unitState } from './unitState';

// Screen = lon/lat scaled by 100: a unit at lon 1 is at x 100.
const view = (inView: (lngLat: [number, number]) => boolean = () => true) => ({
  getBounds: () => ({ contains: inView }),
  project: ([lon, lat]: [number, number]) => ({ x: lon * 100, y: lat * 100 }),
});
const at = (id: string, lon: number, lat: number, fid = 0) => unitState(aUnit({ id, position: { lon, lat } }), fid, 0);

describe('nearestUnit', () => {
  const units = [at('a', 1, 1, 0), at('b', 1.05, 1, 1), at('c', 3, 3, 2)];

  it('finds the unit drawn nearest the point, within the radius', () => {
    expect(nearestUnit(units, view(), { x: 104, y: 100 }, 8)).toBe('b');
    expect(nearestUnit(units, view(), { x: 101, y: 100 }, 8)).toBe('a');
  });

  it('finds nothing beyond the radius', () => {
    expect(nearestUnit(units, view(), { x: 200, y: 200 }, 8)).toBeNull();
  });

  it('goes by where the unit is drawn while it glides, and skips units out of view', () => {
    const gliding = at('d', 2, 2);
    gliding.shownLon = 0.5;
    gliding.shownLat = 0.5;
    expect(nearestUnit([gliding], view(), { x: 50, y: 50 }, 8)).toBe('d');
    expect(
      nearestUnit(
        units,
        view(([lon]) => lon > 1.01),
        { x: 101, y: 100 },
        8,
      ),
    ).toBe('b');
  });
});
