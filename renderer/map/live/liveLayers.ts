/// <reference types="geojson" />
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import { MAP_FONT } from '../basemap/mapFont';
import type { SelectionTarget } from '../../workstation/workstationBus';
import { OVERLAY_LAYERS } from '../overlays/overlayLayers';
import { UNIT_ICON_LAYER, UNIT_SHARD_LAYER } from './unitIconLayers';

/** Layer groups the operator can switch on and off, in legend order. */
export const LAYER_GROUPS = {
  incidents: 'Incidents',
  units: 'Units',
  cameras: 'Cameras',
  fov: 'Camera fields of view',
  servicePoints: 'Digital Service Points',
  alerts: 'Alerts',
  heat: 'Incident heat map',
  overlays: 'Cordons and sectors',
} as const;
export type LayerGroup = keyof typeof LAYER_GROUPS;

/**
 * The Grade 1 pulse ring (animated by useIncidentPulse), and the first layer of the live stack:
 * units go just below it, under incidents and alerts.
 */
export const INCIDENT_PULSE_LAYER = 'incidents-pulse';

const empty = (): GeoJSON.FeatureCollection => ({ type: 'FeatureCollection', features: [] });
const halo = { 'text-halo-color': '#05080b', 'text-halo-width': 1.5 } as const;

/**
 * Adds the live sources and layers (except units, see UnitLayer) on top of whatever basemap
 * style is loaded. Called again after every style change; data is set afterwards by the view.
 */
export function installLiveLayers(map: MaplibreMap): void {
  const source = (id: string, extra: object = {}) => {
    if (!map.getSource(id)) map.addSource(id, { type: 'geojson', data: empty(), ...extra });
  };
  source('heat');
  source('fov');
  source('cameras');
  source('servicePoints');
  // Clustered at low zoom: 2,000 incidents across the Square Mile are a blur otherwise.
  source('incidents', {
    cluster: true,
    clusterMaxZoom: 14,
    clusterRadius: 40,
    clusterProperties: { grade1: ['+', ['case', ['==', ['get', 'grade'], 1], 1, 0]] },
  });
  source('alerts');
  source('selection');
  source('measure');

  map.addLayer({
    id: 'heat',
    type: 'heatmap',
    source: 'heat',
    layout: { visibility: 'none' },
    paint: {
      'heatmap-weight': ['match', ['get', 'grade'], 1, 1, 2, 0.7, 0.4],
      'heatmap-radius': ['interpolate', ['linear'], ['zoom'], 12, 12, 17, 40],
      'heatmap-opacity': 0.75,
    },
  });
  map.addLayer({
    id: 'fov',
    type: 'fill',
    source: 'fov',
    minzoom: 15,
    paint: { 'fill-color': ['case', ['get', 'online'], '#7fe3ff', '#6b7785'], 'fill-opacity': 0.12 },
  });
  map.addLayer({
    id: 'fov-outline',
    type: 'line',
    source: 'fov',
    minzoom: 15,
    paint: {
      'line-color': ['case', ['get', 'online'], '#7fe3ff', '#6b7785'],
      'line-width': 1,
      'line-opacity': 0.5,
      'line-dasharray': ['case', ['get', 'online'], ['literal', [1, 0]], ['literal', [2, 2]]],
    },
  });
  // Below icon zoom a camera is a small dot, so the City overview still shows where they are:
  // filled when online, hollow when offline (the shape says it, not only the colour).
  map.addLayer({
    id: 'cameras-dot',
    type: 'circle',
    source: 'cameras',
    minzoom: 13,
    maxzoom: 14,
    paint: {
      'circle-radius': 3.5,
      'circle-color': ['case', ['get', 'online'], '#7fe3ff', 'rgba(0,0,0,0)'],
      'circle-stroke-color': ['case', ['get', 'online'], '#05080b', '#9aa5b1'],
      'circle-stroke-width': ['case', ['get', 'online'], 1, 1.5],
    },
  });
  map.addLayer({
    id: 'cameras',
    type: 'symbol',
    source: 'cameras',
    minzoom: 14,
    layout: { 'icon-image': ['get', 'icon'], 'icon-allow-overlap': true },
  });
  map.addLayer({
    id: 'servicePoints',
    type: 'symbol',
    source: 'servicePoints',
    minzoom: 13,
    layout: { 'icon-image': ['get', 'icon'], 'icon-allow-overlap': true },
  });
  map.addLayer({
    id: INCIDENT_PULSE_LAYER,
    type: 'circle',
    source: 'incidents',
    filter: ['all', ['!', ['has', 'point_count']], ['==', ['get', 'grade'], 1]],
    paint: { 'circle-radius': 14, 'circle-color': '#ff5a5a', 'circle-opacity': 0.35, 'circle-stroke-width': 0 },
  });
  map.addLayer({
    id: 'incident-clusters',
    type: 'circle',
    source: 'incidents',
    filter: ['has', 'point_count'],
    paint: {
      'circle-color': ['case', ['>', ['get', 'grade1'], 0], '#7a2430', '#2b3d52'],
      'circle-stroke-color': ['case', ['>', ['get', 'grade1'], 0], '#ff5a5a', '#6cb8ff'],
      'circle-stroke-width': 2,
      'circle-radius': ['step', ['get', 'point_count'], 12, 10, 16, 50, 22],
    },
  });
  map.addLayer({
    id: 'incident-cluster-count',
    type: 'symbol',
    source: 'incidents',
    filter: ['has', 'point_count'],
    layout: {
      'text-field': [
        'case',
        ['>', ['get', 'grade1'], 0],
        ['concat', ['get', 'point_count_abbreviated'], '\n', ['get', 'grade1'], ' G1'],
        ['get', 'point_count_abbreviated'],
      ],
      'text-font': [MAP_FONT],
      'text-size': 11,
      'text-allow-overlap': true,
    },
    paint: { 'text-color': '#eef3f8' },
  });
  map.addLayer({
    id: 'incidents',
    type: 'symbol',
    source: 'incidents',
    filter: ['!', ['has', 'point_count']],
    layout: {
      'icon-image': ['get', 'icon'],
      'icon-allow-overlap': true,
      'symbol-sort-key': ['get', 'grade'],
      'text-field': ['step', ['zoom'], '', 15, ['get', 'label']],
      'text-font': [MAP_FONT],
      'text-size': 11,
      'text-offset': [0, 1.4],
      'text-anchor': 'top',
      'text-optional': true,
    },
    paint: { 'text-color': ['get', 'colour'], ...halo },
  });
  map.addLayer({
    id: 'alerts',
    type: 'symbol',
    source: 'alerts',
    layout: {
      'icon-image': ['get', 'icon'],
      'icon-allow-overlap': true,
      'symbol-sort-key': ['get', 'rank'],
      'text-field': ['step', ['zoom'], '', 16, ['get', 'label']],
      'text-font': [MAP_FONT],
      'text-size': 11,
      'text-offset': [0, 1.3],
      'text-anchor': 'top',
      'text-optional': true,
    },
    paint: { 'text-color': '#ffd23f', ...halo },
  });
  map.addLayer({
    id: 'selection',
    type: 'circle',
    source: 'selection',
    paint: {
      'circle-radius': 20,
      'circle-color': 'rgba(0,0,0,0)',
      'circle-stroke-color': '#ffd23f',
      'circle-stroke-width': 3,
    },
  });
  map.addLayer({
    id: 'measure-line',
    type: 'line',
    source: 'measure',
    paint: { 'line-color': '#ffd23f', 'line-width': 2, 'line-dasharray': [2, 1] },
  });
  map.addLayer({
    id: 'measure-points',
    type: 'circle',
    source: 'measure',
    filter: ['==', ['geometry-type'], 'Point'],
    paint: { 'circle-radius': 4, 'circle-color': '#ffd23f' },
  });
}

