import { z } from 'zod';

/** Opaque entity id, assigned by the SMS (commands use client-generated ids). */
export const IdSchema = z.string().min(1).max(100);
export type Id = z.infer<typeof IdSchema>;

/** ISO-8601 UTC timestamp with milliseconds, e.g. `2026-11-25T09:30:00.000Z`. */
export const IsoTimeSchema = z.iso.datetime();
export type IsoTime = z.infer<typeof IsoTimeSchema>;

/** WGS84 longitude/latitude in degrees (finite: NaN and infinities are refused, JSON has neither). */
export const LonLatSchema = z.object({
  lon: z.number().min(-180).max(180),
  lat: z.number().min(-90).max(90),
});
export type LonLat = z.infer<typeof LonLatSchema>;

const ADDRESS = z.string().max(300);

/** A place: coordinates plus, where known, a street address and the City ward it lies in. */
export const LocationSchema = LonLatSchema.extend({
  address: ADDRESS.optional(),
  ward: z.string().max(100).optional(),
}).describe(
  'Where a record is, in WGS84 degrees, with its street address and City ward where known. Records keep what they were given; commands accept only points inside the served area (see incident.create).',
);
export type Location = z.infer<typeof LocationSchema>;

/**
 * The area the SMS serves: Greater London with a margin. The City's incidents, those on its
 * approaches and any mutual aid across London lie well inside; a point outside is a slip
 * (swapped or mistyped coordinates, the map clicked off its edge), refused rather than stored.
 */
export const SERVED_AREA = { west: -0.6, south: 51.2, east: 0.4, north: 51.8 } as const;

/** Furthest a point may be from a street the SMS knows for the SMS to give it that street as its address. */
export const ADDRESS_RADIUS_METRES = 250;

const OUTSIDE_SERVED_AREA = `The point is outside the served area (Greater London: lon ${SERVED_AREA.west} to ${SERVED_AREA.east}, lat ${SERVED_AREA.south} to ${SERVED_AREA.north}); check for swapped or mistyped coordinates.`;

/**
 * A location as an operator gives it in a command: a point inside the served area and, if the
 * caller said one, the address. Refusing points outside keeps every lookup the SMS then makes
 * on the point (address, ward, routes) about a place it serves. Strict, as every inbound object
 * is: a misspelt key (`lattitude`) is refused by name instead of dropped unseen.
 */
export const LocationInputSchema = z
  .strictObject({
    lon: z.number().min(SERVED_AREA.west, OUTSIDE_SERVED_AREA).max(SERVED_AREA.east, OUTSIDE_SERVED_AREA),
    lat: z.number().min(SERVED_AREA.south, OUTSIDE_SERVED_AREA).max(SERVED_AREA.north, OUTSIDE_SERVED_AREA),
    address: ADDRESS.optional(),
  })
  .describe(
    `A point inside the served area, Greater London with a margin: lon ${SERVED_AREA.west} to ${SERVED_AREA.east}, lat ${SERVED_AREA.south} to ${SERVED_AREA.north} (WGS84 degrees, finite numbers). A point outside answers \`invalid\` naming the field. Without \`address\` the SMS gives the nearest street it knows as the address when that street is within ${ADDRESS_RADIUS_METRES} m (the reference SMS knows the City's streets), and the City ward the point lies in; further from its streets the record has no address.`,
  );
export type LocationInput = z.infer<typeof LocationInputSchema>;

/** Compass bearing in degrees clockwise from north, [0, 360). */
export const BearingSchema = z.number().min(0).lt(360);

/** A query-string integer: digits only (no sign, exponent, hex, blank or NaN), at most a safe integer. */
export const QueryIntSchema = z
  .string()
  .regex(/^\d{1,16}$/, 'expected a non-negative integer')
  .transform(Number)
  .pipe(z.number().int().max(Number.MAX_SAFE_INTEGER));
