import * as maplibregl from 'maplibre-gl';
// maplibre finds its worker by a URL it builds at run time, which no bundler can follow: Vite
// bundles the worker as a worker entry here and maplibre is told where it is, on the app's
// own origin (jccr://app in Electron; CSP worker-src 'self' covers it).
import workerUrl from 'maplibre-gl/dist/maplibre-gl-worker.mjs?worker&url';
import { BASEMAP_ATTRIBUTION } from './basemap/basemapStyle';
import { attachBasemapUnderlay, type BasemapUnderlay } from './basemap/basemapUnderlay';
import { CompactAttributionControl } from './basemap/compactAttribution';
import { attachFollowerMap, type FollowerMap } from './followerMap';
import { viewBounds } from './basemap/dataExtent';
import { liveStyle } from './live/liveStyle';

maplibregl.setWorkerUrl(new URL(workerUrl, document.baseURI).href);

const CITY_BOUNDS: [number, number, number, number] = [-0.115, 51.505, -0.07, 51.525];

export interface MapsOptions {
  /** Where the live map goes (on top, interactive). */
  container: HTMLElement;
  /** Where the basemap goes (under it). */
  basemapContainer: HTMLElement;
  /** Where the unit dots go (between the two). */
  unitDotsContainer: HTMLElement;
  basemapStyle: maplibregl.StyleSpecification | string;
  /** A configured style brings its own attribution; the bundled one's is added. */
  externalStyle: boolean;
  /** Keep the canvases' pixels after each frame (for the map bench, which reads them). */
  preserveDrawingBuffer: boolean;
}

/**
 * The three maps: the live map (interactive, every live layer, transparent style) over the unit
 * dots, over the basemap, each drawn apart (see basemapUnderlay.ts and the README for why), with
 * their controls.
 */
export function createMaps(options: MapsOptions): {
  live: maplibregl.Map;
  underlay: BasemapUnderlay;
  unitDots: FollowerMap;
} {
  const canvasContextAttributes = { preserveDrawingBuffer: options.preserveDrawingBuffer };
  const live = new maplibregl.Map({
    container: options.container,
    style: liveStyle(),
    bounds: CITY_BOUNDS,
    // Never past the basemap's data: no river or road cut off along a straight line.
    maxBounds: [...viewBounds(options.externalStyle ? 'external' : 'bundled')],
    minZoom: 12,
    maxZoom: 19,
    attributionControl: false,
    canvasContextAttributes,
    fadeDuration: 0,
    // maplibre names its canvas region "Map", as the surface around it is named: landmarks are
    // told apart by name, and this one is where the keys work.
    locale: { 'Map.Title': 'Live map: arrow keys pan, plus and minus zoom, Shift+F10 actions here' },
  });
  const underlay = attachBasemapUnderlay(options.basemapContainer, live, {
    style: options.basemapStyle,
    minZoom: 12,
    maxZoom: 19,
    attributionControl: false,
    canvasContextAttributes,
    fadeDuration: 0,
  });
  // Bottom-left of the basemap, above the live canvas (map.css): the scale stacks over the attribution.
  underlay.map.addControl(
    // An ⓘ button showing the text on demand unless the map is wide enough for it on one line.
    new CompactAttributionControl(options.externalStyle ? { customAttribution: BASEMAP_ATTRIBUTION } : {}),
    'bottom-left',
  );
  live.addControl(new maplibregl.NavigationControl({ visualizePitch: false }), 'bottom-right');
  underlay.map.addControl(new maplibregl.ScaleControl({ unit: 'metric' }), 'bottom-left');
  // Units move several times a second: drawn on a map of their own, a move repaints only the
  // dots, not every incident, camera and label of the live map (which at 20,000 units made
  // every frame cost all of them). Transparent, no layers of its own: UnitLayer adds the dots.
  const unitDots = attachFollowerMap(options.unitDotsContainer, live, {
    style: { version: 8, name: 'JCCR unit dots', sources: {}, layers: [] },
    minZoom: 12,
    maxZoom: 19,
    attributionControl: false,
    canvasContextAttributes,
    fadeDuration: 0,
  });
  return { live, underlay, unitDots };
}
