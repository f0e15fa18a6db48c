import { z } from 'zod';
import { SmsUrlSchema } from './smsUrl';

/**
 * What a window of the workstation shows. `combined` is the single-display case: every
 * surface in resizable panes. `command` is the major-event view.
 */
export const WindowRoleSchema = z.enum(['combined', 'console', 'map', 'wall', 'command']);
export type WindowRole = z.infer<typeof WindowRoleSchema>;
export const WINDOW_ROLES = WindowRoleSchema.options;

/** Human names of the roles, for window titles and the settings screen. */
export const ROLE_NAMES: Record<WindowRole, string> = {
  combined: 'All surfaces',
  console: 'Dispatch console',
  map: 'Map',
  wall: 'Video wall',
  command: 'Major-event command',
};

/** How many displays a workstation layout is defined for (more displays use the four-display layout). */
export const MAX_LAYOUT_DISPLAYS = 4;

/** A window's remembered position and size, in screen coordinates (DIPs). */
export const RectSchema = z.object({
  x: z.number().int().min(-100_000).max(100_000),
  y: z.number().int().min(-100_000).max(100_000),
  width: z.number().int().min(200).max(100_000),
  height: z.number().int().min(200).max(100_000),
});
export type Rect = z.infer<typeof RectSchema>;

const rolesFor = (count: number) =>
  z
    .array(WindowRoleSchema)
    .length(count)
    .refine((roles) => new Set(roles).size === roles.length, 'a role appears once per layout');

/**
 * The workstation profile: which role each display has, for one to four displays (display 1 is
 * the primary, the others follow left to right), the SMS to use, and remembered window bounds
 * keyed by `role@displayId`.
 */
export const WorkstationProfileSchema = z.object({
  version: z.literal(1),
  /** Null: the SMS URL given on the command line, in JCCR_SMS_URL, or the built-in default. */
  smsUrl: SmsUrlSchema.nullable(),
  layouts: z.object({
    1: rolesFor(1),
    2: rolesFor(2),
    3: rolesFor(3),
    4: rolesFor(4),
  }),
  bounds: z.record(z.string().max(100), RectSchema).default({}),
});
export type WorkstationProfile = z.output<typeof WorkstationProfileSchema>;
export type LayoutSize = 1 | 2 | 3 | 4;

/**
 * The default workstation: one display shows everything; two split the console from the map;
 * a third display is the wall; a fourth is the major-event command view.
 */
export function defaultProfile(): WorkstationProfile {
  return {
    version: 1,
    smsUrl: null,
    layouts: {
      1: ['combined'],
      2: ['console', 'map'],
      3: ['console', 'map', 'wall'],
      4: ['console', 'map', 'wall', 'command'],
    },
    bounds: {},
  };
}

/** The roles of a layout for `displays` displays (0 counts as one, beyond four as four). */
export function rolesForDisplays(profile: WorkstationProfile, displays: number): WindowRole[] {
  const size = Math.min(MAX_LAYOUT_DISPLAYS, Math.max(1, Math.floor(displays))) as LayoutSize;
  return [...profile.layouts[size]];
}
