import type { StyleChoice } from './styleConfig';

/**
 * A basemap error that means the configured style cannot be drawn (a source's tiles or data
 * failed): the bundled style to fall back to, with the notice that says why. Null for any other
 * error, and for the bundled style itself (nothing to fall back to).
 */
export function fallbackOnError(choice: StyleChoice, error: object): { choice: StyleChoice; notice: string } | null {
  if (choice.kind !== 'external' || !('sourceId' in error)) return null;
  return {
    choice: { kind: 'bundled', notice: null },
    notice: `The configured map style (${choice.url}) failed to load its data; showing the bundled City of London basemap.`,
  };
}
