import type { AuditRecord, Camera } from '../../shared/protocol';
import type { ViewMode } from '../../shared/domain/viewPolicy';

/** The longest an open view lets its viewer fetch the stream, even if its end never arrives: one shift. */
const VIEW_GRANT_MS = 12 * 3_600_000;
/** Recent `camera.view` / `camera.viewEnd` records searched for an open view. */
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
  /** The session of a bearer token, or null when missing or invalid. */
  viewer: (authorization: string | undefined) => Viewer | null;
  /** Recent `camera.view` audit records (the command's), newest first. */
  recentViews: (limit: number) => AuditRecord[];
  /**
   * Recent `camera.viewEnd` audit records, newest first. Without them a view counts as open
   * until VIEW_GRANT_MS after it was opened.
   */
  recentViewEnds?: (limit: number) => AuditRecord[];
  now: () => number;
}

/** What an HLS request asks for (see sms/video/routes.ts `HlsTarget`). */
export interface HlsRequestTarget {
  cameraId: string;
  resource: 'multivariant' | 'live' | 'vod' | 'init' | 'segment';
}

/** A view record's payload as the core stores it in `detail` (the command payload). */
interface ViewDetail {
  screen: string;
  mode: ViewMode | null;
}

function viewDetail(record: AuditRecord): ViewDetail | null {
  try {
    const d = JSON.parse(record.detail) as { screen?: unknown; mode?: unknown };
    if (typeof d.screen !== 'string') return null;
    const mode = d.mode === 'live' || d.mode === 'playback' || d.mode === 'snapshot' ? d.mode : null;
    return { screen: d.screen, mode };
  } catch {
    return null;
  }
}

/**
 * Whether `viewer` has an open, reasoned view of `cameraId` in one of `modes`, from the audit of
 * the `camera.view` and `camera.viewEnd` commands. The records carry no view id to pair an end
 * with its view, so per screen: a reasoned view V is still open while fewer views have ended on
 * that screen since V than were opened there since V (two windows of one operator showing the
 * same camera on the same screen each end their own).
 */
function hasOpenView(
  views: readonly AuditRecord[],
  ends: readonly AuditRecord[],
  viewer: Viewer,
  cameraId: string,
  modes: readonly ViewMode[],
  since: string,
): boolean {
  const mine = (r: AuditRecord) => r.userId === viewer.userId && r.targetId === cameraId && r.result === 'ok';
  // `views` is newest first, so a view's index orders it among views opened in the same millisecond.
  const opened = views.flatMap((r, order) => {
    const d = mine(r) && r.at >= since ? viewDetail(r) : null;
    // A snapshot is a moment, not a view that stays open (no end is sent for it).
    return d && d.mode !== 'snapshot' ? [{ record: r, order, ...d }] : [];
  });
  const ended = ends.filter(mine).flatMap((r) => {
    const d = viewDetail(r);
    return d ? [{ at: r.at, screen: d.screen }] : [];
  });
  return opened.some((v) => {
    if (v.record.reason === null || v.mode === null || !modes.includes(v.mode)) return false;
    const opensSince = opened.filter((o) => o.screen === v.screen && o.order <= v.order).length;
    const endsSince = ended.filter((e) => e.screen === v.screen && e.at >= v.record.at).length;
    return endsSince < opensSince;
  });
}

/**
 * The SMS-side half of "reason for viewing": a third-party camera's playlists, and any camera's
 * recorded (VOD) playlist, are served only to a signed-in user who has an open `camera.view` of
 * that camera with a reason (live or playback for a third-party camera's live stream, playback for
 * a recording). The view's own audit record (who, camera, screen, reason; `camera.viewEnd` for
 * when it ended) is the only record: the stream path writes none. Ending the view ends the stream
 * within DECISION_TTL_MS, because the live media playlist, refreshed every second, is checked too.
 */
export function createHlsAccess(deps: HlsAccessDeps) {
  const granted = new Map<string, number>();

  function allowed(viewer: Viewer, cameraId: string, modes: readonly ViewMode[]): boolean {
    const now = deps.now();
    const key = `${viewer.userId}\n${cameraId}\n${modes.join(',')}`;
    const at = granted.get(key);
    if (at !== undefined && now - at < DECISION_TTL_MS) return true;
    const since = new Date(now - VIEW_GRANT_MS).toISOString();
    const answer = hasOpenView(
      deps.recentViews(VIEW_SEARCH),
      deps.recentViewEnds?.(VIEW_SEARCH) ?? [],
      viewer,
      cameraId,
      modes,
      since,
    );
    // Old answers go, so the map stays as small as the set of people watching gated cameras.
    for (const [k, t] of granted) if (now - t >= DECISION_TTL_MS) granted.delete(k);
    if (answer) granted.set(key, now);
    return answer;
  }

  return (authorization: string | undefined, target: HlsRequestTarget): boolean => {
    const camera = deps.camera(target.cameraId);
    // Unknown cameras fall through to the route's own 404.
    if (!camera) return true;
    if (target.resource === 'vod') {
      const viewer = deps.viewer(authorization);
      return viewer !== null && allowed(viewer, camera.id, ['playback']);
    }
    // Playlists are checked; init and segments behind them are not (their URLs come from a
    // playlist, carry the loop's key, and never change).
    if (camera.owner !== 'third_party' || (target.resource !== 'multivariant' && target.resource !== 'live')) {
      return true;
    }
    const viewer = deps.viewer(authorization);
    return viewer !== null && allowed(viewer, camera.id, ['live', 'playback']);
  };
}
