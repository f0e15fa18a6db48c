import path from 'node:path';
import { geoFile, readJsonFile } from '../geo/files';
import type { Random } from '../random';
import { StreetNetwork, type NetPoint } from '../../../shared/geo/network';
import { Router, type Route, type TravelMode } from '../../../shared/geo/routing';
import { parseStreetsFile, type StreetsFile } from '../../../shared/geo/schema';
import { ANY_EDGE, EdgeIndex, VEHICLE_EDGE, type Snapped } from '../../../shared/geo/snap';

const cache = new Map<string, Streets>();

/**
 * The street network with everything the simulator asks of it: snapping, reverse geocoding,
 * routing and random places. Built from any GeoJSON of the `city_streets.geojson` shape.
 */
export class Streets {
  readonly net: StreetNetwork;
  private readonly index: EdgeIndex;
  private readonly router: Router;
  private readonly cumAny: Float64Array;
  private readonly cumVehicle: Float64Array;

  constructor(file: StreetsFile) {
    this.net = new StreetNetwork(file);
    this.index = new EdgeIndex(this.net);
    this.router = new Router(this.net);
    this.cumAny = cumulativeLengths(this.net.edges.map((e) => e.length));
    this.cumVehicle = cumulativeLengths(this.net.edges.map((e) => (e.pedestrian ? 0 : e.length)));
  }

  /** Loads and validates a street file (default: the City's schematic network); parsed once per path. */
  static load(file: string = geoFile('streets')): Streets {
    const key = path.resolve(file);
    let streets = cache.get(key);
    if (!streets) {
      streets = new Streets(parseStreetsFile(readJsonFile(key), key));
      cache.set(key, streets);
    }
    return streets;
  }

  /** Nearest network point; for `vehicle`, the nearest one a vehicle may reach. */
  snap(lon: number, lat: number, mode: TravelMode = 'foot'): Snapped {
    const hit = this.index.nearest(lon, lat, mode === 'vehicle' ? VEHICLE_EDGE : ANY_EDGE);
    if (!hit) throw new Error('the street network has no edge open to vehicles');
    return hit;
  }

  /** The closest point of one edge to a query point. */
  project(lon: number, lat: number, edge: number): Snapped {
    return this.index.project(lon, lat, edge);
  }

  /** Name of the street nearest to a point. */
  streetNameAt(lon: number, lat: number): string {
    return this.net.edge(this.snap(lon, lat).edge).name;
  }

  /** Shortest route between two network points, or `null` when unreachable in this mode. */
  route(from: NetPoint, to: NetPoint, mode: TravelMode): Route | null {
    return this.router.route(from, to, mode);
  }

  /** A uniformly random point along the network (by length); vehicles get drivable streets only. */
  randomPoint(rng: Random, mode: TravelMode = 'foot'): NetPoint {
    const cum = mode === 'vehicle' ? this.cumVehicle : this.cumAny;
    const target = rng.float() * cum[cum.length - 1]!;
    let lo = 0;
    let hi = cum.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cum[mid]! > target) hi = mid;
      else lo = mid + 1;
    }
    return { edge: lo, t: rng.float() };
  }

  /** Coordinates of a network point. */
  pointAt(p: NetPoint): [number, number] {
    return this.net.pointAt(p);
  }
}

function cumulativeLengths(lengths: readonly number[]): Float64Array {
  const cum = new Float64Array(lengths.length);
  let total = 0;
  lengths.forEach((l, i) => {
    total += l;
    cum[i] = total;
  });
  return cum;
}
