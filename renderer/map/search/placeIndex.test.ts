// A unit test runs in Node and reads the bundled data files from disk, as the build does.
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from 'node:fs';
// eslint-disable-next-line no-restricted-imports
import path from 'node:path';
import { FeatureCollectionSchema, buildPlaceIndex, normalise, searchPlaces } from './placeIndex';

const geo = (file: string) =>
  FeatureCollectionSchema.parse(JSON.parse(readFileSync(path.join(__dirname, '../../../data/geo', file), 'utf8')));

const index = buildPlaceIndex({
  streets: geo('city_streets.geojson'),
  pois: geo('pois_osm.geojson'),
  wards: geo('city_of_london_wards.geojson'),
  stations: geo('rail_stations.geojson'),
});

describe('the offline gazetteer', () => {
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
});
