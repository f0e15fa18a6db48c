import { z } from 'zod';
import { Gazetteer, type NamedPoint } from '../../shared/geo/gazetteer';
import { parseStreetsFile } from '../../shared/geo/schema';
import { TravelTimes } from '../../shared/geo/travel';
// Bundled at build time (offline): the City's street network and its named places.
import streetsRaw from '../../data/geo/city_streets.geojson?raw';
import poisRaw from '../../data/geo/pois_osm.geojson?raw';
import stationsRaw from '../../data/geo/rail_stations.geojson?raw';

const PlacesSchema = z.object({
  features: z.array(
    z.object({
      properties: z.object({ name: z.string().min(1), category: z.string().optional() }).loose(),
      geometry: z.object({ type: z.literal('Point'), coordinates: z.tuple([z.number(), z.number()]).rest(z.number()) }),
    }),
  ),
});

function places(raw: string, fallback: string): NamedPoint[] {
  const parsed = PlacesSchema.safeParse(JSON.parse(raw));
  if (!parsed.success) return [];
  return parsed.data.features.map((f) => ({
    name: f.properties.name,
    category: f.properties.category ?? fallback,
    lon: f.geometry.coordinates[0],
    lat: f.geometry.coordinates[1],
  }));
}

export interface CadGeo {
  travel: TravelTimes;
  gazetteer: Gazetteer;
}

let geo: CadGeo | null = null;

/** The console's street network and gazetteer, parsed and validated once per window on first use. */
export function cadGeo(): CadGeo {
  if (!geo) {
    const streets = parseStreetsFile(JSON.parse(streetsRaw) as unknown, 'city_streets.geojson');
    geo = {
      travel: new TravelTimes(streets),
      gazetteer: new Gazetteer(streets, [...places(stationsRaw, 'station'), ...places(poisRaw, 'poi')]),
    };
  }
  return geo;
}
