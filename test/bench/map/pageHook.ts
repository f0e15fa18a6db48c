/**
 * Runs in the page (bundled by `vite.config.mts`, injected by `installMapBench`) before the app:
 * it defines the map's bench hook (`renderer/map/benchHook.ts`) and keeps, for the bench and the
 * map e2e tests to read, `window.__jccrMapBench.{ready, metrics, map, basemap, units}`.
 */
import type { Map as MaplibreMap } from 'maplibre-gl';
import type { MapBenchHook } from '../../../renderer/map/benchHook';
import type { MapUnits } from '../../../renderer/map/live/mapUnits';
import { LayerCosts } from './layerCosts';
import { MapMetrics } from './metrics';
import { NaiveUnitLayer } from './naiveUnitLayer';
import type { UnitUpdateMode } from './modes';

declare global {
  interface Window {
    __jccrMapBenchMode?: UnitUpdateMode;
  }
}

interface BenchPage extends MapBenchHook {
  /** Both maps have loaded (the live one with its layers installed). */
  ready: boolean;
  metrics: MapMetrics | null;
  /** Draw and update time per live layer family (layerCosts.ts). */
  layers: LayerCosts | null;
  map: MaplibreMap | null;
  basemap: MaplibreMap | null;
  units: MapUnits | null;
}

const mode = window.__jccrMapBenchMode ?? 'incremental';

const bench: BenchPage = {
  ready: false,
  metrics: null,
  layers: null,
  map: null,
  basemap: null,
  units: null,
  // Called again when the maps are rebuilt (a configured style falling back): all afresh.
  attach({ live, basemap, unitDots }, productUnits) {
    const metrics = new MapMetrics();
    const units = mode === 'naive' ? new NaiveUnitLayer(live, metrics) : productUnits(metrics);
    const layers = new LayerCosts();
    Object.assign(bench, { ready: false, metrics, layers, map: live, basemap, units });
    let loading = 2;
    const loaded = () => {
      loading -= 1;
      if (loading === 0) bench.ready = true;
    };
    // 'load' follows the first 'style.load', whose handler installs the live layers and units.
    live.once('load', () => {
      layers.watchDraws(live);
      layers.watchUpdates(live, 'incidents');
      loaded();
    });
    // The product's dots are drawn on a map of their own: its draws count as the dots layer's.
    unitDots.once('load', () => layers.watchDraws(unitDots));
    basemap.once('load', loaded);
    return units;
  },
};

window.__jccrMapBench = bench;
