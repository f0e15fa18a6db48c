// A unit test runs in Node and reads the bundled data files from disk, as the build does.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import {
  FeatureCollectionSchema,
  buildPlaceIndex,
  MAX_QUERY_CHARS,
  normalise,
  searchPlaces,
  type FeatureCollection,
} from './placeIndex';

const geo = (file: string) =>
  FeatureCollectionSchema.parse(JSON.parse(readFileSync(path.join(__dirname, '../../data/geo', file), 'utf8')));

const streets = geo('city_streets.geojson');
const pois = geo('pois_osm.geojson');
const stations = geo('rail_stations.geojson');
const index = buildPlaceIndex({ streets, pois, wards: geo('city_of_london_wards.geojson'), stations });

describe('the offline gazetteer of the City', () => {
  it('normalises punctuation away', () => {
    expect(normalise("St. Paul's  Cathedral")).toBe('st pauls cathedral');
  });

  it("finds St Paul's, the cathedral and the station", () => {
    const names = searchPlaces(index, "St Paul's").map((p) => `${p.kind}:${p.name}`);
    expect(names).toEqual(expect.arrayContaining(["landmark:St Paul's Cathedral", "station:St. Paul's"]));
  });

  it('finds Bank, the station first and the Bank of England', () => {
    const found = searchPlaces(index, 'Bank');
    expect(found[0]).toMatchObject({ name: 'Bank', kind: 'station' });
    expect(found.map((p) => p.name)).toContain('Bank of England');
  });

  it('finds streets and wards', () => {
    expect(searchPlaces(index, 'farringdon within').map((p) => p.kind)).toContain('ward');
    expect(searchPlaces(index, 'victoria emb')[0]).toMatchObject({ kind: 'street', name: 'Victoria Embankment' });
  });

  it('gives points and bounds inside the view', () => {
    for (const place of index) {
      expect(place.center[0]).toBeGreaterThan(-0.13);
      expect(place.center[0]).toBeLessThan(-0.06);
    }
  });

  it('finds nothing for nothing', () => {
    expect(searchPlaces(index, '  ')).toEqual([]);
    expect(searchPlaces(index, 'zzzz')).toEqual([]);
  });

  it('reads only the start of a huge query, so a pasted page costs what a name does', () => {
    const page = 'st '.repeat(100_000);
    const t0 = performance.now();
    const found = searchPlaces(index, page);
    // Generous for a loaded machine: every word tried against every place took seconds.
    expect(performance.now() - t0).toBeLessThan(50);
    expect(found).toEqual(searchPlaces(index, page.slice(0, MAX_QUERY_CHARS)));
  });

  it("serves the console's call taking from its own files: no wards, a category to show", () => {
    const callTaking = buildPlaceIndex({ streets, pois, stations });
    expect(callTaking.some((p) => p.kind === 'ward')).toBe(false);
    expect(searchPlaces(callTaking, 'Bank of', 6)[0]).toMatchObject({ name: 'Bank of England', category: 'landmarks' });
    expect(searchPlaces(callTaking, 'Bank', 6).find((p) => p.kind === 'station')).toMatchObject({
      category: 'station',
    });
  });
});

describe('a place index over a small grid', () => {
  const line = (name: string, coordinates: number[][]) => ({
    type: 'Feature' as const,
    properties: { name },
    geometry: { type: 'LineString', coordinates },
  });
  const point = (name: string, category: string, coordinates: number[]) => ({
    type: 'Feature' as const,
    properties: { name, category },
    geometry: { type: 'Point', coordinates },
  });
  const file = (features: FeatureCollection['features']): FeatureCollection => ({
    type: 'FeatureCollection',
    features,
  });
  const grid = buildPlaceIndex({
    streets: file([
      line('Main Street', [
        [-0.1, 51.51],
        [-0.095, 51.51],
        [-0.09, 51.51],
      ]),
      line('One Way', [
        [-0.09, 51.51],
        [-0.09, 51.515],
      ]),
      // A short spur of Main Street: merged into one place, its bounds grown.
      line('Main Street', [
        [-0.1, 51.51],
        [-0.1, 51.509],
      ]),
    ]),
    pois: file([
      point('Bank of England', 'landmarks', [-0.0886, 51.5142]),
      point('Mainline Pub', 'pubs', [-0.095, 51.51]),
      point('Main Street', 'bus_stop', [-0.096, 51.51]),
    ]),
  });

  it('finds streets and places by word prefix, the whole name first', () => {
    expect(searchPlaces(grid, 'main').map((p) => p.name)).toEqual(['Main Street', 'Mainline Pub']);
    expect(searchPlaces(grid, 'england').map((p) => p.name)).toEqual(['Bank of England']);
    expect(searchPlaces(grid, '')).toEqual([]);
  });

  it("puts a street's point on its longest line, and spans all of it", () => {
    const main = searchPlaces(grid, 'main street')[0];
    expect(main).toMatchObject({ kind: 'street', category: 'street', center: [-0.095, 51.51] });
    expect(main?.bounds).toEqual([-0.1, 51.509, -0.09, 51.51]);
    expect(searchPlaces(grid, 'one way')[0]).toMatchObject({ kind: 'street', center: [-0.09, 51.515] });
  });

  it('keeps a named point where it is, with its category', () => {
    expect(searchPlaces(grid, 'mainline')[0]).toMatchObject({
      kind: 'place',
      category: 'pubs',
      center: [-0.095, 51.51],
    });
    expect(searchPlaces(grid, 'bank')[0]).toMatchObject({ kind: 'landmark', category: 'landmarks' });
  });

  it('leaves out bus stops, whose names repeat the streets', () => {
    expect(grid.filter((p) => p.name === 'Main Street').map((p) => p.kind)).toEqual(['street']);
  });
});
