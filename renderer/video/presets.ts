import { z } from 'zod';
import { CustomLayoutSchema, IdSchema, MAX_WALL_TILES, WallLayoutSchema, type Wall } from '../../shared/protocol';

/**
 * A saved arrangement: layout and the camera on each tile. Personal presets are a workstation
 * preference of one operator, so they live in this host's storage (per SMS and user), not in the
 * SMS; shared presets per role would belong in the SMS (not built yet, see the report).
 */
export const WallPresetSchema = z.object({
  name: z.string().trim().min(1).max(60),
  layout: WallLayoutSchema,
  custom: CustomLayoutSchema.nullable(),
  cameraIds: z.array(IdSchema.nullable()).max(MAX_WALL_TILES),
});
export type WallPreset = z.infer<typeof WallPresetSchema>;

const PresetListSchema = z.array(WallPresetSchema).max(50);

/** The storage key of one operator's presets on one SMS. */
export function presetKey(smsUrl: string, userId: string): string {
  return `jccr.wallPresets.${smsUrl}.${userId}`;
}

/** Reads presets; anything that does not parse (another version, tampering) counts as none. */
export function readPresets(storage: Pick<Storage, 'getItem'>, key: string): WallPreset[] {
  try {
    const parsed = PresetListSchema.safeParse(JSON.parse(storage.getItem(key) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** Saves `preset`, replacing one of the same name. */
export function savePreset(
  storage: Pick<Storage, 'getItem' | 'setItem'>,
  key: string,
  preset: WallPreset,
): WallPreset[] {
  const list = [...readPresets(storage, key).filter((p) => p.name !== preset.name), preset].slice(-50);
  storage.setItem(key, JSON.stringify(list));
  return list;
}

/** A preset of the wall as it stands, up to the tiles its layout shows. */
export function presetOf(name: string, wall: Wall, tiles: number): WallPreset {
  return {
    name,
    layout: wall.layout,
    custom: wall.custom,
    cameraIds: wall.tiles.slice(0, tiles).map((t) => t.cameraId),
  };
}
