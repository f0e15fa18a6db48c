import { SERVED_AREA } from '../../../shared/protocol/primitives';
import { BUNDLED_DATA_EXTENT, BUNDLED_VIEW_BOUNDS, dataEdgeMask, viewBounds, type LonLatBox } from './dataExtent';

/** Twice the signed area of a ring (positive: anticlockwise). */
const signedArea = (ring: number[][]) =>
  ring.slice(1).reduce((sum, [x, y], i) => sum + (ring[i]![0]! * y! - x! * ring[i]![1]!), 0);

const inside = ([w, s, e, n]: LonLatBox, [x, y]: [number, number]) => x > w && x < e && y > s && y < n;

/** The opacity the mask paints at a point: the feature whose outer ring holds it and hole does not. */
function maskOpacityAt(point: [number, number]): number {
  for (const feature of dataEdgeMask().features) {
    const [outer, hole] = feature.geometry.coordinates as number[][][];
    const box = (ring: number[][]): LonLatBox => [ring[0]![0]!, ring[0]![1]!, ring[2]![0]!, ring[2]![1]!];
    const holeBox = (ring: number[][]): LonLatBox => {
      const xs = ring.map((p) => p[0]!);
      const ys = ring.map((p) => p[1]!);
      return [Math.min(...xs), Math.min(...ys), Math.max(...xs), Math.max(...ys)];
    };
    if (inside(box(outer!), point) && !inside(holeBox(hole!), point)) return feature.properties.opacity;
  }
  return 0;
}

describe('the bounds of the map and its edge', () => {
  it('lets the bundled map pan only a little past its data, a configured style over the served area', () => {
    const [w, s, e, n] = BUNDLED_VIEW_BOUNDS;
    const [dw, ds, de, dn] = BUNDLED_DATA_EXTENT;
    expect(w < dw && s < ds && e > de && n > dn).toBe(true);
    expect(viewBounds('bundled')).toBe(BUNDLED_VIEW_BOUNDS);
    expect(viewBounds('external')).toEqual([SERVED_AREA.west, SERVED_AREA.south, SERVED_AREA.east, SERVED_AREA.north]);
  });

  it('still lets a 1,400 px map zoom out to the unit dots (zoom 14)', () => {
    // Metres per pixel at zoom 14 at the City's latitude; the bounds must be wider than the map.
    const metresPerPixel = (40_075_016 * Math.cos((51.515 * Math.PI) / 180)) / (512 * 2 ** 14);
    const widthMetres =
      (BUNDLED_VIEW_BOUNDS[2] - BUNDLED_VIEW_BOUNDS[0]) * 111_320 * Math.cos((51.515 * Math.PI) / 180);
    expect(widthMetres).toBeGreaterThan(1_400 * metresPerPixel);
  });

  it('winds every hole against its outer ring, as maplibre needs to leave it unfilled', () => {
    for (const feature of dataEdgeMask().features) {
      const [outer, hole] = feature.geometry.coordinates;
      expect(Math.sign(signedArea(outer!))).toBe(-Math.sign(signedArea(hole!)));
    }
  });

  it('paints the background over everything between the data and the bounds, fading in at the edge', () => {
    const [w, s, e, n] = BUNDLED_VIEW_BOUNDS;
    const [dw, ds, de, dn] = BUNDLED_DATA_EXTENT;
    // Past the data's edge on every side, up to the bounds: opaque.
    for (const point of [
      [w + 0.001, 51.515],
      [e - 0.001, 51.515],
      [-0.09, s + 0.001],
      [-0.09, n - 0.001],
      [dw - 0.0001, dn + 0.0001],
    ] as [number, number][]) {
      expect(maskOpacityAt(point)).toBe(1);
    }
    // The City itself: untouched. Just inside the edge: partly covered, less further in.
    expect(maskOpacityAt([-0.09, 51.515])).toBe(0);
    const nearEdge = maskOpacityAt([dw + 0.0003, 51.515]);
    const furtherIn = maskOpacityAt([dw + 0.0025, 51.515]);
    expect(nearEdge).toBeGreaterThan(furtherIn);
    expect(nearEdge).toBeLessThan(1);
    expect(maskOpacityAt([de - 0.0003, ds + 0.01])).toBeGreaterThan(0);
  });
});
