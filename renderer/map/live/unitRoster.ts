import type { Map as MaplibreMap } from 'maplibre-gl';
import type { Unit } from '../../../shared/protocol';
import { nearestUnit } from './unitHitTest';
import { unitState, type UnitState } from './unitState';

/**
 * The units a unit layer draws, by id and by feature id, and what the view asks about them
 * (where a unit is, which is under the pointer, which one the view follows). The product's
 * `UnitLayer` and the bench's naive baseline differ only in how they update the map.
 */
export abstract class UnitRoster {
  protected readonly units = new Map<string, UnitState>();
  // The map e2e tests read this through the bench hook to find a drawn unit; keep the name.
  protected readonly byFid: UnitState[] = [];
  protected followId: string | null = null;

  constructor(protected readonly map: MaplibreMap) {}

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

  nearest(point: { x: number; y: number }, radius: number): string | null {
    return nearestUnit(this.byFid, this.map, point, radius);
  }

  /** Forgets every unit (before a seed). */
  protected clearUnits(): void {
    this.units.clear();
    this.byFid.length = 0;
  }

  /** Adds a unit under the next feature id, in `shardOf(fid)`. */
  protected addState(unit: Unit, shardOf: (fid: number) => number): UnitState {
    const fid = this.byFid.length;
    const state = unitState(unit, fid, shardOf(fid));
    this.units.set(unit.id, state);
    this.byFid.push(state);
    return state;
  }
}
