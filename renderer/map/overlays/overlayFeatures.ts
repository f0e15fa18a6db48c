/// <reference types="geojson" />
import { overlayLabel } from '../../../shared/domain/labels';
import type { MapOverlay, OverlayKind } from '../../../shared/protocol';

/** The colour of each overlay kind; every overlay's label also names its kind, so colour is never alone. */
export const OVERLAY_STYLE: Record<OverlayKind, { colour: string }> = {
  cordon: { colour: '#ff4d4d' },
  sector: { colour: '#6cb8ff' },
  rvp: { colour: '#ffd23f' },
};

/** A point inside-ish a ring for its label: the vertex average (good enough for cordons drawn by hand). */
export function labelPoint(ring: readonly (readonly [number, number])[]): [number, number] {
  const corners = ring.slice(0, -1);
  const n = Math.max(1, corners.length);
  const lon = corners.reduce((s, p) => s + p[0], 0) / n;
  const lat = corners.reduce((s, p) => s + p[1], 0) / n;
  return [lon, lat];
}

/** The overlays as map features: the shapes themselves, plus one label point per overlay. */
export function overlayFeatures(overlays: readonly MapOverlay[]): GeoJSON.FeatureCollection {
  const features: GeoJSON.Feature[] = [];
  for (const o of overlays) {
    const properties = { id: o.id, kind: o.kind, label: overlayLabel(o), role: 'shape' };
    features.push({ type: 'Feature', geometry: o.geometry, properties });
    if (o.geometry.type === 'Polygon') {
      features.push({
        type: 'Feature',
        geometry: { type: 'Point', coordinates: labelPoint(o.geometry.coordinates[0]) },
        properties: { ...properties, role: 'label' },
      });
    }
  }
  return { type: 'FeatureCollection', features };
}

/** The overlay's bounds `[west, south, east, north]`, to fly to it. */
export function overlayBounds(overlay: MapOverlay): [number, number, number, number] {
  const points = overlay.geometry.type === 'Polygon' ? overlay.geometry.coordinates[0] : [overlay.geometry.coordinates];
  const lons = points.map((p) => p[0]);
  const lats = points.map((p) => p[1]);
  return [Math.min(...lons), Math.min(...lats), Math.max(...lons), Math.max(...lats)];
}
