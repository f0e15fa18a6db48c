import { z } from 'zod';

/** Something an operator can search for and fly to. */
export interface Place {
  name: string;
  kind: 'street' | 'landmark' | 'ward' | 'station' | 'place';
  /** Where to fly: a point, or the bounds of a street or ward. */
  center: [number, number];
  bounds: [number, number, number, number];
}

// Only what the index needs from a basemap file; the rest of each feature is ignored.
const PositionSchema = z.tuple([z.number(), z.number()]).rest(z.number());
// Loose: the map draws these same features, so nothing of them is stripped.
const FeatureSchema = z.looseObject({
  type: z.literal('Feature'),
  properties: z.record(z.string(), z.unknown()).nullable(),
  geometry: z.object({ type: z.string(), coordinates: z.unknown() }).nullable(),
});
export const FeatureCollectionSchema = z.looseObject({
  type: z.literal('FeatureCollection'),
  features: z.array(FeatureSchema),
});
export type BasemapCollection = z.infer<typeof FeatureCollectionSchema>;

const LANDMARK_CATEGORIES = new Set(['landmarks', 'museums', 'monuments', 'markets', 'transport']);

/** Lower case, no accents or punctuation, one space between words: "St. Paul's" -> "st pauls". */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’.]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

function positions(coordinates: unknown, out: [number, number][] = []): [number, number][] {
  const point = PositionSchema.safeParse(coordinates);
  if (point.success) out.push([point.data[0], point.data[1]]);
  else if (Array.isArray(coordinates)) for (const c of coordinates) positions(c, out);
  return out;
}

function extent(points: [number, number][]): Place['bounds'] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}

/** The basemap files the index reads, already validated. */
export interface PlaceSources {
  streets: BasemapCollection;
  pois: BasemapCollection;
  wards: BasemapCollection;
  stations: BasemapCollection;
}

/**
 * Builds the offline gazetteer: streets (segments of one street merged), landmarks and other
 * named points of interest, wards and stations.
 */
export function buildPlaceIndex(sources: PlaceSources): Place[] {
  const byKey = new Map<string, { name: string; kind: Place['kind']; points: [number, number][] }>();
  const add = (name: unknown, kind: Place['kind'], coordinates: unknown) => {
    if (typeof name !== 'string' || name.trim() === '') return;
    const key = `${kind}:${normalise(name)}`;
    const entry = byKey.get(key) ?? { name, kind, points: [] };
    positions(coordinates, entry.points);
    byKey.set(key, entry);
  };
  for (const f of sources.streets.features) add(f.properties?.name, 'street', f.geometry?.coordinates);
  for (const f of sources.wards.features) add(f.properties?.ward_name, 'ward', f.geometry?.coordinates);
  for (const f of sources.stations.features) add(f.properties?.name, 'station', f.geometry?.coordinates);
  for (const f of sources.pois.features) {
    const category = f.properties?.category;
    if (category === 'bus_stop' || category === 'water' || category === 'toilets') continue;
    add(f.properties?.name, LANDMARK_CATEGORIES.has(String(category)) ? 'landmark' : 'place', f.geometry?.coordinates);
  }
  const places: Place[] = [];
  for (const { name, kind, points } of byKey.values()) {
    if (points.length === 0) continue;
    const bounds = extent(points);
    places.push({ name, kind, bounds, center: [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2] });
  }
  return places;
}

const KIND_RANK: Record<Place['kind'], number> = { landmark: 0, station: 1, ward: 2, street: 3, place: 4 };

/**
 * Places matching a query: every word of the query must start a word of the name (so "bank"
 * finds "Bank" and "Bank of England" but not "Bankside" last). Exact and prefix matches first,
 * then landmarks before stations, wards, streets and other places.
 */
export function searchPlaces(index: readonly Place[], query: string, limit = 8): Place[] {
  const q = normalise(query);
  if (q === '') return [];
  const terms = q.split(' ');
  const scored: { place: Place; score: number }[] = [];
  for (const place of index) {
    const name = normalise(place.name);
    const words = name.split(' ');
    let score = 0;
    let matched = true;
    for (const term of terms) {
      if (words.includes(term)) continue;
      if (words.some((w) => w.startsWith(term))) score += 1;
      else if (name.includes(term)) score += 3;
      else {
        matched = false;
        break;
      }
    }
    if (!matched) continue;
    if (name === q) score -= 10;
    else if (name.startsWith(q)) score -= 5;
    scored.push({ place, score: score * 10 + KIND_RANK[place.kind] });
  }
  scored.sort((a, b) => a.score - b.score || a.place.name.localeCompare(b.place.name));
  return scored.slice(0, limit).map((s) => s.place);
}
