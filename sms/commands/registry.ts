import type { CommandType } from '../../shared/protocol';
import { acknowledgeAlert, dismissAlert } from './alerts';
import type { CommandHandler } from '../core/pipeline';
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
import { WALL_COMMAND_HANDLERS } from '../wall/commands/handlers';

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
  ...WALL_COMMAND_HANDLERS,
  'camera.ptz': movePtz,
  'camera.status': setCameraStatus,
  'camera.view': openView,
  'camera.viewEnd': closeView,
  'overlay.draw': drawOverlay,
  'overlay.remove': removeOverlay,
};
