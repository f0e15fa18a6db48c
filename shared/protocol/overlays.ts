import { z } from 'zod';
import { IdSchema, IsoTimeSchema, SERVED_AREA } from './primitives';
import type { Role } from './user';

/** What a major-event overlay marks: a cordon (no entry), a command sector, or a rendezvous point. */
export const OverlayKindSchema = z.enum(['cordon', 'sector', 'rvp']);
export type OverlayKind = z.infer<typeof OverlayKindSchema>;

/** Roles that may draw and remove overlays (the SMS enforces it; clients hide the tools from others). */
export const OVERLAY_EDITOR_ROLES: readonly Role[] = ['supervisor', 'commander', 'admin'];

/** Kinds drawn as an area; an `rvp` is a single point. */
export const AREA_OVERLAY_KINDS: readonly OverlayKind[] = ['cordon', 'sector'];

/** Most vertices an overlay's ring may have (the closing vertex included). */
export const MAX_OVERLAY_VERTICES = 500;

/** Where an overlay may be drawn: the served area, as for every location a command gives. */
export const OVERLAY_BOUNDS = SERVED_AREA;

/** A `[lon, lat]` position inside `OVERLAY_BOUNDS`. */
export const OverlayPositionSchema = z.tuple([
  z.number().min(OVERLAY_BOUNDS.west).max(OVERLAY_BOUNDS.east),
  z.number().min(OVERLAY_BOUNDS.south).max(OVERLAY_BOUNDS.north),
]);
export type OverlayPosition = z.infer<typeof OverlayPositionSchema>;

/** Twice the signed area of a ring in degrees² (shoelace); zero for a degenerate ring. */
function ringArea2(ring: readonly OverlayPosition[]): number {
  let sum = 0;
  for (let i = 0; i + 1 < ring.length; i++) {
    const [x1, y1] = ring[i] as OverlayPosition;
    const [x2, y2] = ring[i + 1] as OverlayPosition;
    sum += x1 * y2 - x2 * y1;
  }
  return sum;
}

/** A closed ring: first and last positions equal, at least three distinct corners, some area. */
export const OverlayRingSchema = z
  .array(OverlayPositionSchema)
  .min(4)
  .max(MAX_OVERLAY_VERTICES)
  .superRefine((ring, ctx) => {
    const first = ring[0];
    const last = ring[ring.length - 1];
    if (!first || !last || first[0] !== last[0] || first[1] !== last[1]) {
      ctx.addIssue({ code: 'custom', message: 'The ring is not closed: its last position must equal its first.' });
      return;
    }
    const corners = new Set(ring.map(([lon, lat]) => `${lon},${lat}`));
    // ~1e-10 deg² is a few square metres: anything smaller is a line or a slip of the hand.
    if (corners.size < 3 || Math.abs(ringArea2(ring)) < 2e-10) {
      ctx.addIssue({ code: 'custom', message: 'The ring needs at least three distinct corners enclosing an area.' });
    }
  });

const POLYGON_FIELDS = { type: z.literal('Polygon'), coordinates: z.tuple([OverlayRingSchema]) };
const POINT_FIELDS = { type: z.literal('Point'), coordinates: OverlayPositionSchema };
/** GeoJSON geometry of an overlay: one outer ring (no holes) for an area, or a point. */
export const OverlayGeometrySchema = z.discriminatedUnion('type', [z.object(POLYGON_FIELDS), z.object(POINT_FIELDS)]);
export type OverlayGeometry = z.infer<typeof OverlayGeometrySchema>;
/** The geometry as `overlay.draw` gives it: strict (overlay records keep `OverlayGeometrySchema`, open). */
export const OverlayGeometryInputSchema = z.discriminatedUnion('type', [
  z.strictObject(POLYGON_FIELDS),
  z.strictObject(POINT_FIELDS),
]);

/** Display name of an overlay, e.g. `Inner cordon` or `Sector B — Bank junction`. */
export const OverlayNameSchema = z.string().trim().min(1).max(100);

/** Kind and geometry that agree: cordons and sectors are polygons, a rendezvous point a point. */
function geometryFitsKind(value: { kind: OverlayKind; geometry: OverlayGeometry }): boolean {
  return AREA_OVERLAY_KINDS.includes(value.kind) === (value.geometry.type === 'Polygon');
}
const KIND_GEOMETRY_MESSAGE = 'Cordons and sectors are polygons; a rendezvous point (rvp) is a point.';

/** A major-event overlay drawn on the map by a supervisor or commander; everyone signed in sees it. */
export const MapOverlaySchema = z
  .object({
    id: IdSchema,
    kind: OverlayKindSchema,
    name: OverlayNameSchema,
    geometry: OverlayGeometrySchema,
    /** The incident the overlay belongs to, if any. */
    incidentId: IdSchema.nullable(),
    /** Username of who first drew it, and when. */
    createdBy: z.string().max(64),
    createdAt: IsoTimeSchema,
    /** Username of who last changed it, and when. */
    updatedBy: z.string().max(64),
    updatedAt: IsoTimeSchema,
  })
  .refine(geometryFitsKind, { message: KIND_GEOMETRY_MESSAGE, path: ['geometry'] });
export type MapOverlay = z.infer<typeof MapOverlaySchema>;

/**
 * Payload of `overlay.draw`: a new overlay, or (with `overlayId`) a new shape, name or link for
 * one. Strict at every depth, as every command payload.
 */
export const OverlayDrawPayloadSchema = z
  .strictObject({
    /** The overlay to replace; absent to create one. */
    overlayId: IdSchema.optional(),
    kind: OverlayKindSchema,
    name: OverlayNameSchema,
    geometry: OverlayGeometryInputSchema,
    incidentId: IdSchema.nullable().optional(),
  })
  .refine(geometryFitsKind, { message: KIND_GEOMETRY_MESSAGE, path: ['geometry'] });
export type OverlayDrawPayload = z.infer<typeof OverlayDrawPayloadSchema>;

/** Payload of `overlay.remove`. */
export const OverlayRemovePayloadSchema = z.strictObject({ overlayId: IdSchema });
