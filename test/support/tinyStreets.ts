import type { StreetsFile } from '../../shared/geo/schema';

// Test fixture for the street-graph tests: a small grid of streets near Bank, 0.001° ≈ 69 m east, 111 m north.
//
//   D ---- Pedestrian Way (pedestrian) ---- E
//   |                                       |
//   West Lane                           East Lane
//   |                                       |
//   A ---- High Street (one-way A→C) ------ C
//   |                                       |
//   South Lane --- F ---- Low Road -------- G (East Lane continues south)
const o = { lon: -0.09, lat: 51.51 };
const p = (x: number, y: number): [number, number] => [o.lon + x * 0.001, o.lat + y * 0.001];

const street = (name: string, coords: [number, number][], props: Record<string, unknown> = {}) => ({
  type: 'Feature' as const,
  properties: { name, class: 'residential', oneway: false, maxspeed_mph: 20, bridge: false, ...props },
  geometry: { type: 'LineString' as const, coordinates: coords },
});

/** A tiny noded network with one one-way street and one pedestrian street. */
export const TINY_STREETS: StreetsFile = {
  type: 'FeatureCollection',
  features: [
    street('High Street', [p(0, 0), p(1, 0), p(2, 0)], { oneway: true, class: 'primary' }),
    street('West Lane', [p(0, 0), p(0, 1)]),
    street('East Lane', [p(2, 0), p(2, 1)]),
    street('Pedestrian Way', [p(0, 1), p(2, 1)], { class: 'pedestrian' }),
    street('South Lane', [p(0, 0), p(0, -1)]),
    street('Low Road', [p(0, -1), p(2, -1)]),
    street('East Lane', [p(2, -1), p(2, 0)]),
  ],
};

/** Coordinates of grid position (x, y) of the tiny network. */
export const tinyPoint = p;
