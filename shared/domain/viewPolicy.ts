import type { Camera } from '../protocol';

/** Ways of looking at a camera; all but live need a stated reason. */
export type ViewMode = 'live' | 'playback' | 'snapshot';

/**
 * Why a view needs a reason, or null when none is needed. Third-party premises cameras are
 * private property viewed under an agreement; playback and snapshots leave the live context.
 */
export function reasonRequired(camera: Camera, mode: ViewMode): string | null {
  if (camera.owner === 'third_party') return `${camera.name} is a third-party premises camera`;
  if (mode !== 'live') return `${mode} of recorded or exported video`;
  return null;
}

/**
 * Whether a camera may be toured (a tile or wall tour). Each reasoned view needs its own stated
 * reason, which a tour cannot give, so only cameras whose live view needs none are toured.
 */
export function mayTour(camera: Camera): boolean {
  return reasonRequired(camera, 'live') === null;
}
