import type { Map as MaplibreMap } from 'maplibre-gl';
import type { EventEnvelope, Unit, UnitPosition } from '../../../shared/protocol';
import type { MapUnits, UnitTimings } from './mapUnits';
import { UnitDots } from './unitDots';
import {
  addUnitIconLayers,
  addUnitSource,
  ICON_MINZOOM,
  SHARD_SIZE,
  shardCount,
  UNIT_DOTS_LAYER,
  unitSource,
} from './unitIconLayers';
import { UnitRoster } from './unitRoster';
import {
  applyRecord,
  movePosition,
  shownPoint,
  snap,
  unitFeature,
  unitPropertyList,
  type UnitState,
} from './unitState';
import { UnitTweens } from './unitTweens';

/** Icon sources are kept current from a little below ICON_MINZOOM, so zooming in shows them at once. */
const ICON_LIVE_ZOOM = ICON_MINZOOM - 0.5;

interface Pending {
  /** Units whose geometry changed, by fid. */
  moved: Set<number>;
  /** Units whose properties changed (status, kind). */
  restyled: Set<number>;
  /** Oldest SMS timestamp among the events folded in (for event-to-pixel latency). */
  oldestTs: number;
}

type IconUpdate = {
  id: number;
  newGeometry?: GeoJSON.Point;
  addOrUpdateProperties?: { key: string; value: unknown }[];
};

/**
 * Units on the map, kept current WITHOUT React: position batches come straight from the
 * connection's applied-events tap and never wait for a worker below street zoom.
 *
 * Below ICON_MINZOOM (the City overview, where thousands are in view) every unit is a GL point
 * of `UnitDots`: an update is a typed-array write and the next frame shows it. From ICON_MINZOOM,
 * where few units are in view, icons with heading, callsign and status are maplibre symbol layers
 * over sharded GeoJSON sources (`unitIconLayers.ts`), fed only the units that moved with
 * `updateData` and only while they are visible (when the operator zooms in, they are reloaded once).
 */
export class UnitLayer extends UnitRoster implements MapUnits {
  private pending = new Map<number, Pending>();
  private readonly busy = new Set<number>();
  private shards = 0;
  private frameHandle = 0;
  private installed = false;
  private readonly tweens = new UnitTweens();
  /** SMS times of updates handed to the icon sources, shown by the live map's next frame. */
  private awaitingPixels: number[] = [];
  /** SMS times of updates written to the dots, shown by the dots map's next frame. */
  private awaitingDots: number[] = [];
  private gate = 0;
  private flushedSinceFrame = false;
  private applyMsSinceFrame = 0;
  /** GL points below ICON_MINZOOM. */
  private readonly dots = new UnitDots(UNIT_DOTS_LAYER, ICON_MINZOOM);
  /** Icon sources missed updates while zoomed out and need a reload before they are seen. */
  private iconsStale = false;

  /**
   * `dotsMap` is the map the GL points are drawn on: a map of their own under the live map
   * (`createMaps.ts`), so a move repaints only them; by default the live map itself.
   */
  constructor(
    map: MaplibreMap,
    private readonly timings: UnitTimings | null = null,
    private readonly dotsMap: MaplibreMap = map,
  ) {
    super(map);
    if (timings) {
      map.on('render', this.onRender);
      dotsMap.on('render', this.onDotsRender);
    }
    map.on('zoom', this.onZoom);
    if (dotsMap !== map) {
      // Its style is empty and never changes, but add the dots again should it be reloaded.
      dotsMap.on('style.load', this.onDotsStyle);
      if (dotsMap.isStyleLoaded()) this.addDots();
    }
  }

  private addDots(beforeLayer?: string): void {
    if (!this.dotsMap.getLayer(this.dots.id)) this.dotsMap.addLayer(this.dots, beforeLayer);
  }

  private readonly onDotsStyle = (): void => this.addDots();

  seed(units: readonly Unit[]): void {
    this.clearUnits();
    this.pending.clear();
    this.tweens.clear();
    this.dots.resize(0);
    for (const unit of units) this.addUnit(unit);
    if (this.installed) this.reloadAll();
    this.dots.repaint();
  }

  install(beforeLayer?: string): void {
    this.installed = true;
    this.shards = 0;
    if (this.dotsMap === this.map) this.addDots(beforeLayer);
    this.ensureShards(shardCount(this.byFid.length), beforeLayer);
    this.reloadAll();
  }

  receive(events: readonly EventEnvelope[]): void {
    const started = performance.now();
    let oldest = Infinity;
    // Asked once per batch, not per unit: a batch is thousands of positions at 20,000 units.
    const iconsLive = this.iconsLive();
    for (const event of events) {
      if (event.type === 'unit.positions') {
        oldest = Math.min(oldest, event.ts);
        this.movePositions(event.payload.positions, event.ts, iconsLive);
      } else if (event.type === 'unit.status') {
        oldest = Math.min(oldest, event.ts);
        this.restyle(event.payload.unit, event.ts, iconsLive);
      }
    }
    if (oldest !== Infinity && this.map.getZoom() < ICON_MINZOOM) {
      // The GL points already hold the new positions: the dots map's next frame shows them.
      this.dots.repaint();
      if (this.timings) this.awaitingDots.push(oldest);
    }
    this.applyMsSinceFrame += performance.now() - started;
    if (this.gate === 0) this.gate = requestAnimationFrame(this.onGate);
    if (this.pending.size > 0 || this.followId) this.flushSoon();
  }

  dispose(): void {
    cancelAnimationFrame(this.frameHandle);
    cancelAnimationFrame(this.gate);
    this.map.off('render', this.onRender);
    this.dotsMap.off('render', this.onDotsRender);
    this.dotsMap.off('style.load', this.onDotsStyle);
    this.map.off('zoom', this.onZoom);
  }

