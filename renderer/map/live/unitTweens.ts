import { ICON_MINZOOM } from './unitIconLayers';
import type { UnitState } from './unitState';

/** Units in view that glide between updates; more than this just jump (nobody can follow them). */
export const MAX_TWEENED = 400;
export const TWEEN_MS = 900;

/** Enough of maplibre's LngLatBounds to ask whether a unit is in view. */
export interface ViewBounds {
  contains(lngLat: [number, number]): boolean;
}

/**
 * Units gliding from where they were drawn to their last report, over TWEEN_MS with an ease-out,
 * so an operator following a few units at street zoom sees them move rather than jump.
 */
export class UnitTweens {
  private readonly gliding = new Set<UnitState>();

  get size(): number {
    return this.gliding.size;
  }

  clear(): void {
    this.gliding.clear();
  }

  /**
   * Which moved units may glide now, or null when none may: only close in (icon zoom), only in
   * view, and only up to MAX_TWEENED at once, so a glide is a handful of frames of work at most.
   */
  admission(zoom: number, bounds: ViewBounds): ((unit: UnitState) => boolean) | null {
    if (zoom < ICON_MINZOOM) return null;
    let budget = MAX_TWEENED - this.gliding.size;
    return (unit) => budget-- > 0 && bounds.contains([unit.lon, unit.lat]);
  }

  /** The unit glides from where it is drawn now towards its last report. */
  start(unit: UnitState, now: number): void {
    unit.tweenFrom = [unit.shownLon, unit.shownLat];
    unit.tweenStart = now;
    this.gliding.add(unit);
  }

  /** The unit no longer glides (it was snapped to its report). */
  stop(unit: UnitState): void {
    this.gliding.delete(unit);
  }

  /** Moves every gliding unit's drawn position to time `now`; returns the units moved, by shard. */
  step(now: number): Map<number, UnitState[]> {
    const byShard = new Map<number, UnitState[]>();
    for (const unit of this.gliding) {
      const from = unit.tweenFrom;
      if (!from) {
        this.gliding.delete(unit);
        continue;
      }
      const t = Math.min(1, (now - unit.tweenStart) / TWEEN_MS);
      const e = easeOut(t);
      unit.shownLon = from[0] + (unit.lon - from[0]) * e;
      unit.shownLat = from[1] + (unit.lat - from[1]) * e;
      if (t >= 1) {
        unit.tweenFrom = null;
        this.gliding.delete(unit);
      }
      const list = byShard.get(unit.shard) ?? [];
      list.push(unit);
      byShard.set(unit.shard, list);
    }
    return byShard;
  }
}

/** Quadratic ease-out: fast at first, settling gently on the reported position. */
export function easeOut(t: number): number {
  return t * (2 - t);
}
