import type { Map as MaplibreMap } from 'maplibre-gl';
import type { MapUnits, UnitTimings } from './live/mapUnits';

/**
 * The map benchmark's one way into the product page (`test/bench/map/`; the map e2e tests use it
 * too). The bench defines `window.__jccrMapBench` before the app loads; in every other run it is
 * undefined and the maps are built exactly as without it. While it is there the maps keep their
 * drawing buffers (so the bench can read pixels), and each time the maps are created the hook is
 * handed both and chooses the unit layer: the product's, with timings, or its own baseline.
 */
export interface MapBenchHook {
  attach(
    maps: { live: MaplibreMap; basemap: MaplibreMap; unitDots: MaplibreMap },
    productUnits: (timings: UnitTimings) => MapUnits,
  ): MapUnits;
}

declare global {
  interface Window {
    __jccrMapBench?: MapBenchHook;
  }
}

export function mapBenchHook(): MapBenchHook | undefined {
  return window.__jccrMapBench;
}
