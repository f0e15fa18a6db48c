import type { ViewBounds } from './unitTweens';
import type { UnitState } from './unitState';

/** What hit-testing needs of the map: the view, and where a point is drawn on screen. */
export interface ScreenView {
  getBounds(): ViewBounds;
  project(lngLat: [number, number]): { x: number; y: number };
}

/**
 * The unit drawn nearest to a screen point, within `radius` pixels, or null. Units below icon zoom
 * are GL points, not features maplibre can query, so clicks find them here.
 */
export function nearestUnit(
  units: Iterable<UnitState>,
  view: ScreenView,
  point: { x: number; y: number },
  radius: number,
): string | null {
  let best: string | null = null;
  let bestDistance = radius * radius;
  const bounds = view.getBounds();
  for (const unit of units) {
    if (!bounds.contains([unit.shownLon, unit.shownLat])) continue;
    const p = view.project([unit.shownLon, unit.shownLat]);
    const d = (p.x - point.x) ** 2 + (p.y - point.y) ** 2;
    if (d <= bestDistance) {
      bestDistance = d;
      best = unit.id;
    }
  }
  return best;
}
