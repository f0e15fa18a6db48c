import { z } from 'zod';

/** Opaque entity id, assigned by the SMS (commands use client-generated ids). */
export const IdSchema = z.string().min(1).max(100);
export type Id = z.infer<typeof IdSchema>;

/** ISO-8601 UTC timestamp with milliseconds, e.g. `2026-11-25T09:30:00.000Z`. */
export const IsoTimeSchema = z.iso.datetime();
export type IsoTime = z.infer<typeof IsoTimeSchema>;

/** WGS84 longitude/latitude in degrees. */
export const LonLatSchema = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type LonLat = z.infer<typeof LonLatSchema>;

/** A place: coordinates plus, where known, a street address and the City ward it lies in. */
export const LocationSchema = LonLatSchema.extend({
  address: z.string().max(300).optional(),
  ward: z.string().max(100).optional(),
});
export type Location = z.infer<typeof LocationSchema>;

/** Compass bearing in degrees clockwise from north, [0, 360). */
export const BearingSchema = z.number().min(0).lt(360);
