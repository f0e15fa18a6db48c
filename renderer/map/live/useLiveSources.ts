/// <reference types="geojson" />
import type { Map as MaplibreMap } from 'maplibre-gl';
import { useEffect, useMemo } from 'react';
import type { Alert, Camera, Incident, ServicePoint } from '../../../shared/protocol';
import type { LiveMap } from '../useLiveMap';
import {
  alertFeatures,
  cameraFeatures,
  fovFeatures,
  heatFeatures,
  incidentFeatures,
  servicePointFeatures,
} from './liveFeatures';
import { LAYER_GROUPS, setGroupVisible, setSourceData, type LayerGroup } from './liveLayers';

// Live data that changes at human rate goes through React into the live sources, one hook per
// source family; units never do (see feedUnits.ts).

/** Breach state changes with time alone: incidents are redrawn this often even when unchanged. */
const BREACH_REDRAW_MS = 15_000;

/**
 * Runs `sync(map, data)` once the live layers are installed, again when they are reinstalled or
 * `data` changes; nothing while `data` is undefined. `sync` is module-level (stable); it may
 * return a cleanup.
 */
function useLiveSync<T>(
  live: LiveMap,
  data: T | undefined,
  sync: (map: MaplibreMap, data: T) => void | (() => void),
): void {
  const { mapRef, styleReady } = live;
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0 || data === undefined) return;
    return sync(map, data);
  }, [mapRef, styleReady, data, sync]);
}

function drawIncidents(map: MaplibreMap, incidents: readonly Incident[]): () => void {
  const draw = () => setSourceData(map, 'incidents', incidentFeatures(incidents, Date.now()));
  draw();
  const timer = setInterval(draw, BREACH_REDRAW_MS);
  return () => clearInterval(timer);
}

function drawHeat(map: MaplibreMap, heat: { incidents: readonly Incident[]; periodMs: number }): void {
  setSourceData(map, 'heat', heatFeatures(heat.incidents, Date.now() - heat.periodMs));
}

function drawCameras(map: MaplibreMap, cameras: readonly Camera[]): void {
  setSourceData(map, 'cameras', cameraFeatures(cameras));
  setSourceData(map, 'fov', fovFeatures(cameras));
}

function drawAlerts(map: MaplibreMap, alerts: readonly Alert[]): void {
  setSourceData(map, 'alerts', alertFeatures(alerts));
}

function drawServicePoints(map: MaplibreMap, servicePoints: readonly ServicePoint[]): void {
  setSourceData(map, 'servicePoints', servicePointFeatures(servicePoints));
}

/** Open incidents (redrawn as breach targets pass) and the heat map over the last `heatPeriodMs`. */
export function useIncidentSources(live: LiveMap, incidents: readonly Incident[] | undefined, heatPeriodMs: number) {
  useLiveSync(live, incidents, drawIncidents);
  const heat = useMemo(() => incidents && { incidents, periodMs: heatPeriodMs }, [incidents, heatPeriodMs]);
  useLiveSync(live, heat, drawHeat);
}

/** Cameras and their fields of view. */
export function useCameraSources(live: LiveMap, cameras: readonly Camera[] | undefined) {
  useLiveSync(live, cameras, drawCameras);
}

export function useAlertSource(live: LiveMap, alerts: readonly Alert[] | undefined) {
  useLiveSync(live, alerts, drawAlerts);
}

export function useServicePointSource(live: LiveMap, servicePoints: readonly ServicePoint[] | undefined) {
  useLiveSync(live, servicePoints, drawServicePoints);
}

const ALL_GROUPS = Object.keys(LAYER_GROUPS) as LayerGroup[];

function showGroups(map: MaplibreMap, visible: Record<LayerGroup, boolean>): void {
  for (const group of ALL_GROUPS) setGroupVisible(map, group, visible[group]);
}

/** The legend's toggles: each layer group shown or hidden. */
export function useGroupVisibility(live: LiveMap, visible: Record<LayerGroup, boolean>) {
  useLiveSync(live, visible, showGroups);
}

function drawSelection(map: MaplibreMap, locate: () => [number, number] | null): void {
  const position = locate();
  setSourceData(map, 'selection', {
    type: 'FeatureCollection',
    features: position ? [{ type: 'Feature', geometry: { type: 'Point', coordinates: position }, properties: {} }] : [],
  });
}

/**
 * The selection ring, at `locate()`: redrawn when `locate` changes (give it the selection and
 * the entities as dependencies). A unit's ring is placed where the unit is then; it does not follow.
 */
export function useSelectionRing(live: LiveMap, locate: () => [number, number] | null) {
  useLiveSync(live, locate, drawSelection);
}

function drawMeasure(map: MaplibreMap, measure: { points: [number, number][] | null }): void {
  const points = measure.points ?? [];
  const features: GeoJSON.Feature[] = points.map((p) => ({
    type: 'Feature',
    geometry: { type: 'Point', coordinates: p },
    properties: {},
  }));
  if (points.length > 1)
    features.unshift({ type: 'Feature', geometry: { type: 'LineString', coordinates: points }, properties: {} });
  setSourceData(map, 'measure', { type: 'FeatureCollection', features });
  map.getCanvas().style.cursor = measure.points ? 'crosshair' : '';
}

/** The distance being measured (null: not measuring): its line, its points and the cursor. */
export function useMeasureSource(live: LiveMap, points: [number, number][] | null) {
  const measure = useMemo(() => ({ points }), [points]);
  useLiveSync(live, measure, drawMeasure);
}
