import { FeatureCollectionSchema, buildPlaceIndex, type Place } from '../../shared/geo/placeIndex';
import { parseStreetsFile } from '../../shared/geo/schema';
import { TravelTimes } from '../../shared/geo/travel';
// Bundled at build time (offline): the City's street network and its named places.
import streetsRaw from '../../data/geo/city_streets.geojson?raw';
import poisRaw from '../../data/geo/pois_osm.geojson?raw';
import stationsRaw from '../../data/geo/rail_stations.geojson?raw';

export interface CadGeo {
  travel: TravelTimes;
  /** Streets, stations and named points to put an incident at (the same index the map searches). */
  places: readonly Place[];
}

let geo: CadGeo | null = null;

/** The console's street network and places, parsed and validated once per window on first use. */
export function cadGeo(): CadGeo {
  if (!geo) {
    const streets = parseStreetsFile(JSON.parse(streetsRaw) as unknown, 'city_streets.geojson');
    geo = {
      travel: new TravelTimes(streets),
      places: buildPlaceIndex({
        streets,
        stations: FeatureCollectionSchema.parse(JSON.parse(stationsRaw)),
        pois: FeatureCollectionSchema.parse(JSON.parse(poisRaw)),
      }),
    };
  }
  return geo;
}
