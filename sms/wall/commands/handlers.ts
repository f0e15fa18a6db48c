import type { CommandType } from '../../../shared/protocol';
import type { CommandHandler } from '../../core/pipeline';
import { focusWallTile, setAlarmTile, setWallLayout, setWallTile, showOnWall, swapWallTiles } from './arrange';
import { applyWallPreset, deleteWallPreset, saveWallPreset } from './presets';
import { setWallTour, stepWallTour } from './tours';

/** The video walls' commands. */
export type WallCommandType = Extract<CommandType, `wall.${string}`>;

/**
 * The handler of every wall command, for sms/commands/registry.ts: the one place the rest of
 * the SMS's commands meet the walls'. A new `wall.*` command fails to compile until it is here.
 */
export const WALL_COMMAND_HANDLERS: { readonly [T in WallCommandType]: CommandHandler<T> } = {
  'wall.layout': setWallLayout,
  'wall.tile': setWallTile,
  'wall.swap': swapWallTiles,
  'wall.focus': focusWallTile,
  'wall.alarmTile': setAlarmTile,
  'wall.show': showOnWall,
  'wall.presetSave': saveWallPreset,
  'wall.presetDelete': deleteWallPreset,
  'wall.presetApply': applyWallPreset,
  'wall.tour': setWallTour,
  'wall.tourStep': stepWallTour,
};
