import { z } from 'zod';
import { IdSchema, IsoTimeSchema } from './primitives';

// Kept apart from entities.ts, which imports these for `Wall`, so that wall presets (which import
// entities.ts) can use them too without an import cycle.

/** Seconds each step of a tour stays on screen: long enough to be seen, at most an hour. */
export const TourDwellSecondsSchema = z.number().int().min(3).max(3_600);

/** Most cameras one tour cycles through. */
export const MAX_TOUR_CAMERAS = 200;
/** Most presets one tour cycles through. */
export const MAX_TOUR_PRESETS = 50;

const CAMERA_TOUR_FIELDS = {
  kind: z.literal('cameras'),
  cameraIds: z.array(IdSchema).min(1).max(MAX_TOUR_CAMERAS),
  dwellSeconds: TourDwellSecondsSchema,
};
/** A tour of cameras: one at a time on a tile, or pages of as many as the wall has tiles. */
export const CameraTourPlanSchema = z.object(CAMERA_TOUR_FIELDS);
export type CameraTourPlan = z.infer<typeof CameraTourPlanSchema>;

const PRESET_TOUR_FIELDS = {
  kind: z.literal('presets'),
  presetIds: z.array(IdSchema).min(1).max(MAX_TOUR_PRESETS),
  dwellSeconds: TourDwellSecondsSchema,
};
/** A tour of wall presets (whole walls only): each step applies a preset's layout and cameras. */
export const PresetTourPlanSchema = z.object(PRESET_TOUR_FIELDS);
export type PresetTourPlan = z.infer<typeof PresetTourPlanSchema>;

/** What a tour cycles through, and how long each step stays. */
export const TourPlanSchema = z.discriminatedUnion('kind', [CameraTourPlanSchema, PresetTourPlanSchema]);
export type TourPlan = z.infer<typeof TourPlanSchema>;

// Inbound variants: strict, as every object a command carries (a misspelt key is refused by
// name). The schemas above stay open because walls and presets, which a newer SMS may extend, use them.
export const CameraTourPlanInputSchema = z.strictObject(CAMERA_TOUR_FIELDS);
export const TourPlanInputSchema = z.discriminatedUnion('kind', [
  CameraTourPlanInputSchema,
  z.strictObject(PRESET_TOUR_FIELDS),
]);

/**
 * A running whole-wall tour. The SMS advances it: step `floor((now - startedAt) / dwell) mod
 * steps`, counted on the SMS clock, so it survives a restart and every client agrees on it.
 */
export const WallTourSchema = z.object({
  plan: TourPlanSchema,
  startedAt: IsoTimeSchema,
  /** Username of who started it. */
  startedBy: z.string().max(64),
});
export type WallTour = z.infer<typeof WallTourSchema>;

/** A running tour of one tile through cameras, advanced by the SMS like a wall tour. */
export const TileTourSchema = z.object({
  plan: CameraTourPlanSchema,
  startedAt: IsoTimeSchema,
  startedBy: z.string().max(64),
});
export type TileTour = z.infer<typeof TileTourSchema>;
