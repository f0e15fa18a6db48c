/// <reference types="geojson" />
import type { GeoJSONSource, Map as MaplibreMap } from 'maplibre-gl';
import type { EventEnvelope, Unit, UnitPosition } from '../../../shared/protocol';
import { MAP_FONT } from '../basemap/mapFont';
import { unitIcon } from './icons';
import type { MapMetrics } from './metrics';
import { UNIT_STATUS_STYLE } from './symbology';
import { UnitDots } from './unitDots';

/**
 * Units on the map, kept current WITHOUT React: position batches come straight from the
 * connection's applied-events tap and never wait for a worker below street zoom.
 *
 * Below ICON_MINZOOM (the City overview, where thousands are in view) every unit is a GL point
 * of `UnitDots`: an update is a typed-array write and the next frame shows it. From ICON_MINZOOM,
 * where few units are in view, icons with heading, callsign and status are maplibre symbol layers
 * over GeoJSON sources, fed only the units that moved with `updateData` and only while they are
 * visible (when the operator zooms in, they are reloaded once).
 *
 * Two maplibre limits shape the icon path: a diff of 1,000 changes or more falls back to a full
 * reload, and symbol layers stop placing icons beyond ~32k close together. So icons live in shards
 * of at most SHARD_SIZE features, one GeoJSON source each (every diff stays far below 1,000 and
 * the worker re-indexes only a small source).
 */
export const SHARD_SIZE = 500;
/** Zoom from which units are icons with labels (below it, GL dots). */
export const ICON_MINZOOM = 15;
/** Icon sources are kept current from a little below ICON_MINZOOM, so zooming in shows them at once. */
const ICON_LIVE_ZOOM = ICON_MINZOOM - 0.5;
const LABEL_MINZOOM = 16;
/** Units in view that glide between updates; more than this just jump (nobody can follow them). */
const MAX_TWEENED = 400;
const TWEEN_MS = 900;

export type UnitUpdateMode = 'incremental' | 'naive';

interface UnitState {
  id: string;
  fid: number;
  shard: number;
  callsign: string;
  kind: Unit['kind'];
  status: Unit['status'];
  lon: number;
  lat: number;
  heading: number;
  /** Where the dot is drawn while it glides towards lon/lat. */
  shownLon: number;
  shownLat: number;
  tweenFrom: [number, number] | null;
  tweenStart: number;
}

interface Pending {
  /** Units whose geometry changed, by fid. */
  moved: Set<number>;
  /** Units whose properties changed (status, kind). */
  restyled: Set<number>;
  /** Oldest SMS timestamp among the events folded in (for event-to-pixel latency). */
  oldestTs: number;
}

const sourceId = (shard: number) => `units-${shard}`;

export class UnitLayer {
  private readonly units = new Map<string, UnitState>();
  private readonly byFid: UnitState[] = [];
  private unitAt(fid: number): UnitState {
    const unit = this.byFid[fid];
    if (!unit) throw new Error(`No unit with feature id ${fid}`);
    return unit;
  }
  private pending = new Map<number, Pending>();
  private readonly busy = new Set<number>();
  private shards = 0;
  private frameHandle = 0;
  private installed = false;
  private readonly tweening = new Set<number>();
  private followId: string | null = null;
  private awaitingPixels: number[] = [];
  private naiveFrameMs = 0;
  private gate = 0;
  private flushedSinceFrame = false;
  private applyMsSinceFrame = 0;
  /** GL points below ICON_MINZOOM (incremental mode only: the naive baseline draws GeoJSON circles). */
  private readonly dots: UnitDots | null;
  /** Icon sources missed updates while zoomed out and need a reload before they are seen. */
  private iconsStale = false;

  constructor(
    private readonly map: MaplibreMap,
    private readonly mode: UnitUpdateMode = 'incremental',
    private readonly metrics: MapMetrics | null = null,
  ) {
    this.dots = mode === 'incremental' ? new UnitDots('units-dots', ICON_MINZOOM) : null;
    map.on('render', this.onRender);
    map.on('zoom', this.onZoom);
  }

