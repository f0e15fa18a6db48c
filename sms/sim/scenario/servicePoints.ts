import type { Camera, ServicePoint } from '../../../shared/protocol';
import type { Place } from '../geo/places';
import { round6, type Gazetteer } from '../world/gazetteer';
import { placeName } from './cameras';

/** About how many Digital Service Points the City has. */
export const SERVICE_POINT_COUNT = 8;

/** Where the City would put its first police boxes: the busiest stations, then a landmark. */
const PREFERRED = ['Liverpool Street', 'Bank', "St. Paul's", 'Moorgate', 'Aldgate', 'Cannon Street', 'Blackfriars'];
const PREFERRED_LANDMARKS = ['Leadenhall Market', 'Guildhall'];
/** A box stands on the pavement a little way along the street from the station entrance. */
const OFFSET_M = 15;

/**
 * Digital Service Points at stations and landmarks inside the City, each with the nearest
 * camera watching it. Like cameras they are fixed infrastructure, the same for every seed.
 */
export function createServicePoints(
  gazetteer: Gazetteer,
  cameras: readonly Camera[],
  count = SERVICE_POINT_COUNT,
): ServicePoint[] {
  const inCity = (p: Place) => gazetteer.wards.wardAt(p.lon, p.lat) !== undefined;
  const stations = gazetteer.stations.filter(inCity);
  const landmarks = gazetteer.pois.filter((p) => inCity(p) && (p.category === 'landmarks' || p.category === 'markets'));
  const byName = (list: readonly Place[], names: readonly string[]) =>
    names.flatMap((n) => list.filter((p) => p.name === n).slice(0, 1));
  const ordered = [
    ...byName(stations, PREFERRED),
    ...byName(landmarks, PREFERRED_LANDMARKS),
    ...stations,
    ...landmarks,
  ].filter((p, i, all) => all.findIndex((q) => q.name === p.name) === i);

  const { net } = gazetteer.streets;
  return ordered.slice(0, count).map((place, i) => {
    const hit = gazetteer.streets.snap(place.lon, place.lat);
    const e = net.edge(hit.edge);
    const t = Math.min(1, hit.t + OFFSET_M / e.length);
    const [lon, lat] = net.pointAt({ edge: hit.edge, t });
    const nearest = cameras.reduce<{ id: string | null; d: number }>(
      (best, c) => {
        const d = net.ruler.distance([lon, lat], [c.position.lon, c.position.lat]);
        return d < best.d ? { id: c.id, d } : best;
      },
      { id: null, d: Infinity },
    );
    return {
      id: `dsp-${String(i + 1).padStart(2, '0')}`,
      name: `DSP ${placeName(place.name)}`,
      location: gazetteer.locate(round6(lon), round6(lat)),
      status: 'idle',
      cameraId: nearest.id,
    };
  });
}
