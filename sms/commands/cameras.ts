import { CommandFailure } from '../core/ports';
import { reasonRequired } from '../../shared/domain/viewPolicy';
import { moved, presetState } from './ptz';
import type { CommandHandler } from '../core/pipeline';

/** `camera.ptz`: absolute pan/tilt/zoom or a preset; the camera's bearing follows the pan. */
export const movePtz: CommandHandler<'camera.ptz'> = (d, p) => {
  const camera = d.get('camera', p.cameraId);
  if (!camera.ptz) throw new CommandFailure('conflict', `${camera.name} is a fixed camera.`);
  const target = p.preset === undefined ? {} : presetState(p.preset);
  const next = moved(camera, {
    ...target,
    ...(p.pan === undefined ? {} : { pan: p.pan }),
    ...(p.tilt === undefined ? {} : { tilt: p.tilt }),
    ...(p.zoom === undefined ? {} : { zoom: p.zoom }),
  });
  return { camera: d.put('camera', next) };
};

/** `camera.status`: cut a camera's stream or bring it back (its playlists answer 503 while offline). */
export const setCameraStatus: CommandHandler<'camera.status'> = (d, p) => {
  const camera = d.get('camera', p.cameraId);
  if (camera.online === p.online) return { camera };
  return { camera: d.put('camera', { ...camera, online: p.online }) };
};

/**
 * `camera.view`: opens an audited view. The reason is enforced here, in the SMS, not only in the
 * UI; the core keeps it in the audit record's reason column.
 */
export const openView: CommandHandler<'camera.view'> = (d, p) => {
  const camera = d.get('camera', p.cameraId);
  const why = reasonRequired(camera, p.mode);
  if (why !== null && p.reason === undefined) {
    throw new CommandFailure('invalid', `A reason for viewing is required: ${why}.`);
  }
  return { viewId: `view-${d.next('view')}`, cameraId: camera.id };
};

/** `camera.viewEnd`: closes a view; its audit record marks the end time. */
export const closeView: CommandHandler<'camera.viewEnd'> = (d, p) => {
  d.get('camera', p.cameraId);
  return { viewId: p.viewId };
};
