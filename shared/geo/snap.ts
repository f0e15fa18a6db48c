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

/** Side of a grid cell; larger for a network so wide that the grid would exceed `MAX_CELLS_PER_SIDE`. */
const CELL_METRES = 100;
/**
 * The grid has at most this many cells a side, so a search never looks at more than 512² cells
 * however wide a deployment's network is (a Greater London extract still gets ~120 m cells).
 */
const MAX_CELLS_PER_SIDE = 512;

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
  private readonly cellMetres: number;
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
    const span = Math.max((maxLon - minLon) * ruler.kx, (maxLat - minLat) * ruler.ky, 0);
    this.minLon = minLon;
    this.minLat = minLat;
    this.cellMetres = Math.max(CELL_METRES, span / (MAX_CELLS_PER_SIDE - 1));
    this.cellLon = this.cellMetres / ruler.kx;
    this.cellLat = this.cellMetres / ruler.ky;
    this.nx = Math.max(1, Math.floor((maxLon - minLon) / this.cellLon) + 1);
    this.ny = Math.max(1, Math.floor((maxLat - minLat) / this.cellLat) + 1);
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

  /**
   * Nearest point on an edge passing `filter` within `maxMetres` of the query point, or `null`
   * when there is none, or the point is not a WGS84 position (NaN, infinite, beyond ±180/±90).
   *
   * Bounded whatever the point: the search walks square rings of cells outwards, but only over
   * cells of the grid, each at most once (so at most `MAX_CELLS_PER_SIDE`² cells and as many
   * rings as the grid is wide), starting at the first ring that reaches the grid and stopping at
   * `maxMetres`. A point across the world costs what a point at the grid's corner does.
   */
  nearest(lon: number, lat: number, filter: EdgeFilter = ANY_EDGE, maxMetres = Infinity): Snapped | null {
    // Written so that NaN fails too; beyond the earth cell numbers would outgrow exact integers.
    if (!(Math.abs(lon) <= 180 && Math.abs(lat) <= 90 && maxMetres >= 0)) return null;
    const cx = Math.floor((lon - this.minLon) / this.cellLon);
    const cy = Math.floor((lat - this.minLat) / this.cellLat);
    // Chebyshev distance in cells from the query cell to the grid's nearest and farthest cells.
    const firstRing = Math.max(0, -cx, cx - (this.nx - 1), -cy, cy - (this.ny - 1));
    const lastRing = Math.max(cx, this.nx - 1 - cx, cy, this.ny - 1 - cy, 0);
    // A cell `ring` cells away is at least (ring - 1) cells' width from the point.
    const radiusRings = Math.floor(maxMetres / this.cellMetres) + 1;
    let best: Snapped | null = null;
    for (let ring = firstRing; ring <= lastRing && ring <= radiusRings; ring++) {
      best = this.scanRing(cx, cy, ring, lon, lat, filter, best);
      // Cells beyond this ring are at least `ring` cells away from the query point.
      if (best && best.distance <= ring * this.cellMetres) break;
    }
    return best && best.distance <= maxMetres ? best : null;
  }

  /** The cells of one ring's border that lie on the grid (inner ones were visited by smaller rings). */
  private scanRing(
    cx: number,
    cy: number,
    ring: number,
    lon: number,
    lat: number,
    filter: EdgeFilter,
    found: Snapped | null,
  ): Snapped | null {
    let best = found;
    const x0 = Math.max(0, cx - ring);
    const x1 = Math.min(this.nx - 1, cx + ring);
    const rows = ring === 0 ? [cy] : [cy - ring, cy + ring];
    for (const y of rows) {
      if (y < 0 || y >= this.ny) continue;
      for (let x = x0; x <= x1; x++) best = this.scanCell(x, y, lon, lat, filter, best);
    }
    const y0 = Math.max(0, cy - ring + 1);
    const y1 = Math.min(this.ny - 1, cy + ring - 1);
    for (const x of ring === 0 ? [] : [cx - ring, cx + ring]) {
      if (x < 0 || x >= this.nx) continue;
      for (let y = y0; y <= y1; y++) best = this.scanCell(x, y, lon, lat, filter, best);
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
