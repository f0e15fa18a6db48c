import type { StreetsFile } from './schema';
import { TravelTimes } from './travel';

// A small grid: Main Street west-east (two-way), One Way north-south (one-way northwards), and
// Walkway (pedestrian) joining them diagonally.
const FILE: StreetsFile = {
  type: 'FeatureCollection',
  features: [
    {
      type: 'Feature',
      properties: { name: 'Main Street', class: 'primary' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [-0.1, 51.51],
          [-0.095, 51.51],
          [-0.09, 51.51],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { name: 'One Way', class: 'secondary', oneway: true },
      geometry: {
        type: 'LineString',
        coordinates: [
          [-0.09, 51.51],
          [-0.09, 51.515],
        ],
      },
    },
    {
      type: 'Feature',
      properties: { name: 'Walkway', class: 'pedestrian' },
      geometry: {
        type: 'LineString',
        coordinates: [
          [-0.1, 51.51],
          [-0.09, 51.515],
        ],
      },
    },
  ],
};

describe('travel times over the street network', () => {
  const travel = new TravelTimes(FILE);

  it('is faster by vehicle than on foot along a road', () => {
    const car = travel.seconds({ lon: -0.1, lat: 51.51 }, { lon: -0.09, lat: 51.51 }, 'vehicle')!;
    const foot = travel.seconds({ lon: -0.1, lat: 51.51 }, { lon: -0.09, lat: 51.51 }, 'foot')!;
    expect(car).toBeGreaterThan(0);
    expect(foot).toBeGreaterThan(car);
  });

  it('keeps vehicles off pedestrian streets and to one-way rules, so the road route is longer than walking', () => {
    const from = { lon: -0.1, lat: 51.51 };
    const to = { lon: -0.09, lat: 51.515 };
    const car = travel.seconds(from, to, 'vehicle')!;
    // By car: along Main Street then up One Way (about 700 m + 556 m), not across Walkway.
    expect(car).toBeGreaterThan(1_200 / 9);
    // Against One Way a vehicle has no route back down; on foot it does.
    expect(travel.seconds(to, { lon: -0.095, lat: 51.51 }, 'vehicle')).toBeNull();
    expect(travel.seconds(to, { lon: -0.095, lat: 51.51 }, 'foot')).not.toBeNull();
  });

  it('has no travel time to or from a point far off the network, and finds that out at once', () => {
    const main = { lon: -0.095, lat: 51.51 };
    for (const far of [
      { lon: -180, lat: -90 },
      { lon: 180, lat: 90 },
      { lon: -0.6, lat: 51.2 },
      { lon: NaN, lat: 51.51 },
    ]) {
      const t0 = performance.now();
      expect(travel.seconds(main, far, 'vehicle')).toBeNull();
      expect(travel.seconds(far, main, 'foot')).toBeNull();
      // Generous for a loaded machine: a search that walks the world takes minutes.
      expect(performance.now() - t0).toBeLessThan(50);
    }
    // 1 km north of the network's top is still a journey: a straight leg, then the streets.
    expect(travel.seconds(main, { lon: -0.09, lat: 51.524 }, 'foot')).toBeGreaterThan(1_000 / 1.6);
  });
});
