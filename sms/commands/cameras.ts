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

/** Recent `camera.view` records of one user and camera searched for the view an end names. */
const VIEW_SEARCH = 2_000;

/**
 * `camera.viewEnd`: closes a view; its audit record marks the end time. The view must be one the
 * sender opened of that camera (a `camera.view` of theirs that ran and was given this id), else
 * `not_found`: an end naming another's view, or none, would otherwise read as `ok` and close
 * nothing. Ending a view already ended answers `ok` again (the end is recorded twice; the view
 * stays closed).
 */
export const closeView: CommandHandler<'camera.viewEnd'> = (d, p) => {
  const camera = d.get('camera', p.cameraId);
  const quoted = JSON.stringify(p.viewId);
  const opened = d
    .queryAudit({ action: 'camera.view', userId: d.actor.userId, targetId: camera.id, limit: VIEW_SEARCH })
    .some((r) => r.result === 'ok' && r.detail.includes(quoted) && viewIdOf(r.detail) === p.viewId);
  if (!opened) {
    throw new CommandFailure('not_found', `No view ${p.viewId} of camera ${camera.id} opened by ${d.actor.username}.`);
  }
  return { viewId: p.viewId };
};

/** The view id a `camera.view` audit record was given (its detail holds the payload and the id). */
function viewIdOf(detail: string): string | null {
  try {
    const parsed: unknown = JSON.parse(detail);
    const viewId = typeof parsed === 'object' && parsed !== null ? (parsed as { viewId?: unknown }).viewId : undefined;
    return typeof viewId === 'string' ? viewId : null;
  } catch {
    return null;
  }
}