/** Layers belonging to each toggle (unit shard layers are matched by prefix). */
export const GROUP_LAYERS: Record<Exclude<LayerGroup, 'units'>, string[]> = {
  incidents: ['incidents', INCIDENT_PULSE_LAYER, 'incident-clusters', 'incident-cluster-count'],
  cameras: ['cameras', 'cameras-dot'],
  fov: ['fov', 'fov-outline'],
  servicePoints: ['servicePoints'],
  alerts: ['alerts'],
  heat: ['heat'],
  // Installed by overlays/overlayLayers.ts.
  overlays: [...OVERLAY_LAYERS],
};

/** The kinds a click on the map selects (overlays handle their own clicks). */
export type ClickableKind = Exclude<NonNullable<SelectionTarget>['kind'], 'overlay'>;
/** What a click on a layer's feature does: select its entity, or (a cluster) zoom in. */
export type ClickTarget = ClickableKind | 'cluster';

/**
 * Every clickable live layer and what a click on it does: the one list the map's hit-testing
 * uses. A unit is also found by `MapUnits.nearest` where it is a GL point, not a feature.
 */
export const CLICKABLE_LAYERS: readonly { layer: string | RegExp; target: ClickTarget }[] = [
  { layer: 'incidents', target: 'incident' },
  { layer: 'incident-clusters', target: 'cluster' },
  { layer: 'alerts', target: 'alert' },
  { layer: 'cameras', target: 'camera' },
  { layer: 'cameras-dot', target: 'camera' },
  { layer: 'servicePoints', target: 'servicePoint' },
  { layer: UNIT_ICON_LAYER, target: 'unit' },
];

/** What a click on `layerId` does, or null when the layer is not clickable. */
export function clickTarget(layerId: string): ClickTarget | null {
  const entry = CLICKABLE_LAYERS.find(({ layer }) =>
    typeof layer === 'string' ? layer === layerId : layer.test(layerId),
  );
  return entry?.target ?? null;
}

export function setSourceData(map: MaplibreMap, id: string, data: GeoJSON.GeoJSON): void {
  map.getSource<GeoJSONSource>(id)?.setData(data);
}

/** Shows or hides a group, units included. */
export function setGroupVisible(map: MaplibreMap, group: LayerGroup, visible: boolean): void {
  const ids =
    group === 'units'
      ? map
          .getStyle()
          .layers.map((l) => l.id)
          .filter((id) => UNIT_SHARD_LAYER.test(id))
      : GROUP_LAYERS[group];
  for (const id of ids) if (map.getLayer(id)) map.setLayoutProperty(id, 'visibility', visible ? 'visible' : 'none');
}