  /** Replaces every unit (first snapshot, or a snapshot reloaded after a gap). */
  seed(units: readonly Unit[]): void {
    this.units.clear();
    this.byFid.length = 0;
    this.pending.clear();
    this.tweening.clear();
    this.dots?.resize(0);
    for (const unit of units) this.addUnit(unit);
    if (this.installed) this.reloadAll();
    this.dots?.repaint();
  }

  /** Adds the sources and layers to the map's current style (again after a theme change). */
  install(beforeLayer?: string): void {
    this.installed = true;
    const count = this.mode === 'naive' ? 1 : Math.max(1, Math.ceil(this.byFid.length / SHARD_SIZE));
    this.shards = 0;
    if (this.dots && !this.map.getLayer(this.dots.id)) this.map.addLayer(this.dots, beforeLayer);
    this.ensureShards(count, beforeLayer);
    this.reloadAll();
  }

  /** The unit the view follows, or null. */
  follow(unitId: string | null): void {
    this.followId = unitId;
    const unit = unitId ? this.units.get(unitId) : undefined;
    if (unit) this.map.easeTo({ center: [unit.lon, unit.lat], duration: 300 });
  }

  get following(): string | null {
    return this.followId;
  }

  position(unitId: string): [number, number] | null {
    const unit = this.units.get(unitId);
    return unit ? [unit.lon, unit.lat] : null;
  }

  /** The unit drawn nearest to a screen point, within `radius` pixels, or null. */
  nearest(point: { x: number; y: number }, radius: number): string | null {
    let best: string | null = null;
    let bestDistance = radius * radius;
    const bounds = this.map.getBounds();
    for (const unit of this.byFid) {
      if (!bounds.contains([unit.shownLon, unit.shownLat])) continue;
      const p = this.map.project([unit.shownLon, unit.shownLat]);
      const d = (p.x - point.x) ** 2 + (p.y - point.y) ** 2;
      if (d <= bestDistance) {
        bestDistance = d;
        best = unit.id;
      }
    }
    return best;
  }

  /** Folds applied events in; the map is touched once per animation frame at most. */
  receive(events: readonly EventEnvelope[]): void {
    const started = performance.now();
    let oldest = Infinity;
    for (const event of events) {
      if (event.type === 'unit.positions' || event.type === 'unit.status') oldest = Math.min(oldest, event.ts);
    }
    for (const event of events) {
      if (event.type === 'unit.positions') this.movePositions(event.payload.positions, event.ts);
      else if (event.type === 'unit.status') this.restyle(event.payload.unit, event.ts);
    }
    if (this.mode === 'naive') {
      // The baseline being measured: every event rewrites every unit of the source. Its cost is
      // summed per animation frame, so both modes report main-thread time per frame.
      const started = performance.now();
      // Latency from the SMS's timestamp, once the worker has the data, as for the incremental path.
      const oldest = Math.min(...events.map((e) => e.ts));
      void this.source(0)
        ?.setData({ type: 'FeatureCollection', features: this.byFid.map(feature) })
        .then(() => this.awaitingPixels.push(oldest));
      this.naiveFrameMs += performance.now() - started;
      if (this.frameHandle === 0) {
        this.frameHandle = requestAnimationFrame(() => {
          this.frameHandle = 0;
          this.metrics?.recordApply(this.naiveFrameMs);
          this.naiveFrameMs = 0;
        });
      }
      return;
    }
    if (this.dots && oldest !== Infinity && this.map.getZoom() < ICON_MINZOOM) {
      // The GL points already hold the new positions: the next frame shows them.
      this.dots.repaint();
      this.awaitingPixels.push(oldest);
    }
    this.applyMsSinceFrame += performance.now() - started;
    if (this.gate === 0) this.gate = requestAnimationFrame(this.onGate);
    if (this.pending.size > 0 || this.followId) this.flushSoon();
  }

  dispose(): void {
    cancelAnimationFrame(this.frameHandle);
    cancelAnimationFrame(this.gate);
    this.map.off('render', this.onRender);
    this.map.off('zoom', this.onZoom);
  }

  private iconsLive(): boolean {
    return this.map.getZoom() >= ICON_LIVE_ZOOM;
  }

