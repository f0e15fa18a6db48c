import { distanceMetres } from './distance';

const here = { lon: -0.0915, lat: 51.5133 };

/** Haversine on a 6,371 km sphere: the textbook reference the ruler replaced. */
function haversine(a: typeof here, b: typeof here): number {
  const rad = Math.PI / 180;
  const h =
    Math.sin(((b.lat - a.lat) * rad) / 2) ** 2 +
    Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(((b.lon - a.lon) * rad) / 2) ** 2;
  return 2 * 6_371_000 * Math.asin(Math.sqrt(h));
}

describe('distance in the City', () => {
  it('measures metres north', () => {
    expect(distanceMetres(here, { lon: here.lon, lat: here.lat + 100 / 111_320 })).toBeCloseTo(100, 0);
  });

  it('agrees with haversine within half a percent across the City, in every direction', () => {
    for (const there of [
      { lon: -0.1132, lat: 51.5118 }, // Temple
      { lon: -0.0754, lat: 51.5134 }, // Aldgate
      { lon: -0.0983, lat: 51.5202 }, // Barbican
      { lon: -0.0877, lat: 51.5079 }, // London Bridge, north end
    ]) {
      const reference = haversine(here, there);
      expect(Math.abs(distanceMetres(here, there) - reference) / reference).toBeLessThan(0.005);
    }
  });

  it('is symmetric and zero for the same point', () => {
    const there = { lon: -0.08, lat: 51.51 };
    expect(distanceMetres(here, there)).toBeCloseTo(distanceMetres(there, here), 6);
    expect(distanceMetres(here, here)).toBe(0);
  });
});
