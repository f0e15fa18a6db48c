import { z } from 'zod';
import { ROLE_PLURALS } from '../../shared/domain/labels';
import { maySharePresets, presetChangeRefusal, presetMeantFor, type WallActor } from '../../shared/domain/wallRules';
import {
  CustomLayoutSchema,
  IdSchema,
  MAX_WALL_TILES,
  ROLES,
  WallLayoutSchema,
  type CommandPayload,
  type User,
  type Wall,
  type WallPreset,
} from '../../shared/protocol';

/** One labelled group of the preset picker. */
export interface PresetGroup {
  label: string;
  presets: WallPreset[];
  /** Whether the user may apply these (their own and their role's; an admin any). */
  applicable: boolean;
}

const byName = (a: WallPreset, b: WallPreset) => a.name.localeCompare(b.name);

/** The signed-in user as the wall rules see them. */
const actorOf = (user: User): WallActor => ({ userId: user.id, role: user.role });

/**
 * The presets as `user`'s picker shows them: their own first, then those shared with their role;
 * those who share presets also see the other roles' shared presets (to keep them up to date),
 * which only an admin may apply. Empty groups are left out.
 */
export function presetGroups(presets: readonly WallPreset[], user: User): PresetGroup[] {
  const own = presets.filter((p) => p.scope.kind === 'user' && p.scope.userId === user.id).sort(byName);
  const sharer = maySharePresets(user.role);
  const roles = [user.role, ...ROLES.filter((r) => sharer && r !== user.role)];
  const shared = roles.map((role) => ({
    label: `Shared with ${ROLE_PLURALS[role]}`,
    presets: presets.filter((p) => p.scope.kind === 'role' && p.scope.role === role).sort(byName),
    applicable: presetMeantFor(actorOf(user), { kind: 'role', role }),
  }));
  return [{ label: 'My presets', presets: own, applicable: true }, ...shared].filter((g) => g.presets.length > 0);
}

/** Whether `user` may change or delete the preset: their own, or a shared one if they share presets. */
export function mayChangePreset(preset: WallPreset, user: User): boolean {
  return presetChangeRefusal(actorOf(user), preset.scope) === null;
}

/** `wall.presetSave` for the wall as it stands: its layout, the tiles it shows, and the tours running on them. */
export function presetOf(
  name: string,
  wall: Wall,
  tiles: number,
  scope: CommandPayload<'wall.presetSave'>['scope'],
): CommandPayload<'wall.presetSave'> {
  return {
    name,
    scope,
    layout: wall.layout,
    custom: wall.custom,
    tiles: wall.tiles
      .slice(0, tiles)
      .map((t) => (t.tour ? { cameraId: t.cameraId, tour: t.tour.plan } : { cameraId: t.cameraId })),
    tour: wall.tour?.plan ?? null,
  };
}

// ---------- Presets an earlier version kept in this workstation's storage ----------

/** A preset as earlier versions saved it in the host's storage, before presets lived in the SMS. */
const LocalPresetSchema = z.object({
  name: z.string().trim().min(1).max(60),
  layout: WallLayoutSchema,
  custom: CustomLayoutSchema.nullable(),
  cameraIds: z.array(IdSchema.nullable()).max(MAX_WALL_TILES),
});
/** A preset left in this workstation's storage by an earlier version. */
export type LocalPreset = z.infer<typeof LocalPresetSchema>;

/** The storage key under which earlier versions kept one operator's presets for one SMS. */
export function localPresetKey(smsUrl: string, userId: string): string {
  return `jccr.wallPresets.${smsUrl}.${userId}`;
}

/** The presets an earlier version left here; anything that does not parse counts as none. */
export function readLocalPresets(storage: Pick<Storage, 'getItem'>, key: string): LocalPreset[] {
  try {
    const parsed = z
      .array(LocalPresetSchema)
      .max(50)
      .safeParse(JSON.parse(storage.getItem(key) ?? '[]'));
    return parsed.success ? parsed.data : [];
  } catch {
    return [];
  }
}

/** `wall.presetSave` that brings a locally kept preset into the SMS as the operator's own. */
export function importOf(local: LocalPreset): CommandPayload<'wall.presetSave'> {
  return {
    name: local.name,
    scope: { kind: 'user' },
    layout: local.layout,
    custom: local.custom,
    tiles: local.cameraIds.map((cameraId) => ({ cameraId })),
    tour: null,
  };
}