  private readonly onZoom = (): void => {
    if (!this.iconsStale || !this.installed || !this.iconsLive()) return;
    this.iconsStale = false;
    this.pending.clear();
    for (let shard = 0; shard < this.shards; shard++) this.reloadShard(shard);
  };

  private addUnit(unit: Unit): UnitState {
    const fid = this.byFid.length;
    const state: UnitState = {
      id: unit.id,
      fid,
      shard: this.mode === 'naive' ? 0 : Math.floor(fid / SHARD_SIZE),
      callsign: unit.callsign,
      kind: unit.kind,
      status: unit.status,
      lon: unit.position.lon,
      lat: unit.position.lat,
      heading: unit.heading,
      shownLon: unit.position.lon,
      shownLat: unit.position.lat,
      tweenFrom: null,
      tweenStart: 0,
    };
    this.units.set(unit.id, state);
    this.byFid.push(state);
    if (this.dots) {
      this.dots.resize(this.byFid.length);
      this.dots.setPosition(fid, state.lon, state.lat);
      this.dots.setStatus(fid, state.status);
    }
    return state;
  }

  private pendingFor(shard: number, ts: number): Pending {
    let p = this.pending.get(shard);
    if (!p) {
      p = { moved: new Set(), restyled: new Set(), oldestTs: ts };
      this.pending.set(shard, p);
    }
    p.oldestTs = Math.min(p.oldestTs, ts);
    return p;
  }

  private movePositions(positions: readonly UnitPosition[], ts: number): void {
    for (const p of positions) {
      const unit = this.units.get(p.id);
      if (!unit) continue;
      unit.lon = p.lon;
      unit.lat = p.lat;
      unit.heading = p.heading;
      if (this.mode === 'naive') this.snap(unit);
      else this.moved(unit, ts);
    }
  }

  private restyle(record: Unit, ts: number): void {
    let unit = this.units.get(record.id);
    if (!unit) {
      unit = this.addUnit(record);
      if (this.installed) this.ensureShards(unit.shard + 1);
    }
    unit.status = record.status;
    unit.kind = record.kind;
    unit.callsign = record.callsign;
    unit.lon = record.position.lon;
    unit.lat = record.position.lat;
    unit.heading = record.heading;
    if (this.mode === 'naive') return;
    this.dots?.setStatus(unit.fid, unit.status);
    this.moved(unit, ts);
    if (this.iconsLive()) this.pendingFor(unit.shard, ts).restyled.add(unit.fid);
  }

  /** A unit's new position goes to the GL points now, and to its icon source only while icons are seen. */
  private moved(unit: UnitState, ts: number): void {
    this.dots?.setPosition(unit.fid, unit.lon, unit.lat);
    if (this.iconsLive()) this.pendingFor(unit.shard, ts).moved.add(unit.fid);
    else {
      this.snap(unit);
      this.iconsStale = true;
    }
  }

  private snap(unit: UnitState): void {
    unit.shownLon = unit.lon;
    unit.shownLat = unit.lat;
    unit.tweenFrom = null;
  }

  private schedule(): void {
    if (this.frameHandle === 0) this.frameHandle = requestAnimationFrame(this.onFrame);
  }

  /**
   * The first batch after a frame goes to maplibre at once (waiting for the next frame would add
   * a whole frame of latency, which is long with software GL); anything later before the next
   * frame is folded into that frame's diff. So the map gets at most about one diff per source
   * per frame, and never waits for one it could already draw.
   */
  private flushSoon(): void {
    if (!this.installed || this.flushedSinceFrame) {
      this.schedule();
      return;
    }
    this.flush(performance.now());
    if (this.pending.size > 0) this.schedule();
  }

  private readonly onGate = (): void => {
    this.gate = 0;
    this.flushedSinceFrame = false;
    // Main-thread time spent applying updates in the frame just ended.
    this.metrics?.recordApply(this.applyMsSinceFrame);
    this.applyMsSinceFrame = 0;
  };

  private readonly onFrame = (now: number): void => {
    this.frameHandle = 0;
    if (!this.installed) return;
    this.flush(now);
    if (this.pending.size > 0 || this.tweening.size > 0) this.schedule();
  };

