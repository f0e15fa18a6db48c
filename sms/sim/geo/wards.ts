import { z } from 'zod';
import { readJsonFile } from './files';

const Position = z.tuple([z.number(), z.number()]).rest(z.number());
const Ring = z.array(Position).min(4);

const WardFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ ward_name: z.string().min(1) }).loose(),
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(Ring).min(1) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(Ring).min(1)).min(1) }),
  ]),
});

/** A ward boundary file: a FeatureCollection of (Multi)Polygons with a `ward_name` property. */
export const WardsFileSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(WardFeature),
});

type Ring = readonly (readonly number[])[];

interface Ward {
  name: string;
  /** Each polygon as its outer ring followed by its holes. */
  polygons: Ring[][];
  bbox: [number, number, number, number];
}

/** Whether a point lies inside a closed ring (ray casting, even–odd rule). */
export function insideRing(lon: number, lat: number, ring: Ring): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi = 0, yi = 0] = ring[i] ?? [];
    const [xj = 0, yj = 0] = ring[j] ?? [];
    if (yi > lat !== yj > lat && lon < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

/** Finds the City ward a point lies in. */
export class WardLookup {
  private readonly wards: Ward[];

  constructor(file: z.infer<typeof WardsFileSchema>) {
    this.wards = file.features.map((f) => {
      const polygons = f.geometry.type === 'Polygon' ? [f.geometry.coordinates] : f.geometry.coordinates;
      const bbox: [number, number, number, number] = [Infinity, Infinity, -Infinity, -Infinity];
      for (const polygon of polygons)
        for (const [x = 0, y = 0] of polygon[0] ?? []) {
          bbox[0] = Math.min(bbox[0], x);
          bbox[1] = Math.min(bbox[1], y);
          bbox[2] = Math.max(bbox[2], x);
          bbox[3] = Math.max(bbox[3], y);
        }
      return { name: f.properties.ward_name, polygons, bbox };
    });
  }

  /** Reads and validates a ward boundary file. */
  static load(file: string): WardLookup {
    const parsed = WardsFileSchema.safeParse(readJsonFile(file));
    if (!parsed.success) throw new Error(`${file} is not a ward FeatureCollection: ${z.prettifyError(parsed.error)}`);
    return new WardLookup(parsed.data);
  }

  /** The ward's name, or `undefined` outside every ward (the river, neighbouring boroughs). */
  wardAt(lon: number, lat: number): string | undefined {
    for (const ward of this.wards) {
      const [minX, minY, maxX, maxY] = ward.bbox;
      if (lon < minX || lon > maxX || lat < minY || lat > maxY) continue;
      for (const [outer, ...holes] of ward.polygons) {
        if (outer && insideRing(lon, lat, outer) && !holes.some((h) => insideRing(lon, lat, h))) return ward.name;
      }
    }
    return undefined;
  }

  /** Names of all wards, in file order. */
  get names(): string[] {
    return this.wards.map((w) => w.name);
  }
}
