/// <reference types="geojson" />
import type { StyleSpecification } from 'maplibre-gl';
import fontUrl from './fonts/DejaVuSans.ttf?url';
import type { BasemapData } from './basemapData';
import { dataEdgeMask } from './dataExtent';
import { MAP_FONT } from './mapFont';

export type MapTheme = 'dark' | 'light';

/** The combined attribution the data requires (data/geo/ATTRIBUTION.md), shown on the map. */
export const BASEMAP_ATTRIBUTION =
  '© OpenStreetMap contributors (ODbL) · Contains OS data © Crown copyright and database right (OGL v3) · ' +
  'Contains National Statistics data © Crown copyright and database right · Powered by TfL Open Data · ' +
  'Boundary GeoJSON by Martin Chorley (CC BY 4.0) · Streets schematic';

const PALETTES = {
  dark: {
    background: '#0b1016',
    boroughs: '#0f151c',
    boroughLine: '#1f2a36',
    water: '#123049',
    waterLabel: '#7fb3e0',
    redRoute: '#4a1d24',
    street: '#3a4857',
    streetMajor: '#56687b',
    streetLabel: '#c9d5e1',
    halo: '#0b1016',
    ward: '#5b6f86',
    wardLabel: '#8ea3ba',
    boundary: '#c8a2ff',
    station: '#e6eef6',
    poi: '#d9b36c',
    poiLabel: '#d8c7a0',
  },
  light: {
    background: '#f3f1ec',
    boroughs: '#ebe8e1',
    boroughLine: '#cfc9bd',
    water: '#a9cbe8',
    waterLabel: '#2a5d8a',
    redRoute: '#f2c3c3',
    street: '#ffffff',
    streetMajor: '#fdf3d6',
    streetLabel: '#333a42',
    halo: '#ffffff',
    ward: '#8a7fa6',
    wardLabel: '#5e5578',
    boundary: '#6a3fb5',
    station: '#1b2733',
    poi: '#8a5a00',
    poiLabel: '#6b4b10',
  },
} as const;

/**
 * The bundled basemap: pre-processed GeoJSON of the City (no tiles, nothing fetched), drawn
 * for the room's dark theme or the light one. Live layers go on top (see `live/`).
 */
