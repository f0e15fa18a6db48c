/// <reference types="geojson" />
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import { MAP_FONT } from '../basemap/mapFont';

/**
 * The unit layers' definitions. Below ICON_MINZOOM every unit is a GL point (`unitDots.ts`); from
 * it, icons with heading, callsign and status are symbol layers over GeoJSON sources.
 *
 * Two maplibre limits shape the icon sources: a diff of 1,000 changes or more falls back to a full
 * reload, and symbol layers stop placing icons beyond ~32k close together. So icons live in shards
 * of at most SHARD_SIZE features, one GeoJSON source each (every diff stays far below 1,000 and
 * the worker re-indexes only a small source).
 */
export const SHARD_SIZE = 500;
/** Zoom from which units are icons with labels (below it, GL dots). */
export const ICON_MINZOOM = 15;
const LABEL_MINZOOM = 16;

/** The GL point layer drawing every unit below ICON_MINZOOM. */
export const UNIT_DOTS_LAYER = 'units-dots';
/** Every layer of a unit shard (`units-<shard>-…`), for the legend's Units toggle. */
export const UNIT_SHARD_LAYER = /^units-\d+-/;
/** The icon layer of each shard: what a click on a unit icon hits. */
export const UNIT_ICON_LAYER = /^units-\d+-icon$/;

export const unitSourceId = (shard: number): string => `units-${shard}`;

/** Shards needed for `units` units (at least one, so units added later have a source). */
export function shardCount(units: number): number {
  return Math.max(1, Math.ceil(units / SHARD_SIZE));
}

export function emptyCollection(): GeoJSON.FeatureCollection {
  return { type: 'FeatureCollection', features: [] };
}

/** The shard's GeoJSON source, added if the style does not have it yet. */
export function addUnitSource(map: MaplibreMap, shard: number): void {
  const id = unitSourceId(shard);
  if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: emptyCollection(), buffer: 16 });
}

export function unitSource(map: MaplibreMap, shard: number): GeoJSONSource | undefined {
  return map.getSource<GeoJSONSource>(unitSourceId(shard));
}

/** The shard's heading arrow and icon (with callsign and status from LABEL_MINZOOM) layers. */
export function addUnitIconLayers(map: MaplibreMap, shard: number, beforeLayer?: string): void {
  const id = unitSourceId(shard);
  map.addLayer(
    {
      id: `${id}-heading`,
      type: 'symbol',
      source: id,
      minzoom: ICON_MINZOOM,
      layout: {
        'icon-image': 'unit-heading',
        'icon-rotate': ['get', 'heading'],
        'icon-rotation-alignment': 'map',
        'icon-allow-overlap': true,
        'icon-ignore-placement': true,
      },
    },
    beforeLayer,
  );
  map.addLayer(
    {
      id: `${id}-icon`,
      type: 'symbol',
      source: id,
      minzoom: ICON_MINZOOM,
      layout: {
        'icon-image': ['get', 'icon'],
        'icon-allow-overlap': true,
        'text-field': [
          'step',
          ['zoom'],
          '',
          LABEL_MINZOOM,
          ['concat', ['get', 'callsign'], '\n', ['get', 'statusText']],
        ],
        'text-font': [MAP_FONT],
        'text-size': 11,
        'text-offset': [0, 1.3],
        'text-anchor': 'top',
        'text-optional': true,
      },
      paint: { 'text-color': ['get', 'colour'], 'text-halo-color': '#05080b', 'text-halo-width': 1.5 },
    },
    beforeLayer,
  );
}
