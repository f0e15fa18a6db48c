import type { NetPoint, StreetEdge, StreetNetwork } from './network';

/** Which edges a search may return: any, or only those a vehicle may drive. */
export type EdgeFilter = (edge: StreetEdge, index: number) => boolean;

/** Every edge qualifies. */
export const ANY_EDGE: EdgeFilter = () => true;
/** Edges open to vehicles (not pedestrian-only). */
export const VEHICLE_EDGE: EdgeFilter = (e) => !e.pedestrian;

/** The nearest point on the network to a query point. */
export interface Snapped extends NetPoint {
  lon: number;
  lat: number;
  /** Metres from the query point. */
  distance: number;
}

const CELL_METRES = 100;

/**
 * A uniform grid over the network's edges, so that snapping a point looks at a few nearby
 * segments rather than all of them (a deployment's OpenStreetMap extract has many thousands).
 */
export class EdgeIndex {
  private readonly cells = new Map<number, number[]>();
  private readonly minLon: number;
  private readonly minLat: number;
  private readonly cellLon: number;
  private readonly cellLat: number;
  private readonly nx: number;
  private readonly ny: number;

  constructor(private readonly net: StreetNetwork) {
    const { nodeLon, nodeLat, ruler } = net;
    let minLon = Infinity;
    let minLat = Infinity;
    let maxLon = -Infinity;
    let maxLat = -Infinity;
    for (let i = 0; i < nodeLon.length; i++) {
      minLon = Math.min(minLon, nodeLon[i]!);
      maxLon = Math.max(maxLon, nodeLon[i]!);
      minLat = Math.min(minLat, nodeLat[i]!);
      maxLat = Math.max(maxLat, nodeLat[i]!);
    }
    this.minLon = minLon;
    this.minLat = minLat;
    this.cellLon = CELL_METRES / ruler.kx;
    this.cellLat = CELL_METRES / ruler.ky;
    this.nx = Math.floor((maxLon - minLon) / this.cellLon) + 1;
    this.ny = Math.floor((maxLat - minLat) / this.cellLat) + 1;
    net.edges.forEach((e, i) => {
      const [x0, x1] = order(this.cellX(nodeLon[e.a]!), this.cellX(nodeLon[e.b]!));
      const [y0, y1] = order(this.cellY(nodeLat[e.a]!), this.cellY(nodeLat[e.b]!));
      for (let x = x0; x <= x1; x++)
        for (let y = y0; y <= y1; y++) {
          const key = x * this.ny + y;
          const list = this.cells.get(key);
          if (list) list.push(i);
          else this.cells.set(key, [i]);
        }
    });
  }

  /** Nearest point on an edge passing `filter`, or `null` when no edge passes. */
  nearest(lon: number, lat: number, filter: EdgeFilter = ANY_EDGE): Snapped | null {
    const cx = Math.floor((lon - this.minLon) / this.cellLon);
    const cy = Math.floor((lat - this.minLat) / this.cellLat);
    const maxRing = Math.max(cx, this.nx - 1 - cx, cy, this.ny - 1 - cy, 0);
    let best: Snapped | null = null;
    for (let ring = 0; ring <= maxRing; ring++) {
      // Only the cells on the ring's border: the inner ones were visited by smaller rings.
      for (let x = cx - ring; x <= cx + ring; x++) {
        best = this.scanCell(x, cy - ring, lon, lat, filter, best);
        if (ring > 0) best = this.scanCell(x, cy + ring, lon, lat, filter, best);
      }
      for (let y = cy - ring + 1; y <= cy + ring - 1; y++) {
        best = this.scanCell(cx - ring, y, lon, lat, filter, best);
        best = this.scanCell(cx + ring, y, lon, lat, filter, best);
      }
      // Cells beyond this ring are at least `ring` cells away from the query point.
      if (best && best.distance <= ring * CELL_METRES) break;
    }
    return best;
  }

  private scanCell(x: number, y: number, lon: number, lat: number, filter: EdgeFilter, best: Snapped | null) {
    if (x < 0 || y < 0 || x >= this.nx || y >= this.ny) return best;
    for (const i of this.cells.get(x * this.ny + y) ?? []) {
      if (!filter(this.net.edges[i]!, i)) continue;
      const hit = this.project(lon, lat, i);
      if (!best || hit.distance < best.distance || (hit.distance === best.distance && i < best.edge)) best = hit;
    }
    return best;
  }

  /** The closest point of one edge to a query point. */
  project(lon: number, lat: number, edge: number): Snapped {
    const { nodeLon, nodeLat, ruler } = this.net;
    const e = this.net.edges[edge]!;
    const ax = nodeLon[e.a]!;
    const ay = nodeLat[e.a]!;
    const dx = (nodeLon[e.b]! - ax) * ruler.kx;
    const dy = (nodeLat[e.b]! - ay) * ruler.ky;
    const px = (lon - ax) * ruler.kx;
    const py = (lat - ay) * ruler.ky;
    const len2 = dx * dx + dy * dy;
    const t = len2 === 0 ? 0 : Math.min(1, Math.max(0, (px * dx + py * dy) / len2));
    const ex = px - t * dx;
    const ey = py - t * dy;
    return {
      edge,
      t,
      lon: ax + (nodeLon[e.b]! - ax) * t,
      lat: ay + (nodeLat[e.b]! - ay) * t,
      distance: Math.sqrt(ex * ex + ey * ey),
    };
  }

  private cellX(lon: number): number {
    return Math.floor((lon - this.minLon) / this.cellLon);
  }

  private cellY(lat: number): number {
    return Math.floor((lat - this.minLat) / this.cellLat);
  }
}

function order(a: number, b: number): [number, number] {
  return a <= b ? [a, b] : [b, a];
}
