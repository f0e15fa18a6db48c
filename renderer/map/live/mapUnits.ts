import type { EventEnvelope, Unit } from '../../../shared/protocol';

/**
 * What the map view asks of its unit layer. The product's is `UnitLayer`; the map benchmark puts
 * its naive baseline in its place through `benchHook.ts`.
 */
export interface MapUnits {
  /** Replaces every unit (first snapshot, or a snapshot reloaded after a gap). */
  seed(units: readonly Unit[]): void;
  /** Adds the sources and layers to the map's current style (again after a style change). */
  install(beforeLayer?: string): void;
  /** Folds applied events in; the map is touched once per animation frame at most. */
  receive(events: readonly EventEnvelope[]): void;
  /** The unit the view follows, or null to stop. */
  follow(unitId: string | null): void;
  readonly following: string | null;
  position(unitId: string): [number, number] | null;
  /** The unit drawn nearest to a screen point, within `radius` pixels, or null. */
  nearest(point: { x: number; y: number }, radius: number): string | null;
  dispose(): void;
}

/** Timings of a unit layer's work, for whoever measures it (the map benchmark, the map e2e tests). */
export interface UnitTimings {
  /** Main-thread time spent applying unit updates in one animation frame. */
  applied(ms: number): void;
  /** From an event's SMS timestamp to the first frame that can show it. */
  shown(latencyMs: number): void;
}