  private flush(now: number): void {
    const started = performance.now();
    const tweenable = this.tweenableNow();
    for (const [shard, p] of this.pending) {
      // One update in flight per source: later moves wait and are folded into the next diff.
      if (this.busy.has(shard)) continue;
      this.pending.delete(shard);
      this.sendDiff(shard, p, now, tweenable);
    }
    this.stepTweens(now);
    if (this.followId) {
      const unit = this.units.get(this.followId);
      if (unit) this.map.setCenter([unit.shownLon, unit.shownLat]);
    }
    this.applyMsSinceFrame += performance.now() - started;
    this.flushedSinceFrame = true;
    if (this.gate === 0) this.gate = requestAnimationFrame(this.onGate);
  }

  /** Glide only when the view is close and holds few units: a handful of frames of work at most. */
  private tweenableNow(): ((unit: UnitState) => boolean) | null {
    if (this.map.getZoom() < ICON_MINZOOM) return null;
    const bounds = this.map.getBounds();
    let budget = MAX_TWEENED - this.tweening.size;
    return (unit) => budget-- > 0 && bounds.contains([unit.lon, unit.lat]);
  }

  private sendDiff(shard: number, p: Pending, now: number, tweenable: ((unit: UnitState) => boolean) | null): void {
    const update: {
      id: number;
      newGeometry?: GeoJSON.Point;
      addOrUpdateProperties?: { key: string; value: unknown }[];
    }[] = [];
    for (const fid of p.moved) {
      if (p.restyled.has(fid)) continue; // sent whole below
      const unit = this.unitAt(fid);
      if (tweenable && tweenable(unit)) {
        unit.tweenFrom = [unit.shownLon, unit.shownLat];
        unit.tweenStart = now;
        this.tweening.add(fid);
        // The heading turns at once; the position follows frame by frame.
        update.push({ id: fid, addOrUpdateProperties: [{ key: 'heading', value: unit.heading }] });
        continue;
      }
      this.snap(unit);
      this.tweening.delete(fid);
      update.push({
        id: fid,
        newGeometry: { type: 'Point', coordinates: [unit.lon, unit.lat] },
        addOrUpdateProperties: [{ key: 'heading', value: unit.heading }],
      });
    }
    const add: GeoJSON.Feature[] = [];
    const source = this.source(shard);
    for (const fid of p.restyled) {
      const unit = this.unitAt(fid);
      this.snap(unit);
      update.push({ id: fid, newGeometry: point(unit), addOrUpdateProperties: propertyList(unit) });
    }
    if (!source) return;
    this.busy.add(shard);
    const ts = p.oldestTs;
    source
      .updateData({ update, add })
      .then(() => this.awaitingPixels.push(ts))
      .catch(() => this.reloadShard(shard))
      .finally(() => {
        this.busy.delete(shard);
        if (this.pending.has(shard)) this.schedule();
      });
  }

  private stepTweens(now: number): void {
    if (this.tweening.size === 0) return;
    const byShard = new Map<number, { id: number; newGeometry: GeoJSON.Point }[]>();
    for (const fid of this.tweening) {
      const unit = this.unitAt(fid);
      if (!unit.tweenFrom) {
        this.tweening.delete(fid);
        continue;
      }
      const t = Math.min(1, (now - unit.tweenStart) / TWEEN_MS);
      const e = t * (2 - t);
      unit.shownLon = unit.tweenFrom[0] + (unit.lon - unit.tweenFrom[0]) * e;
      unit.shownLat = unit.tweenFrom[1] + (unit.lat - unit.tweenFrom[1]) * e;
      if (t >= 1) {
        unit.tweenFrom = null;
        this.tweening.delete(fid);
      }
      const list = byShard.get(unit.shard) ?? [];
      list.push({ id: fid, newGeometry: { type: 'Point', coordinates: [unit.shownLon, unit.shownLat] } });
      byShard.set(unit.shard, list);
    }
    for (const [shard, update] of byShard) void this.source(shard)?.updateData({ update });
  }

  private readonly onRender = (): void => {
    if (this.awaitingPixels.length === 0) return;
    // updateData has resolved: this frame is the first that can show those positions.
    const shownAt = Date.now();
    for (const ts of this.awaitingPixels) this.metrics?.recordLatency(shownAt - ts);
    this.awaitingPixels = [];
  };

