import type { Camera } from '../../shared/protocol';
import type { StreamKind } from './recipe';

/** One loop to encode: a camera's stream. */
export interface PrewarmItem<C> {
  camera: C;
  stream: StreamKind;
}

/**
 * The order a start-up prewarm encodes loops in: the sub streams of `firstIds` (the room wall's
 * cameras, so the wall plays at once), then every other camera's sub stream (grid tiles play
 * those), then the main streams (only a focused tile plays one). Unknown ids are skipped; each
 * loop comes once.
 */
export function prewarmOrder<C extends Pick<Camera, 'id'>>(
  cameras: readonly C[],
  firstIds: readonly string[],
): PrewarmItem<C>[] {
  const byId = new Map(cameras.map((c) => [c.id, c]));
  const first = [...new Set(firstIds)].flatMap((id) => byId.get(id) ?? []);
  const rest = cameras.filter((c) => !first.includes(c));
  return [
    ...[...first, ...rest].map((camera) => ({ camera, stream: 'sub' as const })),
    ...cameras.map((camera) => ({ camera, stream: 'main' as const })),
  ];
}
