import type { Map as MaplibreMap } from 'maplibre-gl';
import type { EventEnvelope, Unit } from '../../../shared/protocol';
import { SHARD_SIZE } from './unitIconLayers';
import { UnitLayer } from './unitLayer';

// A stand-in for maplibre's Map and GeoJSON sources (a third-party API, not the project's own):
// it records what the layer asks of it.
class FakeSource {
  setDataCalls: number[] = [];
  diffs: { update: { id: number }[] }[] = [];
  resolve: (() => void)[] = [];
  setData(data: { features: unknown[] }) {
    this.setDataCalls.push(data.features.length);
  }
  updateData(diff: { update: { id: number }[] }) {
    this.diffs.push(diff);
    return new Promise<void>((r) => this.resolve.push(r));
  }
}

class FakeMap {
  sources = new Map<string, FakeSource>();
  layers: string[] = [];
  zoom = 16;
  private zoomListener: (() => void) | null = null;
  on(type: string, listener: () => void) {
    if (type === 'zoom') this.zoomListener = listener;
  }
  off() {}
  zoomTo(zoom: number) {
    this.zoom = zoom;
    this.zoomListener?.();
  }
  getZoom() {
    return this.zoom;
  }
  getBounds() {
    return { contains: () => false };
  }
  getLayer(id: string) {
    return this.layers.includes(id) ? { id } : undefined;
  }
  getSource(id: string) {
    return this.sources.get(id);
  }
  addSource(id: string) {
    this.sources.set(id, new FakeSource());
  }
  addLayer(layer: { id: string }) {
    this.layers.push(layer.id);
  }
}

let frames: FrameRequestCallback[] = [];
beforeEach(() => {
  frames = [];
  globalThis.requestAnimationFrame = (cb: FrameRequestCallback) => frames.push(cb);
  globalThis.cancelAnimationFrame = () => undefined;
});
const runFrame = () => {
  const due = frames;
  frames = [];
  for (const cb of due) cb(performance.now());
};
const flush = () => new Promise((r) => setImmediate(r));

function unit(i: number): Unit {
  return {
    id: `unit-${i}`,
    callsign: `C${i}`,
    kind: 'car',
    status: 'available',
    position: { lon: -0.09, lat: 51.51 },
    heading: 0,
    speed: 0,
    skills: [],
    incidentId: null,
    updatedAt: '2026-11-25T00:00:00.000Z',
  };
}

const positions = (seq: number, ids: number[]): EventEnvelope => ({
  seq,
  ts: Date.now(),
  type: 'unit.positions',
  payload: { positions: ids.map((i) => ({ id: `unit-${i}`, lon: -0.08, lat: 51.52, heading: 90, speed: 3 })) },
});

describe('UnitLayer', () => {
  const N = 2_300;
  const setup = (zoom = 16) => {
    const map = new FakeMap();
    map.zoom = zoom;
    const layer = new UnitLayer(map as unknown as MaplibreMap);
    layer.seed(Array.from({ length: N }, (_, i) => unit(i)));
    layer.install();
    return { map, layer };
  };

  it('spreads units over shards of at most SHARD_SIZE features, loaded once each', () => {
    const { map } = setup();
    expect(map.sources.size).toBe(Math.ceil(N / SHARD_SIZE));
    for (const s of map.sources.values()) expect(s.setDataCalls.at(-1)).toBeLessThanOrEqual(SHARD_SIZE);
  });

  it('sends the first batch at once, folds the rest of the frame into small diffs per shard', async () => {
    const { map, layer } = setup();
    const all = Array.from({ length: N }, (_, i) => i);
    const sources = [...map.sources.values()];
    layer.receive([positions(1, all.slice(0, 1_200))]);
    const first = sources.flatMap((s) => s.diffs).length;
    expect(first).toBe(3); // shards 0, 1 and 2 (units 0-1,199), without waiting for a frame
    layer.receive([positions(2, all.slice(1_200))]);
    expect(sources.flatMap((s) => s.diffs)).toHaveLength(first); // waits for the next frame
    for (let i = 0; i < 4; i++) {
      runFrame();
      for (const s of sources) s.resolve.splice(0).forEach((r) => r());
      await flush();
    }
    const diffs = sources.flatMap((s) => s.diffs);
    // Far below maplibre's 1,000-change full-reload threshold, and every unit sent exactly once.
    for (const d of diffs) expect(d.update.length).toBeLessThanOrEqual(SHARD_SIZE);
    expect(diffs.reduce((n, d) => n + d.update.length, 0)).toBe(N);
  });

  it('keeps one update in flight per source and folds later moves into the next', async () => {
    const { map, layer } = setup();
    const shard0 = map.sources.get('units-0')!;
    layer.receive([positions(1, [1, 2])]);
    layer.receive([positions(2, [3])]);
    runFrame();
    layer.receive([positions(3, [4])]);
    runFrame();
    expect(shard0.diffs).toHaveLength(1);
    shard0.resolve.shift()!();
    await flush();
    runFrame();
    expect(shard0.diffs).toHaveLength(2);
    expect(shard0.diffs[1]!.update.map((u) => u.id).sort()).toEqual([3, 4]);
  });

  it('draws units as GL points when zoomed out, sending nothing to the icon sources', () => {
    const { map, layer } = setup(13);
    expect(map.layers).toContain('units-dots');
    for (const s of map.sources.values()) expect(s.setDataCalls).toHaveLength(0);
    layer.receive([positions(1, [1, 2, 600])]);
    runFrame();
    for (const s of map.sources.values()) expect(s.diffs).toHaveLength(0);
  });

  it('loads the icon sources once, with the latest positions, when the operator zooms in', () => {
    const { map, layer } = setup(13);
    layer.receive([positions(1, [1, 2])]);
    map.zoomTo(14.8);
    map.zoomTo(15.5);
    for (const s of map.sources.values()) expect(s.setDataCalls).toHaveLength(1);
    expect(layer.position('unit-1')).toEqual([-0.08, 51.52]);
  });

  it('draws the GL points on a map of their own when given one', () => {
    const live = new FakeMap();
    live.zoom = 13;
    // A map whose style loads after the layer is made, as the real dots map's does.
    class FakeDotsMap extends FakeMap {
      styleListener: (() => void) | null = null;
      isStyleLoaded() {
        return false;
      }
      override on(type: string, listener: () => void) {
        if (type === 'style.load') this.styleListener = listener;
      }
    }
    const dotsMap = new FakeDotsMap();
    dotsMap.zoom = 13;
    const layer = new UnitLayer(live as unknown as MaplibreMap, null, dotsMap as unknown as MaplibreMap);
    layer.seed(Array.from({ length: 10 }, (_, i) => unit(i)));
    layer.install();
    expect(live.layers).not.toContain('units-dots');
    dotsMap.styleListener?.();
    expect(dotsMap.layers).toEqual(['units-dots']);
    // The icon shards stay on the live map, where clicks and labels are.
    expect(live.sources.size).toBe(1);
    layer.dispose();
  });
});
