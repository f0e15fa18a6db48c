import type { AuditRecord, Camera } from '../../shared/protocol';
import type { ViewMode } from '../../shared/domain/viewPolicy';
import type { AuditQuery } from '../storage/storage';

/** The longest an open view lets its viewer fetch the stream, even if its end never arrives: one shift. */
const VIEW_GRANT_MS = 12 * 3_600_000;
/** Recent `camera.view` / `camera.viewEnd` records of one viewer and camera searched for an open view. */
const VIEW_SEARCH = 2_000;
/** How long a yes is reused: a tile refreshes its playlist every second. A no is never reused. */
const DECISION_TTL_MS = 2_000;

/** Who a request speaks for, from its bearer token. */
export interface Viewer {
  userId: string;
  username: string;
  role: string;
}

/** What the HLS gate needs from the SMS. */
export interface HlsAccessDeps {
  camera: (id: string) => Camera | undefined;
  /** Audit records, newest first (the store's query: by action, user and target). */
  queryAudit: (query: AuditQuery) => AuditRecord[];
  now: () => number;
}

/**
 * The playlist an HLS request asks for (see sms/video/routes.ts `HlsTarget`). Init and segments
 * do not come here: the media playlist that passed this gate gave their URLs grants (sms/video/grants.ts).
 */
export interface HlsRequestTarget {
  cameraId: string;
  resource: 'multivariant' | 'live' | 'vod';
}

/** What a view's record holds in `detail`: the command payload, and the view id it was given. */
interface ViewDetail {
  viewId: string;
  mode: ViewMode | null;
}

function viewDetail(record: AuditRecord): ViewDetail | null {
  try {
    const d = JSON.parse(record.detail) as { viewId?: unknown; mode?: unknown };
    if (typeof d.viewId !== 'string') return null;
    const mode = d.mode === 'live' || d.mode === 'playback' || d.mode === 'snapshot' ? d.mode : null;
    return { viewId: d.viewId, mode };
  } catch {
    return null;
  }
}

/**
 * Whether `viewer` has an open, reasoned view of `cameraId` in one of `modes`. A view is the
 * audit record of a `camera.view` that ran (result `ok`: not a refusal, not a retry) with a reason
 * and the view id it was given; it is open until a `camera.viewEnd` of the same user that ran
 * names that view id, or until VIEW_GRANT_MS. Records without a view id (written before views
 * carried one, including the retries an older SMS wrote as `ok`) open nothing.
 */
function hasOpenView(
  views: readonly AuditRecord[],
  ends: readonly AuditRecord[],
  modes: readonly ViewMode[],
  since: string,
): boolean {
  const ran = (r: AuditRecord) => r.result === 'ok';
  const ended = new Set(ends.filter(ran).flatMap((r) => viewDetail(r)?.viewId ?? []));
  return views.some((r) => {
    if (!ran(r) || r.reason === null || r.at < since) return false;
    const d = viewDetail(r);
    // A snapshot is a moment, not a view that stays open (no end is sent for it).
    return d !== null && d.mode !== null && d.mode !== 'snapshot' && modes.includes(d.mode) && !ended.has(d.viewId);
  });
}

/**
 * The SMS-side half of "reason for viewing", for a signed-in user (the HLS routes answer 401 to
 * anyone else): a third-party camera's playlists, and any camera's recorded (VOD) playlist, are
 * served only to a user who has an open `camera.view` of that camera with a reason (live or
 * playback for a third-party camera's live stream, playback for a recording). The view's own audit
 * record (who, camera, screen, reason, view id; the `camera.viewEnd` naming that view id for when
 * it ended) is the only record: the stream path writes none. Ending the view stops the media
 * playlist, refreshed every second and checked each time, within DECISION_TTL_MS, and with it the
 * segment grants it issues; grants already issued run out within their life (2 min live, 30 min
 * for a recording: sms/video/grants.ts).
 */
export function createHlsAccess(deps: HlsAccessDeps) {
  const granted = new Map<string, number>();

  function allowed(viewer: Pick<Viewer, 'userId'>, cameraId: string, modes: readonly ViewMode[]): boolean {
    const now = deps.now();
    const key = `${viewer.userId}\n${cameraId}\n${modes.join(',')}`;
    const at = granted.get(key);
    if (at !== undefined && now - at < DECISION_TTL_MS) return true;
    const since = new Date(now - VIEW_GRANT_MS).toISOString();
    const records = (action: string) =>
      deps.queryAudit({ action, userId: viewer.userId, targetId: cameraId, limit: VIEW_SEARCH });
    const answer = hasOpenView(records('camera.view'), records('camera.viewEnd'), modes, since);
    // Old answers go, so the map stays as small as the set of people watching gated cameras.
    for (const [k, t] of granted) if (now - t >= DECISION_TTL_MS) granted.delete(k);
    if (answer) granted.set(key, now);
    return answer;
  }

  return (viewer: Pick<Viewer, 'userId'>, target: HlsRequestTarget): boolean => {
    const camera = deps.camera(target.cameraId);
    // Unknown cameras fall through to the route's own 404.
    if (!camera) return true;
    if (target.resource === 'vod') return allowed(viewer, camera.id, ['playback']);
    // The force's own cameras' live streams: any signed-in user.
    if (camera.owner !== 'third_party') return true;
    return allowed(viewer, camera.id, ['live', 'playback']);
  };
}
