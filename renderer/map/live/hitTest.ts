import type { Map as MaplibreMap, PointLike } from 'maplibre-gl';
import { clickTarget, type ClickableKind } from './liveLayers';
import type { MapUnits } from './mapUnits';

/** Pixels around the pointer that still count as on a feature. */
const HIT_RADIUS = 8;

/** What is under a click: an entity to select, a cluster to zoom into, or nothing. */
export type MapHit = { kind: 'select'; target: { kind: ClickableKind; id: string } } | { kind: 'cluster' } | null;

/** The topmost clickable feature under a screen point (see CLICKABLE_LAYERS), else the nearest unit dot. */
export function hitTest(map: MaplibreMap, point: { x: number; y: number }, units: MapUnits | null): MapHit {
  const box: [PointLike, PointLike] = [
    [point.x - HIT_RADIUS, point.y - HIT_RADIUS],
    [point.x + HIT_RADIUS, point.y + HIT_RADIUS],
  ];
  const layers = map
    .getStyle()
    .layers.map((l) => l.id)
    .filter((id) => clickTarget(id) !== null);
  const hit = map.queryRenderedFeatures(box, { layers })[0];
  if (!hit) {
    // Units below icon zoom are GL points, not features maplibre can query.
    const unitId = units?.nearest(point, HIT_RADIUS);
    return unitId ? { kind: 'select', target: { kind: 'unit', id: unitId } } : null;
  }
  const target = clickTarget(hit.layer.id);
  if (target === null) return null;
  if (target === 'cluster') return { kind: 'cluster' };
  return { kind: 'select', target: { kind: target, id: String(hit.properties.id) } };
}