  private unitAt(fid: number): UnitState {
    const unit = this.byFid[fid];
    if (!unit) throw new Error(`No unit with feature id ${fid}`);
    return unit;
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
    const state = this.addState(unit, (fid) => Math.floor(fid / SHARD_SIZE));
    this.dots.resize(this.byFid.length);
    this.dots.setPosition(state.fid, state.lon, state.lat);
    this.dots.setStatus(state.fid, state.status);
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

  private movePositions(positions: readonly UnitPosition[], ts: number, iconsLive: boolean): void {
    for (const p of positions) {
      const unit = this.units.get(p.id);
      if (!unit) continue;
      movePosition(unit, p);
      this.moved(unit, ts, iconsLive);
    }
  }

  private restyle(record: Unit, ts: number, iconsLive: boolean): void {
    let unit = this.units.get(record.id);
    if (!unit) {
      unit = this.addUnit(record);
      if (this.installed) this.ensureShards(unit.shard + 1);
    }
    applyRecord(unit, record);
    this.dots.setStatus(unit.fid, unit.status);
    this.moved(unit, ts, iconsLive);
    if (iconsLive) this.pendingFor(unit.shard, ts).restyled.add(unit.fid);
  }

  /** A unit's new position goes to the GL points now, and to its icon source only while icons are seen. */
  private moved(unit: UnitState, ts: number, iconsLive: boolean): void {
    this.dots.setPosition(unit.fid, unit.lon, unit.lat);
    if (iconsLive) this.pendingFor(unit.shard, ts).moved.add(unit.fid);
    else {
      snap(unit);
      this.iconsStale = true;
    }
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
    this.timings?.applied(this.applyMsSinceFrame);
    this.applyMsSinceFrame = 0;
  };

  private readonly onFrame = (now: number): void => {
    this.frameHandle = 0;
    if (!this.installed) return;
    this.flush(now);
    if (this.pending.size > 0 || this.tweens.size > 0) this.schedule();
  };

  private flush(now: number): void {
    const started = performance.now();
    const tweenable = this.tweens.admission(this.map.getZoom(), this.map.getBounds());
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

  private sendDiff(shard: number, p: Pending, now: number, tweenable: ((unit: UnitState) => boolean) | null): void {
    const update: IconUpdate[] = [];
    for (const fid of p.moved) {
      if (p.restyled.has(fid)) continue; // sent whole below
      const unit = this.unitAt(fid);
      if (tweenable && tweenable(unit)) {
        this.tweens.start(unit, now);
        // The heading turns at once; the position follows frame by frame.
        update.push({ id: fid, addOrUpdateProperties: [{ key: 'heading', value: unit.heading }] });
        continue;
      }
      snap(unit);
      this.tweens.stop(unit);
      update.push({
        id: fid,
        newGeometry: { type: 'Point', coordinates: [unit.lon, unit.lat] },
        addOrUpdateProperties: [{ key: 'heading', value: unit.heading }],
      });
    }
    const source = unitSource(this.map, shard);
    for (const fid of p.restyled) {
      const unit = this.unitAt(fid);
      snap(unit);
      update.push({ id: fid, newGeometry: shownPoint(unit), addOrUpdateProperties: unitPropertyList(unit) });
    }
    if (!source) return;
    this.busy.add(shard);
    const ts = p.oldestTs;
    source
      .updateData({ update, add: [] })
      .then(() => this.awaitShown(ts))
      .catch(() => this.reloadShard(shard))
      .finally(() => {
        this.busy.delete(shard);
        if (this.pending.has(shard)) this.schedule();
      });
  }

  private stepTweens(now: number): void {
    if (this.tweens.size === 0) return;
    for (const [shard, units] of this.tweens.step(now)) {
      const update = units.map((unit) => ({ id: unit.fid, newGeometry: shownPoint(unit) }));
      void unitSource(this.map, shard)?.updateData({ update });
    }
  }

  /** An update of SMS time `ts` is with maplibre: the next frame drawn shows it. */
  private awaitShown(ts: number): void {
    if (this.timings) this.awaitingPixels.push(ts);
  }

  private readonly onRender = (): void => {
    if (this.awaitingPixels.length === 0) return;
    // updateData has resolved: this frame is the first that can show those positions.
    const shownAt = Date.now();
    for (const ts of this.awaitingPixels) this.timings?.shown(shownAt - ts);
    this.awaitingPixels = [];
  };

  private readonly onDotsRender = (): void => {
    if (this.awaitingDots.length === 0) return;
    const shownAt = Date.now();
    for (const ts of this.awaitingDots) this.timings?.shown(shownAt - ts);
    this.awaitingDots = [];
  };

  private ensureShards(count: number, beforeLayer?: string): void {
    for (let shard = this.shards; shard < count; shard++) {
      addUnitSource(this.map, shard);
      addUnitIconLayers(this.map, shard, beforeLayer);
    }
    this.shards = Math.max(this.shards, count);
  }

  private reloadAll(): void {
    this.ensureShards(shardCount(this.byFid.length));
    this.pending.clear();
    // Zoomed out, icons are not drawn: load them when the operator zooms in (see onZoom).
    this.iconsStale = !this.iconsLive();
    if (this.iconsStale) return;
    for (let shard = 0; shard < this.shards; shard++) this.reloadShard(shard);
  }

  private reloadShard(shard: number): void {
    const features = this.byFid.slice(shard * SHARD_SIZE, (shard + 1) * SHARD_SIZE).map((u) => {
      snap(u);
      return unitFeature(u);
    });
    unitSource(this.map, shard)?.setData({ type: 'FeatureCollection', features });
  }
}
