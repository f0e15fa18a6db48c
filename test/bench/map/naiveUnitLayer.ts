import type { Map as MaplibreMap } from 'maplibre-gl';
import type { EventEnvelope, Unit } from '../../../shared/protocol';
import type { MapUnits, UnitTimings } from '../../../renderer/map/live/mapUnits';
import {
  addUnitIconLayers,
  addUnitSource,
  ICON_MINZOOM,
  unitSource,
  unitSourceId,
} from '../../../renderer/map/live/unitIconLayers';
import { UnitRoster } from '../../../renderer/map/live/unitRoster';
import { applyRecord, movePosition, snap, unitFeature, type UnitState } from '../../../renderer/map/live/unitState';

/**
 * The baseline `npm run bench:map` measures the product's unit layer against: units as a plain
 * maplibre map would draw them, one GeoJSON source rewritten whole (`setData`) on every event,
 * with GeoJSON circles below icon zoom. Icons, features and hit-testing are the product's own, so
 * only the update path differs. Its cost is summed per animation frame, as the product's is.
 */
export class NaiveUnitLayer extends UnitRoster implements MapUnits {
  private installed = false;
  private frameHandle = 0;
  private frameMs = 0;
  private awaitingPixels: number[] = [];

  constructor(
    map: MaplibreMap,
    private readonly timings: UnitTimings,
  ) {
    super(map);
    map.on('render', this.onRender);
  }

  seed(units: readonly Unit[]): void {
    this.clearUnits();
    for (const unit of units) this.addUnit(unit);
    if (this.installed) this.reload();
  }

  install(beforeLayer?: string): void {
    this.installed = true;
    const id = unitSourceId(0);
    addUnitSource(this.map, 0);
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
    addUnitIconLayers(this.map, 0, beforeLayer);
    this.reload();
  }

  receive(events: readonly EventEnvelope[]): void {
    for (const event of events) {
      if (event.type === 'unit.positions') {
        for (const p of event.payload.positions) {
          const unit = this.units.get(p.id);
          if (!unit) continue;
          movePosition(unit, p);
          snap(unit);
        }
      } else if (event.type === 'unit.status') {
        const record = event.payload.unit;
        applyRecord(this.units.get(record.id) ?? this.addUnit(record), record);
      }
    }
    // The baseline being measured: every event rewrites every unit of the source.
    const started = performance.now();
    // Latency from the SMS's timestamp, once the worker has the data, as for the product's path.
    const oldest = Math.min(...events.map((e) => e.ts));
    void this.reload()?.then(() => this.awaitingPixels.push(oldest));
    this.frameMs += performance.now() - started;
    if (this.frameHandle === 0) {
      this.frameHandle = requestAnimationFrame(() => {
        this.frameHandle = 0;
        this.timings.applied(this.frameMs);
        this.frameMs = 0;
      });
    }
  }

  dispose(): void {
    cancelAnimationFrame(this.frameHandle);
    this.map.off('render', this.onRender);
  }

  private addUnit(unit: Unit): UnitState {
    // One source: every event rewrites all of it.
    return this.addState(unit, () => 0);
  }

  private reload() {
    return unitSource(this.map, 0)?.setData({ type: 'FeatureCollection', features: this.byFid.map(unitFeature) });
  }

  private readonly onRender = (): void => {
    if (this.awaitingPixels.length === 0) return;
    const shownAt = Date.now();
    for (const ts of this.awaitingPixels) this.timings.shown(shownAt - ts);
    this.awaitingPixels = [];
  };
}
