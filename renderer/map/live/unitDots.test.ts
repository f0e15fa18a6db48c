import { mercatorX, mercatorY, ORIGIN, packStyle, relativeMatrix, SCALE, STATUS_SHAPE } from './unitDots';

const apply = (m: ArrayLike<number>, v: [number, number, number, number]) =>
  [0, 1, 2, 3].map((r) => v.reduce((sum, x, c) => sum + (m[c * 4 + r] as number) * x, 0));

describe('unit dots', () => {
  it('puts an origin-relative point where the map matrix puts its absolute mercator point', () => {
    // A street-zoom-like matrix: large scale, a translation near the City.
    const main = [9e7, 0, 0, 0, 0, -9e7, 0, 0, 0, 0, 1, 0, -4.6e7, 3.1e7, 0, 1];
    const lon = -0.0871;
    const lat = 51.5138;
    const absolute = apply(main, [mercatorX(lon), mercatorY(lat), 0, 1]);
    const relative = apply(relativeMatrix(main), [
      Math.fround((mercatorX(lon) - ORIGIN[0]) * SCALE),
      Math.fround((mercatorY(lat) - ORIGIN[1]) * SCALE),
      0,
      1,
    ]);
    // Within a few hundredths of a pixel at this scale, where float32 mercator would be metres off.
    for (let i = 0; i < 4; i++) expect(Math.abs((relative[i] as number) - (absolute[i] as number))).toBeLessThan(0.05);
  });

  it('packs each status colour with a shape, so status is not told by colour alone', () => {
    const out = new Uint8Array(4);
    packStyle('available', out, 0);
    expect([...out]).toEqual([0x4f, 0xdc, 0x8a, 0]);
    expect(new Set(Object.values(STATUS_SHAPE)).size).toBeGreaterThanOrEqual(4);
  });
});
