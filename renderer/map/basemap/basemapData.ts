// The City of London basemap data, bundled with the renderer (a separate chunk, loaded with the
// map): nothing is fetched from the internet or from the SMS. Imported as text and parsed once,
// because small files imported as URLs would become data: URLs the app's CSP does not allow.
import boundaries from '../../../data/geo/city_of_london_boundary.geojson?raw';
import wards from '../../../data/geo/city_of_london_wards.geojson?raw';
import streets from '../../../data/geo/city_streets.geojson?raw';
import boroughs from '../../../data/geo/london_boroughs.geojson?raw';
import pois from '../../../data/geo/pois_osm.geojson?raw';
import railLines from '../../../data/geo/rail_lines.geojson?raw';
import stations from '../../../data/geo/rail_stations.geojson?raw';
import thames from '../../../data/geo/thames_water.geojson?raw';
import redRoutes from '../../../data/geo/tlrn_red_routes.geojson?raw';
import { FeatureCollectionSchema, type FeatureCollection as BasemapCollection } from '../../../shared/geo/placeIndex';

export const BASEMAP_FILES = {
  boundary: boundaries,
  wards,
  streets,
  boroughs,
  pois,
  railLines,
  stations,
  thames,
  redRoutes,
} as const;
export type BasemapLayerName = keyof typeof BASEMAP_FILES;
export type BasemapData = Record<BasemapLayerName, BasemapCollection>;

/** Parses and validates every bundled file (a broken build fails loudly here, not in a layer). */
export function loadBasemapData(): BasemapData {
  const entries = Object.entries(BASEMAP_FILES).map(([name, text]) => [
    name,
    FeatureCollectionSchema.parse(JSON.parse(text)),
  ]);
  return Object.fromEntries(entries) as BasemapData;
}
