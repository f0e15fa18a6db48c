import { z } from 'zod';

const Position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const Line = z.array(Position).min(2);

/**
 * Properties of one street. Only `name` is required: a deployment's own extract (OpenStreetMap,
 * OS Open Roads) may lack the rest, which then take the City's defaults (two-way, 20 mph).
 */
export const StreetPropertiesSchema = z
  .object({
    name: z.string().nullish(),
    class: z.string().nullish(),
    oneway: z.boolean().nullish(),
    maxspeed_mph: z.number().positive().max(200).nullish(),
    bridge: z.boolean().nullish(),
  })
  .loose();

/** One street: a LineString (or MultiLineString) with its properties. */
export const StreetFeatureSchema = z.object({
  type: z.literal('Feature'),
  properties: StreetPropertiesSchema,
  geometry: z.discriminatedUnion('type', [
    z.object({ type: z.literal('LineString'), coordinates: Line }),
    z.object({ type: z.literal('MultiLineString'), coordinates: z.array(Line).min(1) }),
  ]),
});

/** A street network file: noded lines, streets that meet sharing the exact vertex coordinate. */
export const StreetsFileSchema = z.object({
  type: z.literal('FeatureCollection'),
  features: z.array(StreetFeatureSchema).min(1),
});
export type StreetsFile = z.infer<typeof StreetsFileSchema>;

/** Road classes closed to vehicles (the City's file uses `pedestrian`; OSM extracts the others). */
export const PEDESTRIAN_CLASSES: ReadonlySet<string> = new Set(['pedestrian', 'footway', 'path', 'steps']);

/** Parses a street network from unknown JSON, with a readable error naming the bad feature. */
export function parseStreetsFile(json: unknown, source: string): StreetsFile {
  const parsed = StreetsFileSchema.safeParse(json);
  if (!parsed.success) throw new Error(`${source} is not a street network: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
