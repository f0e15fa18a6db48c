import type { SeedWorld } from '../core/ports';
import { Random } from './random';
import { createCameras } from './scenario/cameras';
import { createServicePoints } from './scenario/servicePoints';
import { createUnits } from './scenario/units';
import { Gazetteer, type GeoSources } from './world/gazetteer';

/** The City's default fleet size. */
export const DEFAULT_UNITS = 40;

/** Options of `createScenario`; geodata paths default to the project's `data/geo` files. */
export interface ScenarioOptions extends GeoSources {
  seed: number;
  /** Fleet size: about 40 for the room, thousands for load tests. */
  units?: number | undefined;
  /** Timestamp of the seeded records (ms since the epoch); pass `core.now()`. Fixed by default so a seed alone fixes the world. */
  now?: number | undefined;
}

const DEFAULT_NOW = Date.UTC(2026, 0, 1);

/**
 * The initial world of the City of London scenario: the fleet (placed by the seed), cameras and
 * Digital Service Points (fixed infrastructure). Deterministic for its options.
 */
export function createScenario(opts: ScenarioOptions): SeedWorld {
  const gazetteer = Gazetteer.load(opts);
  const total = opts.units ?? DEFAULT_UNITS;
  if (!Number.isInteger(total) || total < 0) throw new RangeError(`units must be a whole number ≥ 0, not ${total}`);
  const updatedAt = new Date(opts.now ?? DEFAULT_NOW).toISOString();
  const cameras = createCameras(gazetteer);
  return {
    units: createUnits(gazetteer, Random.stream(opts.seed, 'fleet'), total, updatedAt),
    cameras,
    servicePoints: createServicePoints(gazetteer, cameras),
  };
}
