import { z } from 'zod';
import { readJsonFile } from './files';

const PointFeature = z.object({
  type: z.literal('Feature'),
  properties: z.object({ name: z.string().min(1), category: z.string().optional() }).loose(),
  geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]).rest(z.number()) }),
});

/** A FeatureCollection of named points (stations, points of interest). */
export const PlacesFileSchema = z.object({ type: z.literal('FeatureCollection'), features: z.array(PointFeature) });

/** A named point: a station, a landmark, a pub… */
export interface Place {
  name: string;
  /** The POI category (`landmarks`, `pubs`…), or `station`. */
  category: string;
  lon: number;
  lat: number;
}

/** Reads a point FeatureCollection; features lacking a category get `fallbackCategory`. */
export function loadPlaces(file: string, fallbackCategory: string): Place[] {
  const parsed = PlacesFileSchema.safeParse(readJsonFile(file));
  if (!parsed.success) throw new Error(`${file} is not a point FeatureCollection: ${z.prettifyError(parsed.error)}`);
  return parsed.data.features.map((f) => ({
    name: f.properties.name,
    category: f.properties.category ?? fallbackCategory,
    lon: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
  }));
}
