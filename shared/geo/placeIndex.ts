import { z } from 'zod';

export type PlaceKind = 'street' | 'landmark' | 'ward' | 'station' | 'place';

/** Something an operator can search for: to fly the map to, or to put an incident at. */
export interface Place {
  name: string;
  kind: PlaceKind;
  /** The source's category for named points (`landmarks`, `pubs`…); the kind otherwise. */
  category: string;
  /**
   * A point on the place: a street's middle vertex on its longest line (so an incident put
   * there is on the street), else the middle of its bounds (a named point itself).
   */
  center: [number, number];
  /** Where the map fits to show the whole place: a street's or ward's extent. */
  bounds: [number, number, number, number];
}

// Only what the index needs from a GeoJSON file; the rest of each feature is ignored.
const PositionSchema = z.tuple([z.number(), z.number()]).rest(z.number());
const LineSchema = z.array(PositionSchema);
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
export type FeatureCollection = z.infer<typeof FeatureCollectionSchema>;

const LANDMARK_CATEGORIES = new Set(['landmarks', 'museums', 'monuments', 'markets', 'transport']);
/** Named points nobody searches for by name, whose names would crowd out real places. */
const UNSEARCHED_CATEGORIES = new Set(['bus_stop', 'water', 'toilets']);

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

type Position = [number, number];

/** The lines of a geometry's coordinates (a point is a line of one position). */
function lines(coordinates: unknown, out: Position[][] = []): Position[][] {
  const point = PositionSchema.safeParse(coordinates);
  if (point.success) out.push([[point.data[0], point.data[1]]]);
  else if (Array.isArray(coordinates) && coordinates.length > 0) {
    const line = LineSchema.safeParse(coordinates);
    if (line.success) out.push(line.data.map((p) => [p[0], p[1]]));
    else for (const c of coordinates) lines(c, out);
  }
  return out;
}

function extent(points: readonly Position[]): Place['bounds'] {
  let [minX, minY, maxX, maxY] = [Infinity, Infinity, -Infinity, -Infinity];
  for (const [x, y] of points) {
    minX = Math.min(minX, x);
    minY = Math.min(minY, y);
    maxX = Math.max(maxX, x);
    maxY = Math.max(maxY, y);
  }
  return [minX, minY, maxX, maxY];
}

/** The files the index reads, already validated; a caller leaves out what it does not offer. */
export interface PlaceSources {
  streets?: FeatureCollection;
  pois?: FeatureCollection;
  wards?: FeatureCollection;
  stations?: FeatureCollection;
}

/**
 * Builds the offline gazetteer: streets (segments of one street merged), landmarks and other
 * named points of interest, wards and stations. One place per kind and name, however many
 * features carry it.
 */
export function buildPlaceIndex(sources: PlaceSources): Place[] {
  const byKey = new Map<string, { name: string; kind: PlaceKind; category: string; lines: Position[][] }>();
  const add = (name: unknown, kind: PlaceKind, category: unknown, coordinates: unknown) => {
    if (typeof name !== 'string' || name.trim() === '') return;
    const key = `${kind}:${normalise(name)}`;
    const entry = byKey.get(key) ?? { name, kind, category: typeof category === 'string' ? category : kind, lines: [] };
    lines(coordinates, entry.lines);
    byKey.set(key, entry);
  };
  const features = (file: FeatureCollection | undefined) => file?.features ?? [];
  for (const f of features(sources.streets)) add(f.properties?.name, 'street', null, f.geometry?.coordinates);
  for (const f of features(sources.wards)) add(f.properties?.ward_name, 'ward', null, f.geometry?.coordinates);
  for (const f of features(sources.stations)) {
    add(f.properties?.name, 'station', f.properties?.category, f.geometry?.coordinates);
  }
  for (const f of features(sources.pois)) {
    const category = f.properties?.category;
    if (UNSEARCHED_CATEGORIES.has(String(category))) continue;
    const kind = LANDMARK_CATEGORIES.has(String(category)) ? 'landmark' : 'place';
    add(f.properties?.name, kind, category, f.geometry?.coordinates);
  }
  const places: Place[] = [];
  for (const { name, kind, category, lines } of byKey.values()) {
    const points = lines.flat();
    if (points.length === 0) continue;
    const bounds = extent(points);
    const longest = lines.reduce((a, b) => (b.length > a.length ? b : a));
    const center: Position =
      kind === 'street'
        ? longest[Math.floor(longest.length / 2)]!
        : [(bounds[0] + bounds[2]) / 2, (bounds[1] + bounds[3]) / 2];
    places.push({ name, kind, category, bounds, center });
  }
  return places;
}

const KIND_RANK: Record<PlaceKind, number> = { landmark: 0, station: 1, ward: 2, street: 3, place: 4 };

/**
 * Characters of a query that count: longer than any place name, short enough that a pasted page
 * of text costs no more than a name (each word of the query is tried against every place).
 */
export const MAX_QUERY_CHARS = 100;

/**
 * Places matching a query: every word of the query must start a word of the name (so "bank"
 * finds "Bank" and "Bank of England" but not "Bankside" last). Exact and prefix matches first,
 * then landmarks before stations, wards, streets and other places. Only the first
 * `MAX_QUERY_CHARS` of the query count.
 */
export function searchPlaces(index: readonly Place[], query: string, limit = 8): Place[] {
  const q = normalise(query.slice(0, MAX_QUERY_CHARS));
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
