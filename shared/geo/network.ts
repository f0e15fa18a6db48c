import CheapRuler from 'cheap-ruler';
import createGraph, { type Graph } from 'ngraph.graph';
import { PEDESTRIAN_CLASSES, type StreetsFile } from './schema';

const MPH = 0.44704;
const DEFAULT_SPEED_MPH = 20;

/** A street segment between two network nodes; travel runs from `a` to `b` (and back unless one-way). */
export interface StreetEdge {
  a: number;
  b: number;
  /** Metres. */
  length: number;
  name: string;
  roadClass: string;
  oneway: boolean;
  /** Closed to vehicles; foot units may use it. */
  pedestrian: boolean;
  bridge: boolean;
  /** Speed limit in metres per second. */
  maxSpeed: number;
}

/** A point on the network: fraction `t` of the way from the edge's `a` to its `b`. */
export interface NetPoint {
  edge: number;
  t: number;
}

/** Node payload in the routing graph; temporary route endpoints use the same shape. */
export interface NodeData {
  lon: number;
  lat: number;
}

/** Link payload in the routing graph. */
export interface LinkData {
  edge: number;
  length: number;
  pedestrian: boolean;
}

/**
 * The street network as a routing graph: nodes are line vertices (streets that meet share a
 * vertex), edges are the segments between them. Links follow the digitised direction and, for
 * two-way streets, the reverse too, so an oriented search respects one-way streets.
 */
export class StreetNetwork {
  readonly nodeLon: Float64Array;
  readonly nodeLat: Float64Array;
  readonly edges: readonly StreetEdge[];
  /** Edge indices touching each node. */
  readonly nodeEdges: readonly (readonly number[])[];
  readonly graph: Graph<NodeData, LinkData>;
  /** Distances in metres around the network's latitude. */
  readonly ruler: CheapRuler;
  /** Total centre-line length in metres. */
  readonly totalLength: number;

  constructor(file: StreetsFile) {
    const lons: number[] = [];
    const lats: number[] = [];
    const ids = new Map<string, number>();
    const nodeOf = (lon: number, lat: number): number => {
      const key = `${lon},${lat}`;
      let id = ids.get(key);
      if (id === undefined) {
        id = lons.length;
        ids.set(key, id);
        lons.push(lon);
        lats.push(lat);
      }
      return id;
    };

    const lines: { coords: (readonly number[])[]; props: StreetsFile['features'][number]['properties'] }[] = [];
    let latSum = 0;
    let latCount = 0;
    for (const feature of file.features) {
      const parts =
        feature.geometry.type === 'LineString' ? [feature.geometry.coordinates] : feature.geometry.coordinates;
      for (const coords of parts) {
        lines.push({ coords, props: feature.properties });
        for (const c of coords) {
          latSum += c[1];
          latCount++;
        }
      }
    }
    this.ruler = new CheapRuler(latSum / latCount, 'meters');

    const edges: StreetEdge[] = [];
    for (const { coords, props } of lines) {
      const roadClass = props.class ?? 'unclassified';
      const template = {
        name: props.name?.trim() || 'unnamed road',
        roadClass,
        oneway: props.oneway ?? false,
        pedestrian: PEDESTRIAN_CLASSES.has(roadClass),
        bridge: props.bridge ?? false,
        maxSpeed: (props.maxspeed_mph ?? DEFAULT_SPEED_MPH) * MPH,
      };
      for (let i = 1; i < coords.length; i++) {
        const p = coords[i - 1] as [number, number];
        const q = coords[i] as [number, number];
        const length = this.ruler.distance(p, q);
        if (length === 0) continue;
        edges.push({ ...template, a: nodeOf(p[0], p[1]), b: nodeOf(q[0], q[1]), length });
      }
    }

    this.nodeLon = Float64Array.from(lons);
    this.nodeLat = Float64Array.from(lats);
    this.edges = edges;
    const nodeEdges: number[][] = lons.map(() => []);
    edges.forEach((e, i) => {
      nodeEdges[e.a]!.push(i);
      nodeEdges[e.b]!.push(i);
    });
    this.nodeEdges = nodeEdges;
    this.totalLength = edges.reduce((sum, e) => sum + e.length, 0);

    const graph = createGraph<NodeData, LinkData>();
    for (let i = 0; i < lons.length; i++) graph.addNode(i, { lon: lons[i]!, lat: lats[i]! });
    edges.forEach((e, edge) => {
      const data = { edge, length: e.length, pedestrian: e.pedestrian };
      graph.addLink(e.a, e.b, data);
      if (!e.oneway) graph.addLink(e.b, e.a, data);
    });
    this.graph = graph;
  }

  /** Coordinates of a point on the network. */
  pointAt(p: NetPoint): [number, number] {
    const e = this.edge(p.edge);
    return [
      this.nodeLon[e.a]! + (this.nodeLon[e.b]! - this.nodeLon[e.a]!) * p.t,
      this.nodeLat[e.a]! + (this.nodeLat[e.b]! - this.nodeLat[e.a]!) * p.t,
    ];
  }

  /** An edge by index; throws on a bad index (a programming error). */
  edge(i: number): StreetEdge {
    const e = this.edges[i];
    if (!e) throw new RangeError(`no street edge ${i}`);
    return e;
  }

  /** Compass bearing of an edge from `a` to `b`, in [0, 360). */
  edgeBearing(i: number): number {
    const e = this.edge(i);
    return normaliseBearing(
      this.ruler.bearing([this.nodeLon[e.a]!, this.nodeLat[e.a]!], [this.nodeLon[e.b]!, this.nodeLat[e.b]!]),
    );
  }

  /** Distinct street names meeting at a node, in edge order. */
  namesAt(node: number): string[] {
    const names: string[] = [];
    for (const i of this.nodeEdges[node] ?? []) {
      const name = this.edge(i).name;
      if (!names.includes(name)) names.push(name);
    }
    return names;
  }

  /** Number of distinct neighbouring nodes: 3 or more is a junction, 1 a dead end. */
  degree(node: number): number {
    const neighbours = new Set<number>();
    for (const i of this.nodeEdges[node] ?? []) {
      const e = this.edge(i);
      neighbours.add(e.a === node ? e.b : e.a);
    }
    return neighbours.size;
  }
}

/** Maps any angle in degrees to a compass bearing in [0, 360). */
export function normaliseBearing(deg: number): number {
  const b = deg % 360;
  const r = b < 0 ? b + 360 : b;
  return r >= 360 ? 0 : r;
}
