import { StreetNetwork } from './network';
import { Router, type TravelMode } from './routing';
import type { StreetsFile } from './schema';
import { ANY_EDGE, EdgeIndex, VEHICLE_EDGE } from './snap';

/** Walking pace of an officer on foot, m/s (a brisk walk; running is not planned for). */
const FOOT_SPEED = 1.6;
/** Share of the limit a response vehicle averages in City traffic. */
const VEHICLE_FACTOR = 0.8;
/**
 * Furthest a point may be from the street network for a travel time: beyond it the straight leg
 * to the nearest modelled street says nothing about the journey (and the search stays small).
 */
export const MAX_LEG_METRES = 2_000;

/**
 * Travel time between two points over the street network: both are snapped to the nearest
 * street (a vehicle to one it may drive), then routed by A* (ngraph) respecting one-way streets
 * and pedestrian zones; the time adds each segment's length over the mode's speed on it, plus
 * the straight legs from each point to its street. A point further than `MAX_LEG_METRES` from
 * the network has no travel time.
 */
export class TravelTimes {
  readonly net: StreetNetwork;
  private readonly index: EdgeIndex;
  private readonly router: Router;

  constructor(file: StreetsFile) {
    this.net = new StreetNetwork(file);
    this.index = new EdgeIndex(this.net);
    this.router = new Router(this.net);
  }

  /** Seconds from one point to another in this mode, or `null` when no route exists or a point is off the network. */
  seconds(from: { lon: number; lat: number }, to: { lon: number; lat: number }, mode: TravelMode): number | null {
    const filter = mode === 'vehicle' ? VEHICLE_EDGE : ANY_EDGE;
    const a = this.index.nearest(from.lon, from.lat, filter, MAX_LEG_METRES);
    const b = this.index.nearest(to.lon, to.lat, ANY_EDGE, MAX_LEG_METRES);
    if (!a || !b) return null;
    const route = this.router.route(a, b, mode);
    if (!route) return null;
    let seconds = (a.distance + b.distance) / FOOT_SPEED;
    for (let i = 0; i < route.edges.length; i++) {
      const length = route.cum[i + 1]! - route.cum[i]!;
      const speed = mode === 'foot' ? FOOT_SPEED : route.maxSpeed[i]! * VEHICLE_FACTOR;
      seconds += length / speed;
    }
    return seconds;
  }
}
