import {
  AREA_OVERLAY_KINDS,
  MAX_OVERLAY_VERTICES,
  OverlayGeometrySchema,
  type OverlayGeometry,
  type OverlayKind,
} from '../../../shared/protocol';

/** A corner as `[lon, lat]`. */
export type Corner = [number, number];

/** Six decimals are about 10 cm: plenty for a cordon, and a short payload. */
const round = (x: number) => Math.round(x * 1e6) / 1e6;

/** Adds a corner, ignoring one that repeats the last (a double press, a click without moving). */
export function withCorner(corners: readonly Corner[], corner: Corner): Corner[] {
  const next: Corner = [round(corner[0]), round(corner[1])];
  const last = corners.at(-1);
  if (last && last[0] === next[0] && last[1] === next[1]) return [...corners];
  if (corners.length >= MAX_OVERLAY_VERTICES - 1) return [...corners];
  return [...corners, next];
}

/** The corners of a drawn ring without its closing repeat (terra-draw hands back a closed ring). */
export function cornersOfRing(ring: readonly (readonly number[])[]): Corner[] {
  let corners: Corner[] = [];
  for (const p of ring) {
    const [lon, lat] = p;
    if (lon !== undefined && lat !== undefined) corners = withCorner(corners, [lon, lat]);
  }
  const first = corners[0];
  const last = corners.at(-1);
  if (corners.length > 1 && first && last && first[0] === last[0] && first[1] === last[1]) corners.pop();
  return corners;
}

/** The geometry an overlay of `kind` drawn with these corners would have: a closed ring, or a point. */
export function draftGeometry(kind: OverlayKind, corners: readonly Corner[]): OverlayGeometry | null {
  const first = corners[0];
  if (!first) return null;
  if (!AREA_OVERLAY_KINDS.includes(kind)) return { type: 'Point', coordinates: first };
  return { type: 'Polygon', coordinates: [[...corners, first]] };
}

/** Why these corners cannot be sent yet, in the operator's words, or null when they can. */
export function draftProblem(kind: OverlayKind, corners: readonly Corner[]): string | null {
  const area = AREA_OVERLAY_KINDS.includes(kind);
  if (area && corners.length < 3) return `Add at least 3 corners (${corners.length} so far).`;
  if (!area && corners.length < 1) return 'Place the point first.';
  const parsed = OverlayGeometrySchema.safeParse(draftGeometry(kind, corners));
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  if (issue?.code === 'too_small' || issue?.code === 'too_big') {
    return 'A corner is outside Greater London, or there are too many corners.';
  }
  return issue?.message ?? 'The shape is not valid.';
}
