import { WardLookup, insideRing } from './wards';
import { geoFile } from './files';

const square: [number, number][] = [
  [0, 0],
  [10, 0],
  [10, 10],
  [0, 10],
  [0, 0],
];

describe('insideRing', () => {
  it('finds a point inside a square', () => {
    expect(insideRing(5, 5, square)).toBe(true);
  });

  it('rejects a point outside a square', () => {
    expect(insideRing(15, 5, square)).toBe(false);
  });
});

describe('WardLookup', () => {
  const holed = new WardLookup({
    type: 'FeatureCollection',
    features: [
      {
        type: 'Feature',
        properties: { ward_name: 'Ring' },
        geometry: {
          type: 'Polygon',
          coordinates: [
            square,
            <[number, number][]>[
              [4, 4],
              [6, 4],
              [6, 6],
              [4, 6],
              [4, 4],
            ],
          ],
        },
      },
    ],
  });

  it('finds a point between the outer ring and the hole', () => {
    expect(holed.wardAt(2, 2)).toBe('Ring');
  });

  it('excludes the hole of a polygon', () => {
    expect(holed.wardAt(5, 5)).toBeUndefined();
  });

  const city = WardLookup.load(geoFile('wards'));

  it('loads the 25 City wards', () => {
    expect(city.names).toHaveLength(25);
  });

  it('puts the Guildhall in Cheap', () => {
    expect(city.wardAt(-0.0919, 51.5157)).toBe('Cheap');
  });

  it('puts Liverpool Street station in Bishopsgate', () => {
    expect(city.wardAt(-0.0814, 51.5178)).toBe('Bishopsgate');
  });

  it('finds no ward in the middle of the Thames', () => {
    expect(city.wardAt(-0.0905, 51.5065)).toBeUndefined();
  });
});
