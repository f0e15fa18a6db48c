import { z } from 'zod';

/**
 * A deployment replaces the bundled basemap by configuration: a `map-config.json` beside the
 * app's `index.html` (`{"styleUrl": "https://gis.local/styles/city.json"}`), or `?mapStyle=` on
 * the page URL for a one-off. The live layers are drawn on top of whatever style it names.
 */
export const MapConfigSchema = z.object({ styleUrl: z.url().optional() });

/** Enough of a maplibre style to know it is one; maplibre validates the rest as it loads. */
export const ExternalStyleSchema = z.looseObject({
  version: z.literal(8),
  sources: z.record(z.string(), z.looseObject({ type: z.string() })),
  layers: z.array(z.looseObject({ id: z.string(), type: z.string() })).min(1),
  glyphs: z.string().optional(),
});
export type ExternalStyle = z.infer<typeof ExternalStyleSchema>;

/** What to draw: the bundled basemap, or a configured style; `notice` explains a fallback. */
export type StyleChoice =
  { kind: 'bundled'; notice: string | null } | { kind: 'external'; url: string; style: ExternalStyle };

type Fetch = (url: string, init?: RequestInit) => Promise<Response>;

/** The configured style URL, if any (query parameter first, then map-config.json). */
export async function configuredStyleUrl(pageUrl: string, fetchFn: Fetch): Promise<string | null> {
  const fromQuery = new URL(pageUrl).searchParams.get('mapStyle');
  if (fromQuery) return new URL(fromQuery, pageUrl).href;
  try {
    const response = await fetchFn(new URL('map-config.json', pageUrl).href, { cache: 'no-store' });
    if (!response.ok) return null; // No config file: the bundled basemap, silently.
    const config = MapConfigSchema.safeParse(await response.json());
    return config.success ? (config.data.styleUrl ?? null) : null;
  } catch {
    return null;
  }
}

/** Loads and validates a configured style; any failure falls back to the bundled one, saying why. */
export async function chooseStyle(url: string | null, fetchFn: Fetch, timeoutMs = 5_000): Promise<StyleChoice> {
  if (url === null) return { kind: 'bundled', notice: null };
  const fallback = (why: string): StyleChoice => ({
    kind: 'bundled',
    notice: `The configured map style (${url}) ${why}; showing the bundled City of London basemap.`,
  });
  let body: unknown;
  try {
    const response = await fetchFn(url, { signal: AbortSignal.timeout(timeoutMs) });
    if (!response.ok) return fallback(`could not be loaded (HTTP ${response.status})`);
    body = await response.json();
  } catch {
    return fallback('is unreachable or not JSON');
  }
  const parsed = ExternalStyleSchema.safeParse(body);
  if (!parsed.success) return fallback('is not a valid maplibre style');
  return { kind: 'external', url, style: parsed.data };
}
