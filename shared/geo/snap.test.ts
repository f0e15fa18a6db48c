import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { StreetNetwork } from './network';
import { parseStreetsFile } from './schema';
import { ANY_EDGE, EdgeIndex, VEHICLE_EDGE, type EdgeFilter } from './snap';

const file = join(__dirname, '../../data/geo/city_streets.geojson');
const net = new StreetNetwork(parseStreetsFile(JSON.parse(readFileSync(file, 'utf8')), file));
const index = new EdgeIndex(net);

/** Every edge tried: the answer the grid search must reproduce. */
function bruteForce(lon: number, lat: number, filter: EdgeFilter) {
  let best: ReturnType<EdgeIndex['project']> | null = null;
  net.edges.forEach((e, i) => {
    if (!filter(e, i)) return;
    const hit = index.project(lon, lat, i);
    if (!best || hit.distance < best.distance) best = hit;
  });
  return best as ReturnType<EdgeIndex['project']> | null;
}

/** Milliseconds one call takes: the fastest of a few, since a stall repeats and a GC pause does not. */
function timed(f: () => unknown): number {
  let fastest = Infinity;
  for (let i = 0; i < 3; i++) {
    const t0 = performance.now();
    f();
    fastest = Math.min(fastest, performance.now() - t0);
  }
  return fastest;
}

// Far-away and extreme points, including ones no caller should send: the search must stay a
// few milliseconds whatever the input (it once walked every empty ring out to the point).
const EXTREMES: [number, number][] = [
  [-180, -90],
  [180, 90],
  [-180, 90],
  [180, -90],
  [0, 0],
  [2.35, 48.85],
  [-0.6, 51.2],
  [0.4, 51.8],
  [1e308, -1e308],
  [-Number.MAX_VALUE, Number.MAX_VALUE],
  [Number.MIN_VALUE, -Number.MIN_VALUE],
];

describe('snapping to the street network', () => {
  it('finds the same edge as trying every edge, inside and around the City', () => {
    const [lon0, lat0, lon1, lat1] = [-0.13, 51.49, -0.05, 51.54];
    for (let i = 0; i < 150; i++) {
      const lon = lon0 + ((i * 7919) % 400) * ((lon1 - lon0) / 400);
      const lat = lat0 + ((i * 104729) % 400) * ((lat1 - lat0) / 400);
      for (const filter of [ANY_EDGE, VEHICLE_EDGE]) {
        expect(index.nearest(lon, lat, filter)?.distance).toBeCloseTo(bruteForce(lon, lat, filter)!.distance, 6);
      }
    }
  });

  it('answers far-away and extreme points within a few milliseconds, with the nearest edge', () => {
    for (const [lon, lat] of EXTREMES) {
      // 50 ms is generous for a noisy shared machine: the point is to catch a search that runs for minutes.
      expect(timed(() => index.nearest(lon, lat, VEHICLE_EDGE))).toBeLessThan(50);
      const hit = index.nearest(lon, lat);
      if (Number.isFinite(hit?.distance))
        expect(hit!.distance).toBeCloseTo(bruteForce(lon, lat, ANY_EDGE)!.distance, 3);
    }
  });

  it('finds nothing beyond the radius asked for, and nothing for a point that is not a number', () => {
    const bank = { lon: -0.0886, lat: 51.5134 };
    expect(index.nearest(bank.lon, bank.lat, ANY_EDGE, 50)).not.toBeNull();
    expect(index.nearest(-0.6, 51.2, ANY_EDGE, 1_000)).toBeNull();
    expect(index.nearest(-180, -90, ANY_EDGE, 1_000)).toBeNull();
    const near = index.nearest(-0.0886, 51.527, ANY_EDGE)!;
    expect(index.nearest(-0.0886, 51.527, ANY_EDGE, near.distance + 1)).toEqual(near);
    expect(index.nearest(-0.0886, 51.527, ANY_EDGE, near.distance - 1)).toBeNull();
    for (const [lon, lat] of [
      [NaN, 51.5],
      [-0.09, NaN],
      [Infinity, 51.5],
      [-0.09, -Infinity],
    ] as const) {
      expect(index.nearest(lon, lat)).toBeNull();
    }
  });

  it('finds nothing when no edge passes the filter, after looking at each cell once', () => {
    const none: EdgeFilter = () => false;
    for (const [lon, lat] of EXTREMES.slice(0, 4)) {
      expect(timed(() => index.nearest(lon, lat, none))).toBeLessThan(50);
      expect(index.nearest(lon, lat, none)).toBeNull();
    }
  });
});
