import { aStar, type PathFinder } from 'ngraph.path';
import type { LinkData, NetPoint, NodeData, StreetNetwork } from './network';

/** How a unit travels: vehicles (and cycles) keep to one-way rules and off pedestrian streets; foot units go anywhere. */
export type TravelMode = 'vehicle' | 'foot';

/** A path along the network, as flat arrays so that moving along it allocates nothing. */
export interface Route {
  /** Interleaved lon, lat of each vertex. */
  coords: Float64Array;
  /** Metres from the start to each vertex. */
  cum: Float64Array;
  /** Speed limit of each segment, m/s. */
  maxSpeed: Float64Array;
  /** Compass bearing of each segment, degrees in [0, 360). */
  heading: Float64Array;
  /** Network edge each segment lies on. */
  edges: Int32Array;
  /** Metres. */
  length: number;
  /** Where the route ends, for the next route to start from. */
  end: NetPoint;
}

const START = -1;
const END = -2;

/**
 * Shortest paths between points anywhere on the network (not only at nodes): A* over the
 * ngraph graph with the straight-line distance as heuristic. The two endpoints are spliced
 * into the graph as temporary nodes for the search, with the same direction rules as the edge
 * they lie on. A search settles each node at most once, so its work is bounded by the network's
 * size whatever the endpoints: they are network points, never raw coordinates.
 */
export class Router {
  private readonly finders: Record<TravelMode, PathFinder<NodeData>>;

  constructor(private readonly net: StreetNetwork) {
    const { kx, ky } = net.ruler;
    const options = {
      distance: (_a: unknown, _b: unknown, link: { data: LinkData }) => link.data.length,
      heuristic: (a: { data: NodeData }, b: { data: NodeData }) => {
        const dx = (a.data.lon - b.data.lon) * kx;
        const dy = (a.data.lat - b.data.lat) * ky;
        return Math.sqrt(dx * dx + dy * dy);
      },
    };
    this.finders = {
      vehicle: aStar<NodeData, LinkData>(net.graph, {
        ...options,
        oriented: true,
        blocked: (_a, _b, link) => link.data.pedestrian,
      }),
      // On foot one-way rules do not apply: the search ignores link direction.
      foot: aStar<NodeData, LinkData>(net.graph, { ...options, oriented: false }),
    };
  }

  /** The shortest route from one network point to another, or `null` when none exists for this mode. */
  route(from: NetPoint, to: NetPoint, mode: TravelMode): Route | null {
    const { graph } = this.net;
    this.splice(START, from, mode === 'vehicle');
    this.splice(END, to, false);
    if (from.edge === to.edge) {
      const e = this.net.edge(from.edge);
      const [lo, hi] = from.t <= to.t ? [START, END] : [END, START];
      const data = { edge: from.edge, length: Math.abs(to.t - from.t) * e.length, pedestrian: e.pedestrian };
      graph.addLink(lo, hi, data);
      if (!e.oneway) graph.addLink(hi, lo, data);
    }
    try {
      const ids = this.finders[mode]
        .find(START, END)
        .map((n) => n.id as number)
        .reverse();
      // ngraph.path queues a node before checking `blocked`, so an unreachable goal can come
      // back as a one-node path without the start: that means no route.
      return ids[0] === START ? this.build(ids, to) : null;
    } finally {
      graph.removeNode(START);
      graph.removeNode(END);
    }
  }

  /**
   * Adds a temporary node at a point and links it to its edge's ends. `leaving` marks the links
   * as drivable, so that a vehicle somehow left on a pedestrian street can still drive off it.
   */
  private splice(id: number, p: NetPoint, leaving: boolean): void {
    const { graph } = this.net;
    const e = this.net.edge(p.edge);
    const [lon, lat] = this.net.pointAt(p);
    graph.addNode(id, { lon, lat });
    const pedestrian = e.pedestrian && !leaving;
    const toA = { edge: p.edge, length: p.t * e.length, pedestrian };
    const toB = { edge: p.edge, length: (1 - p.t) * e.length, pedestrian };
    graph.addLink(e.a, id, toA);
    graph.addLink(id, e.b, toB);
    if (!e.oneway) {
      graph.addLink(id, e.a, toA);
      graph.addLink(e.b, id, toB);
    }
  }

  private build(ids: number[], end: NetPoint): Route {
    const { graph } = this.net;
    const lon: number[] = [];
    const lat: number[] = [];
    const cum: number[] = [];
    const maxSpeed: number[] = [];
    const edges: number[] = [];
    let total = 0;
    for (let i = 0; i < ids.length; i++) {
      const node = graph.getNode(ids[i]!)!;
      if (i > 0) {
        const u = ids[i - 1]!;
        const v = ids[i]!;
        // On foot a one-way street may be walked against its only (forward) link.
        const link = graph.getLink(u, v) ?? graph.getLink(v, u);
        if (!link) throw new Error(`route uses a missing link ${u}-${v}`);
        if (link.data.length === 0) continue;
        total += link.data.length;
        edges.push(link.data.edge);
        maxSpeed.push(this.net.edge(link.data.edge).maxSpeed);
      }
      lon.push(node.data.lon);
      lat.push(node.data.lat);
      cum.push(total);
    }
    const coords = new Float64Array(lon.length * 2);
    for (let i = 0; i < lon.length; i++) {
      coords[2 * i] = lon[i]!;
      coords[2 * i + 1] = lat[i]!;
    }
    const { kx, ky } = this.net.ruler;
    const heading = new Float64Array(Math.max(0, lon.length - 1));
    for (let i = 0; i < heading.length; i++) {
      const deg = (Math.atan2((lon[i + 1]! - lon[i]!) * kx, (lat[i + 1]! - lat[i]!) * ky) * 180) / Math.PI;
      heading[i] = deg < 0 ? deg + 360 : deg;
    }
    return {
      coords,
      cum: Float64Array.from(cum),
      maxSpeed: Float64Array.from(maxSpeed),
      heading,
      edges: Int32Array.from(edges),
      length: total,
      end: { ...end },
    };
  }
}
