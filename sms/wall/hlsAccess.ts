import type { AuditRecord, Camera } from '../../shared/protocol';
import type { NewAuditRecord } from '../storage/storage';

/** How long an audited view with a reason lets its viewer fetch the stream: one shift. */
const VIEW_GRANT_MS = 12 * 3_600_000;
/** Recent `camera.view` records searched for a grant. */
const GRANT_SEARCH = 2_000;

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
  recentViews: (limit: number) => AuditRecord[];
  audit: (records: readonly NewAuditRecord[]) => void;
  now: () => number;
}

/** What an HLS request asks for (see sms/video/routes.ts `HlsTarget`). */
export interface HlsRequestTarget {
  cameraId: string;
  resource: 'multivariant' | 'live' | 'vod' | 'init' | 'segment';
}

/**
 * The SMS-side half of "reason for viewing": a third-party camera's playlists, and any camera's
 * recorded (VOD) playlist, are served only to a signed-in user who opened an audited
 * `camera.view` of that camera with a reason within the last shift. The UI asks for the reason;
 * this makes sure nobody skips the UI. Every multivariant fetch is also audited as the stream
 * actually opening (`detail` `{"source":"hls"}`), so a player outside the app still leaves a trace.
 */
export function createHlsAccess(deps: HlsAccessDeps) {
  function granted(viewer: Viewer, cameraId: string): boolean {
    const since = deps.now() - VIEW_GRANT_MS;
    return deps
      .recentViews(GRANT_SEARCH)
      .some(
        (r) =>
          r.userId === viewer.userId &&
          r.targetId === cameraId &&
          r.result === 'ok' &&
          r.reason !== null &&
          Date.parse(r.at) >= since,
      );
  }

  return (authorization: string | undefined, target: HlsRequestTarget): boolean => {
    const camera = deps.camera(target.cameraId);
    // Unknown cameras fall through to the route's own 404.
    if (!camera) return true;
    const needsReason = camera.owner === 'third_party' || target.resource === 'vod';
    // The entry points are gated; media playlists and segments behind them are not re-checked on
    // every refresh (a tile polls its playlist each second; an audit search each time is waste).
    const gated = needsReason && (target.resource === 'multivariant' || target.resource === 'vod');
    const viewer = deps.viewer(authorization);
    if (target.resource === 'multivariant') {
      deps.audit([
        {
          at: new Date(deps.now()).toISOString(),
          ...(viewer ?? { userId: 'anonymous', username: 'anonymous', role: 'none' }),
          action: 'camera.view',
          targetId: camera.id,
          result: gated && (viewer === null || !granted(viewer, camera.id)) ? 'forbidden' : 'ok',
          reason: null,
          detail: '{"source":"hls"}',
        },
      ]);
    }
    if (!gated) return true;
    return viewer !== null && granted(viewer, camera.id);
  };
}