export function basemapStyle(data: BasemapData, theme: MapTheme): StyleSpecification {
  const c = PALETTES[theme];
  const source = (name: keyof BasemapData, attribution?: string) => ({
    type: 'geojson' as const,
    data: data[name] as unknown as GeoJSON.FeatureCollection,
    ...(attribution ? { attribution } : {}),
  });
  const text = (size: number, color: string) => ({
    paint: { 'text-color': color, 'text-halo-color': c.halo, 'text-halo-width': 1.4 },
    layout: { 'text-font': [MAP_FONT], 'text-size': size },
  });
  return {
    version: 8,
    name: `JCCR City of London (${theme})`,
    'font-faces': { [MAP_FONT]: new URL(fontUrl, document.baseURI).href },
    sources: {
      boroughs: source('boroughs', BASEMAP_ATTRIBUTION),
      thames: source('thames'),
      redRoutes: source('redRoutes'),
      streets: source('streets'),
      railLines: source('railLines'),
      stations: source('stations'),
      wards: source('wards'),
      boundary: source('boundary'),
      pois: source('pois'),
      dataEdge: { type: 'geojson', data: dataEdgeMask() },
    },
    layers: [
      { id: 'background', type: 'background', paint: { 'background-color': c.background } },
      { id: 'boroughs', type: 'fill', source: 'boroughs', paint: { 'fill-color': c.boroughs } },
      {
        id: 'borough-lines',
        type: 'line',
        source: 'boroughs',
        paint: { 'line-color': c.boroughLine, 'line-width': 1 },
      },
      { id: 'thames', type: 'fill', source: 'thames', paint: { 'fill-color': c.water } },
      { id: 'red-routes', type: 'fill', source: 'redRoutes', paint: { 'fill-color': c.redRoute, 'fill-opacity': 0.9 } },
      {
        id: 'streets',
        type: 'line',
        source: 'streets',
        layout: { 'line-cap': 'round', 'line-join': 'round' },
        paint: {
          'line-color': ['match', ['get', 'class'], ['primary', 'trunk'], c.streetMajor, c.street],
          'line-width': ['interpolate', ['exponential', 1.6], ['zoom'], 13, 1, 16, 5, 18, 14],
        },
      },
      {
        id: 'bridges',
        type: 'line',
        source: 'streets',
        filter: ['==', ['get', 'bridge'], true],
        layout: { 'line-cap': 'butt' },
        paint: {
          'line-color': c.streetMajor,
          'line-gap-width': ['interpolate', ['exponential', 1.6], ['zoom'], 13, 1, 16, 5, 18, 14],
          'line-width': 1.5,
        },
      },
      {
        id: 'rail-lines',
        type: 'line',
        source: 'railLines',
        paint: {
          'line-color': ['coalesce', ['get', 'colour'], '#888888'],
          'line-width': ['interpolate', ['linear'], ['zoom'], 13, 1, 17, 3],
          'line-opacity': 0.55,
          'line-dasharray': [3, 2],
        },
      },
      {
        id: 'wards',
        type: 'line',
        source: 'wards',
        paint: { 'line-color': c.ward, 'line-width': 1, 'line-dasharray': [4, 3], 'line-opacity': 0.7 },
      },
      { id: 'boundary', type: 'line', source: 'boundary', paint: { 'line-color': c.boundary, 'line-width': 2.5 } },
      {
        id: 'water-label',
        type: 'symbol',
        source: 'thames',
        filter: ['==', ['geometry-type'], 'Polygon'],
        ...text(13, c.waterLabel),
        layout: { ...text(13, c.waterLabel).layout, 'text-field': 'River Thames', 'symbol-spacing': 600 },
      },
      {
        id: 'ward-labels',
        type: 'symbol',
        source: 'wards',
        minzoom: 14,
        paint: text(11, c.wardLabel).paint,
        layout: {
          ...text(11, c.wardLabel).layout,
          'text-field': ['upcase', ['get', 'ward_name']],
          'text-letter-spacing': 0.12,
        },
      },
      {
        id: 'street-labels',
        type: 'symbol',
        source: 'streets',
        minzoom: 14.5,
        paint: text(12, c.streetLabel).paint,
        layout: {
          ...text(12, c.streetLabel).layout,
          'text-field': ['get', 'name'],
          'symbol-placement': 'line',
          'text-max-angle': 35,
        },
      },
      {
        id: 'stations',
        type: 'circle',
        source: 'stations',
        paint: {
          'circle-radius': ['interpolate', ['linear'], ['zoom'], 13, 3, 17, 6],
          'circle-color': c.background,
          'circle-stroke-color': c.station,
          'circle-stroke-width': 2,
        },
      },
      {
        id: 'station-labels',
        type: 'symbol',
        source: 'stations',
        minzoom: 13.5,
        paint: text(12, c.station).paint,
        layout: {
          ...text(12, c.station).layout,
          'text-field': ['concat', ['get', 'name'], ' ⊖'],
          'text-offset': [0, 1.1],
          'text-anchor': 'top',
        },
      },
      {
        id: 'landmarks',
        type: 'circle',
        source: 'pois',
        filter: ['in', ['get', 'category'], ['literal', ['landmarks', 'monuments', 'museums', 'markets']]],
        minzoom: 14,
        paint: { 'circle-radius': 3, 'circle-color': c.poi },
      },
      {
        id: 'landmark-labels',
        type: 'symbol',
        source: 'pois',
        filter: ['in', ['get', 'category'], ['literal', ['landmarks', 'markets']]],
        minzoom: 14.5,
        paint: text(11, c.poiLabel).paint,
        layout: {
          ...text(11, c.poiLabel).layout,
          'text-field': ['get', 'name'],
          'text-offset': [0, 0.9],
          'text-anchor': 'top',
          'text-optional': true,
        },
      },
      // Last: past the data's edge the map fades into the background (see dataExtent.ts).
      {
        id: 'data-edge',
        type: 'fill',
        source: 'dataEdge',
        paint: { 'fill-color': c.background, 'fill-opacity': ['get', 'opacity'], 'fill-antialias': false },
      },
    ],
  };
}
