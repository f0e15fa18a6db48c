import { z } from 'zod';
import { CustomLayoutInputSchema, CustomLayoutSchema, MAX_WALL_TILES, WallLayoutSchema } from './entities';
import { IdSchema, IsoTimeSchema } from './primitives';
import { CameraTourPlanInputSchema, CameraTourPlanSchema, TourPlanInputSchema, TourPlanSchema } from './tours';
import { RoleSchema } from './user';

/** Most presets one owner (a user, or a role's shared list) keeps. */
export const MAX_PRESETS_PER_SCOPE = 50;

/** Whose a preset is: one operator's own, or shared with everyone of a role. */
export const WallPresetScopeSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('user'), userId: IdSchema }),
  z.object({ kind: z.literal('role'), role: RoleSchema }),
]);
export type WallPresetScope = z.infer<typeof WallPresetScopeSchema>;

/** One tile of a preset: its camera, and the tour it starts when the preset is applied. */
export const WallPresetTileSchema = z.object({
  cameraId: IdSchema.nullable(),
  tour: CameraTourPlanSchema.optional(),
});
export type WallPresetTile = z.infer<typeof WallPresetTileSchema>;

/** Display name of a preset, unique within its scope. */
export const WallPresetNameSchema = z.string().trim().min(1).max(60);

/** A saved wall arrangement: layout, a camera (or tour) per tile, and optionally a whole-wall tour. */
export const WallPresetSchema = z.object({
  id: IdSchema,
  name: WallPresetNameSchema,
  scope: WallPresetScopeSchema,
  layout: WallLayoutSchema,
  custom: CustomLayoutSchema.nullable(),
  /** Tile by tile from the first, at most as many as the layout shows. */
  tiles: z.array(WallPresetTileSchema).max(MAX_WALL_TILES),
  /** A whole-wall tour started when the preset is applied (its tiles' own tours are then left out). */
  tour: TourPlanSchema.nullable(),
  updatedAt: IsoTimeSchema,
  /** Username of who saved it last. */
  updatedBy: z.string().max(64),
});
export type WallPreset = z.infer<typeof WallPresetSchema>;

/**
 * Payload of `wall.presetSave`: a new preset, or (with `presetId`, or the same name and scope) a
 * new version. Strict at every depth, as every command payload: a misspelt key is refused by name.
 */
export const WallPresetSavePayloadSchema = z.strictObject({
  /** The preset to replace; absent to create one (or replace the one of the same name and scope). */
  presetId: IdSchema.optional(),
  name: WallPresetNameSchema,
  /** `user` saves it as the sender's own; `role` shares it with everyone of that role. */
  scope: z.discriminatedUnion('kind', [
    z.strictObject({ kind: z.literal('user') }),
    z.strictObject({ kind: z.literal('role'), role: RoleSchema }),
  ]),
  layout: WallLayoutSchema,
  custom: CustomLayoutInputSchema.nullable(),
  tiles: z
    .array(z.strictObject({ cameraId: IdSchema.nullable(), tour: CameraTourPlanInputSchema.optional() }))
    .max(MAX_WALL_TILES),
  tour: TourPlanInputSchema.nullable(),
});
export type WallPresetSavePayload = z.infer<typeof WallPresetSavePayloadSchema>;
