import type { CommandType } from '../../shared/protocol';
import { acknowledgeAlert, dismissAlert } from './alerts';
import type { CommandHandler } from './handler';
import { linkIncident } from './incidentLink';
import {
  assignIncident,
  closeIncident,
  createIncident,
  gradeIncident,
  noteIncident,
  setIncidentStatus,
} from './incidents';
import { drawOverlay, removeOverlay } from './overlays';
import { setUnitStatus } from './units';
import { closeView, movePtz, openView, setCameraStatus } from './cameras';
import { focusWallTile, setAlarmTile, setWallLayout, setWallTile, showOnWall, swapWallTiles } from './wall';
import { applyWallPreset, deleteWallPreset, saveWallPreset } from '../wall/presetCommands';
import { setWallTour, stepWallTour } from '../wall/tourCommands';

/** The handler of every command type; a new type in `CommandSchemas` fails to compile until it is here. */
export const COMMAND_HANDLERS: { readonly [T in CommandType]: CommandHandler<T> } = {
  'incident.create': createIncident,
  'incident.note': noteIncident,
  'incident.assign': assignIncident,
  'incident.status': setIncidentStatus,
  'incident.grade': gradeIncident,
  'incident.close': closeIncident,
  'incident.link': linkIncident,
  'unit.status': setUnitStatus,
  'alert.acknowledge': acknowledgeAlert,
  'alert.dismiss': dismissAlert,
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
  'camera.ptz': movePtz,
  'camera.status': setCameraStatus,
  'camera.view': openView,
  'camera.viewEnd': closeView,
  'overlay.draw': drawOverlay,
  'overlay.remove': removeOverlay,
};
