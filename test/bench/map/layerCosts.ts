import type { Map as MaplibreMap } from 'maplibre-gl';

/**
 * What each live layer costs on the page's main thread, for `npm run bench:map`'s per-layer
 * figures: the time maplibre spends drawing each layer (its painter's `renderLayer`, per frame)
 * and the time spent handing each GeoJSON source new data (`setData`/`updateData`: the call
 * itself, i.e. serialising and posting to the worker; the worker's share is in the trace's
 * `workers` figure). Layers are grouped by the source they draw (`units-3` → `unitIcons`), so the
 * figures read as the legend's layers do.
 *
 * It reaches into maplibre's painter and source prototype, which are not public API: that is
 * acceptable in a benchmark (the product never loads this), and if a future maplibre renames
 * them the figures are simply missing (`installed` stays 0/false), never wrong. Each map has its
 * own painter: the live map's and the unit dots' map's are both watched.
 */
export interface LayerCost {
  drawMs: number;
  draws: number;
  updateMs: number;
  updates: number;
}

export function layerFamily(sourceOrLayer: string): string {
  if (sourceOrLayer === 'units-dots') return 'unitDots';
  if (/^units-\d+$/.test(sourceOrLayer)) return 'unitIcons';
  if (sourceOrLayer.startsWith('overlay')) return 'overlays';
  return sourceOrLayer;
}

interface PainterLike {
  renderLayer: (painter: unknown, tiles: unknown, layer: { id: string; source?: string }, ...rest: unknown[]) => void;
}
interface SourceLike {
  id: string;
  setData: (...args: unknown[]) => unknown;
  updateData: (...args: unknown[]) => unknown;
}

export class LayerCosts {
  private costs = new Map<string, LayerCost>();
  installed = { draw: 0, update: false };
  private readonly watched = new WeakSet<object>();

  private cost(family: string): LayerCost {
    let c = this.costs.get(family);
    if (!c) {
      c = { drawMs: 0, draws: 0, updateMs: 0, updates: 0 };
      this.costs.set(family, c);
    }
    return c;
  }

  /** Wraps the live map's painter (draw time per layer). Call once the map has loaded. */
  watchDraws(map: MaplibreMap): void {
    const painter = (map as unknown as { painter?: PainterLike }).painter;
    if (!painter || typeof painter.renderLayer !== 'function' || this.watched.has(painter)) return;
    this.watched.add(painter);
    const original = painter.renderLayer.bind(painter);
    painter.renderLayer = (p, tiles, layer, ...rest) => {
      const started = performance.now();
      try {
        original(p, tiles, layer, ...rest);
      } finally {
        const c = this.cost(layerFamily(layer.source ?? layer.id));
        c.drawMs += performance.now() - started;
        c.draws += 1;
      }
    };
    this.installed.draw += 1;
  }

  /** Wraps GeoJSON sources' data calls (shared prototype), counting only the live map's sources. */
  watchUpdates(map: MaplibreMap, anySourceId: string): void {
    const source = map.getSource(anySourceId) as unknown as SourceLike | undefined;
    if (!source || this.installed.update) return;
    const proto = Object.getPrototypeOf(source) as SourceLike;
    const ours = (s: SourceLike) => map.getSource(s.id) === (s as unknown);
    for (const name of ['setData', 'updateData'] as const) {
      const original = proto[name];
      if (typeof original !== 'function') continue;
      const record = (source: SourceLike, ms: number) => {
        if (!ours(source)) return;
        const c = this.cost(layerFamily(source.id));
        c.updateMs += ms;
        c.updates += 1;
      };
      proto[name] = function (this: SourceLike, ...args: unknown[]) {
        const started = performance.now();
        try {
          return original.apply(this, args);
        } finally {
          record(this, performance.now() - started);
        }
      };
    }
    this.installed.update = true;
  }

  /** Hands the figures over and starts afresh. */
  drain(): Record<string, LayerCost> {
    const out = Object.fromEntries(this.costs);
    this.costs = new Map();
    return out;
  }
}