  private source(shard: number): GeoJSONSource | undefined {
    return this.map.getSource<GeoJSONSource>(sourceId(shard));
  }

  private ensureShards(count: number, beforeLayer?: string): void {
    for (let shard = this.shards; shard < count; shard++) {
      const id = sourceId(shard);
      if (!this.map.getSource(id)) this.map.addSource(id, { type: 'geojson', data: emptyCollection(), buffer: 16 });
      // The naive baseline draws its dots as GeoJSON circles, as a plain maplibre map would.
      if (this.mode === 'naive')
        this.map.addLayer(
          {
            id: `${id}-dot`,
            type: 'circle',
            source: id,
            maxzoom: ICON_MINZOOM,
            paint: {
              'circle-radius': ['interpolate', ['linear'], ['zoom'], 12, 2.5, 15, 5],
              'circle-color': ['get', 'colour'],
              'circle-stroke-color': '#05080b',
              'circle-stroke-width': 1,
            },
          },
          beforeLayer,
        );
      this.map.addLayer(
        {
          id: `${id}-heading`,
          type: 'symbol',
          source: id,
          minzoom: ICON_MINZOOM,
          layout: {
            'icon-image': 'unit-heading',
            'icon-rotate': ['get', 'heading'],
            'icon-rotation-alignment': 'map',
            'icon-allow-overlap': true,
            'icon-ignore-placement': true,
          },
        },
        beforeLayer,
      );
      this.map.addLayer(
        {
          id: `${id}-icon`,
          type: 'symbol',
          source: id,
          minzoom: ICON_MINZOOM,
          layout: {
            'icon-image': ['get', 'icon'],
            'icon-allow-overlap': true,
            'text-field': [
              'step',
              ['zoom'],
              '',
              LABEL_MINZOOM,
              ['concat', ['get', 'callsign'], '\n', ['get', 'statusText']],
            ],
            'text-font': [MAP_FONT],
            'text-size': 11,
            'text-offset': [0, 1.3],
            'text-anchor': 'top',
            'text-optional': true,
          },
          paint: { 'text-color': ['get', 'colour'], 'text-halo-color': '#05080b', 'text-halo-width': 1.5 },
        },
        beforeLayer,
      );
    }
    this.shards = Math.max(this.shards, count);
  }

  private reloadAll(): void {
    if (this.mode === 'naive') {
      this.source(0)?.setData({ type: 'FeatureCollection', features: this.byFid.map(feature) });
      return;
    }
    this.ensureShards(Math.max(1, Math.ceil(this.byFid.length / SHARD_SIZE)));
    this.pending.clear();
    // Zoomed out, icons are not drawn: load them when the operator zooms in (see onZoom).
    this.iconsStale = !this.iconsLive();
    if (this.iconsStale) return;
    for (let shard = 0; shard < this.shards; shard++) this.reloadShard(shard);
  }

  private reloadShard(shard: number): void {
    const features = this.byFid.slice(shard * SHARD_SIZE, (shard + 1) * SHARD_SIZE).map((u) => {
      this.snap(u);
      return feature(u);
    });
    this.source(shard)?.setData({ type: 'FeatureCollection', features });
  }
}

function point(unit: UnitState): GeoJSON.Point {
  return { type: 'Point', coordinates: [unit.shownLon, unit.shownLat] };
}

function properties(unit: UnitState) {
  const status = UNIT_STATUS_STYLE[unit.status];
  return {
    id: unit.id,
    callsign: unit.callsign,
    kind: unit.kind,
    status: unit.status,
    statusText: status.label,
    colour: status.colour,
    icon: unitIcon(unit.kind, unit.status),
    heading: unit.heading,
  };
}

function propertyList(unit: UnitState): { key: string; value: unknown }[] {
  return Object.entries(properties(unit)).map(([key, value]) => ({ key, value }));
}

function feature(unit: UnitState): GeoJSON.Feature {
  return { type: 'Feature', id: unit.fid, geometry: point(unit), properties: properties(unit) };
}

function emptyCollection(): GeoJSON.FeatureCollection {
  return { type: 'FeatureCollection', features: [] };
}
