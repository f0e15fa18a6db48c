import type { Location } from '../../../shared/protocol';
import { geoFile } from '../geo/files';
import { loadPlaces, type Place } from '../geo/places';
import { WardLookup } from '../geo/wards';
import { Streets } from '../streets/streets';

/** Where the simulator's geodata comes from; each defaults to the project's `data/geo` file. */
export interface GeoSources {
  streetsPath?: string | undefined;
  wardsPath?: string | undefined;
  stationsPath?: string | undefined;
  poisPath?: string | undefined;
}

/** Points of interest further than this from any street are off the modelled network. */
const MAX_PLACE_OFFSET_M = 150;
/** A point this close to a junction is described as "A j/w B". */
const JUNCTION_RADIUS_M = 25;

const cache = new Map<string, Gazetteer>();

/**
 * Everything the simulator knows about places: the street network, wards, stations and points
 * of interest, and how to describe a point as an address with its ward.
 */
export class Gazetteer {
  /** Stations and points of interest close enough to the network to be reached. */
  readonly stations: readonly Place[];
  readonly pois: readonly Place[];

  constructor(
    readonly streets: Streets,
    readonly wards: WardLookup,
    stations: readonly Place[],
    pois: readonly Place[],
  ) {
    const near = (p: Place) => streets.snap(p.lon, p.lat).distance <= MAX_PLACE_OFFSET_M;
    this.stations = stations.filter(near);
    this.pois = pois.filter(near);
  }

  /** Loads the geodata (parsed once per set of paths). */
  static load(sources: GeoSources = {}): Gazetteer {
    const paths = [
      sources.streetsPath ?? geoFile('streets'),
      sources.wardsPath ?? geoFile('wards'),
      sources.stationsPath ?? geoFile('stations'),
      sources.poisPath ?? geoFile('pois'),
    ] as const;
    const key = paths.join('\n');
    let gazetteer = cache.get(key);
    if (!gazetteer) {
      gazetteer = new Gazetteer(
        Streets.load(paths[0]),
        WardLookup.load(paths[1]),
        loadPlaces(paths[2], 'station'),
        loadPlaces(paths[3], 'poi'),
      );
      cache.set(key, gazetteer);
    }
    return gazetteer;
  }

  /** A street address for a point: the nearest street, or "A j/w B" right at a junction. */
  address(lon: number, lat: number): string {
    const { net } = this.streets;
    const hit = this.streets.snap(lon, lat);
    const edge = net.edge(hit.edge);
    const node = hit.t < 0.5 ? edge.a : edge.b;
    const toNode = net.ruler.distance([lon, lat], [net.nodeLon[node]!, net.nodeLat[node]!]);
    if (toNode <= JUNCTION_RADIUS_M) {
      const other = net.namesAt(node).find((n) => n !== edge.name);
      if (other) return `${edge.name} j/w ${other}`;
    }
    return edge.name;
  }

  /** A protocol location for a point, with its address (prefixed by a place name if given) and ward. */
  locate(lon: number, lat: number, placeName?: string): Location {
    const street = this.address(lon, lat);
    const ward = this.wards.wardAt(lon, lat);
    return {
      lon: round6(lon),
      lat: round6(lat),
      address: placeName ? `${placeName}, ${street}` : street,
      ...(ward ? { ward } : {}),
    };
  }
}

/** Rounds a coordinate to 6 decimals (about 0.1 m), as the source data is. */
export function round6(x: number): number {
  return Math.round(x * 1e6) / 1e6;
}
