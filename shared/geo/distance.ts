import CheapRuler from 'cheap-ruler';
import type { LonLat } from '../protocol/primitives';

type Point = Pick<LonLat, 'lon' | 'lat'>;

/**
 * One ruler at the City's latitude. The City spans about 2 km, so a flat-earth ruler fixed
 * here is accurate to well under a metre, and far cheaper than haversine in the loops that
 * rank cameras, duplicates and search results.
 */
export const cityRuler = new CheapRuler(51.515, 'meters');

/** Distance in metres between two points in or near the City. */
export function distanceMetres(a: Point, b: Point): number {
  return cityRuler.distance([a.lon, a.lat], [b.lon, b.lat]);
}
