/// <reference types="geojson" />
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import { MAP_FONT } from '../basemap/mapFont';
import { OVERLAY_STYLE } from './overlayFeatures';

/** Layers of the overlays, bottom to top (the legend toggle "Cordons and sectors" switches them all). */
export const OVERLAY_LAYERS = ['overlays-fill', 'overlays-outline', 'overlays-rvp', 'overlays-label'] as const;
/** Layers a click can select an overlay by. */
export const OVERLAY_HIT_LAYERS = ['overlays-fill', 'overlays-outline', 'overlays-rvp'];
const SOURCE = 'overlays';
const DRAFT_SOURCE = 'overlay-draft';

const kindColour = [
  'match',
  ['get', 'kind'],
  'cordon',
  OVERLAY_STYLE.cordon.colour,
  'sector',
  OVERLAY_STYLE.sector.colour,
  OVERLAY_STYLE.rvp.colour,
] as const;
const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });

/**
 * Adds the overlay sources and layers under every other live layer (`beforeId`, when present),
 * so incidents, units and cameras stay on top of a cordon. Safe to call again after a style change.
 */
export function installOverlayLayers(map: MaplibreMap, beforeId: string | undefined): void {
  if (map.getSource(SOURCE)) return;
  const before = beforeId && map.getLayer(beforeId) ? beforeId : undefined;
  map.addSource(SOURCE, { type: 'geojson', data: empty() });
  map.addSource(DRAFT_SOURCE, { type: 'geojson', data: empty() });
  const shape = ['all', ['==', ['get', 'role'], 'shape']];
  map.addLayer(
    {
      id: 'overlays-fill',
      type: 'fill',
      source: SOURCE,
      filter: [...shape, ['==', ['geometry-type'], 'Polygon']] as never,
      paint: { 'fill-color': kindColour as never, 'fill-opacity': ['match', ['get', 'kind'], 'cordon', 0.14, 0.07] },
    },
    before,
  );
  map.addLayer(
    {
      id: 'overlays-outline',
      type: 'line',
      source: SOURCE,
      filter: [...shape, ['==', ['geometry-type'], 'Polygon']] as never,
      paint: {
        'line-color': kindColour as never,
        'line-width': ['match', ['get', 'kind'], 'cordon', 3, 2],
        // Dashed for a cordon, solid for a sector: the line itself says which, not only its colour.
        'line-dasharray': ['match', ['get', 'kind'], 'cordon', ['literal', [2, 1.5]], ['literal', [1, 0]]],
      },
    },
    before,
  );
  map.addLayer(
    {
      id: 'overlays-rvp',
      type: 'circle',
      source: SOURCE,
      filter: ['==', ['geometry-type'], 'Point'] as never,
      paint: {
        'circle-radius': ['match', ['get', 'role'], 'label', 0, 9],
        'circle-color': 'rgba(0,0,0,0)',
        'circle-stroke-color': OVERLAY_STYLE.rvp.colour,
        'circle-stroke-width': ['match', ['get', 'role'], 'label', 0, 3],
      },
    },
    before,
  );
  map.addLayer(
    {
      id: 'overlays-label',
      type: 'symbol',
      source: SOURCE,
      filter: ['any', ['==', ['get', 'role'], 'label'], ['==', ['get', 'kind'], 'rvp']] as never,
      layout: {
        'text-field': ['get', 'label'],
        'text-font': [MAP_FONT],
        'text-size': 13,
        'text-offset': ['match', ['get', 'kind'], 'rvp', ['literal', [0, 1.4]], ['literal', [0, 0]]],
        'text-allow-overlap': true,
      },
      paint: { 'text-color': kindColour as never, 'text-halo-color': '#05080b', 'text-halo-width': 2 },
    },
    before,
  );
  // The shape being drawn with the keyboard: a dashed outline and its corners.
  map.addLayer({
    id: 'overlay-draft-line',
    type: 'line',
    source: DRAFT_SOURCE,
    paint: { 'line-color': '#ffffff', 'line-width': 2, 'line-dasharray': [1, 1] },
  });
  map.addLayer({
    id: 'overlay-draft-points',
    type: 'circle',
    source: DRAFT_SOURCE,
    filter: ['==', ['geometry-type'], 'Point'],
    paint: {
      'circle-radius': 5,
      'circle-color': '#ffffff',
      'circle-stroke-color': '#05080b',
      'circle-stroke-width': 2,
    },
  });
}

/** Replaces the overlays drawn on the map. */
export function setOverlayData(map: MaplibreMap, data: GeoJSON.FeatureCollection): void {
  map.getSource<GeoJSONSource>(SOURCE)?.setData(data);
}

/** Shows the corners (and the outline so far) of the shape being drawn. */
export function setDraftData(map: MaplibreMap, vertices: readonly [number, number][]): void {
  const features: GeoJSON.Feature[] = vertices.map((p) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: p },
    properties: {},
  }));
  if (vertices.length > 1) {
    features.push({
      type: 'Feature',
      geometry: { type: 'LineString', coordinates: [...vertices, ...(vertices.length > 2 ? [vertices[0]!] : [])] },
      properties: {},
    });
  }
  map.getSource<GeoJSONSource>(DRAFT_SOURCE)?.setData({ type: 'FeatureCollection', features });
}
