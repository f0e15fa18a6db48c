import type { StreetsFile } from './schema';

/** A searchable place: a street or a landmark. */
export interface GazetteerEntry {
  name: string;
  kind: 'street' | 'place';
  /** For places, the category (`landmarks`, `pubs`, `station`…). */
  category: string;
  lon: number;
  lat: number;
}

/** A named point as read from a places file. */
export interface NamedPoint {
  name: string;
  category: string;
  lon: number;
  lat: number;
}

/**
 * An offline gazetteer of the City: every named street (placed at the middle vertex of its
 * longest line) and every named point. Search is by words, prefix first, so "chea" finds
 * Cheapside before "Eastcheap".
 */
export class Gazetteer {
  readonly entries: readonly GazetteerEntry[];

  constructor(streets: StreetsFile, places: readonly NamedPoint[]) {
    const byName = new Map<string, { coords: readonly (readonly number[])[] }>();
    for (const f of streets.features) {
      const name = f.properties.name?.trim();
      if (!name) continue;
      const lines = f.geometry.type === 'LineString' ? [f.geometry.coordinates] : f.geometry.coordinates;
      for (const coords of lines) {
        const seen = byName.get(name);
        if (!seen || coords.length > seen.coords.length) byName.set(name, { coords });
      }
    }
    const entries: GazetteerEntry[] = [];
    for (const [name, { coords }] of byName) {
      const mid = coords[Math.floor(coords.length / 2)]!;
      entries.push({ name, kind: 'street', category: 'street', lon: mid[0]!, lat: mid[1]! });
    }
    const seenPlaces = new Set<string>();
    for (const p of places) {
      const key = p.name.toLowerCase();
      if (seenPlaces.has(key)) continue;
      seenPlaces.add(key);
      entries.push({ name: p.name, kind: 'place', category: p.category, lon: p.lon, lat: p.lat });
    }
    this.entries = entries;
  }

  /** Best matches for a query: whole-name prefix, then word prefix, then anywhere; streets before places on ties. */
  search(query: string, limit = 8): GazetteerEntry[] {
    const q = query.trim().toLowerCase();
    if (!q) return [];
    const rank = (e: GazetteerEntry): number => {
      const n = e.name.toLowerCase();
      const kind = e.kind === 'street' ? 0 : 0.5;
      if (n === q) return kind;
      if (n.startsWith(q)) return 1 + kind;
      if (n.split(/[\s'-]+/).some((w) => w.startsWith(q))) return 2 + kind;
      if (n.includes(q)) return 3 + kind;
      return -1;
    };
    return this.entries
      .map((e) => ({ e, r: rank(e) }))
      .filter((x) => x.r >= 0)
      .sort((a, b) => a.r - b.r || a.e.name.localeCompare(b.e.name))
      .slice(0, limit)
      .map((x) => x.e);
  }
}
