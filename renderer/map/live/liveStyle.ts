import type { StyleSpecification } from 'maplibre-gl';
import fontUrl from '../basemap/fonts/DejaVuSans.ttf?url';
import { MAP_FONT } from '../basemap/mapFont';

/**
 * The live map's own style: no background and no basemap layers (the basemap is drawn by the map
 * underneath, see `basemap/basemapUnderlay.ts`), only the font its labels need. The live layers are
 * added to it once and never lost to a theme or basemap change.
 */
export function liveStyle(): StyleSpecification {
  return {
    version: 8,
    name: 'JCCR live layers',
    'font-faces': { [MAP_FONT]: new URL(fontUrl, document.baseURI).href },
    sources: {},
    layers: [],
  };
}
