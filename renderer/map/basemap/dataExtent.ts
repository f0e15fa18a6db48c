/// <reference types="geojson" />
import { SERVED_AREA } from '../../../shared/protocol/primitives';

/** West, south, east, north in WGS84 degrees. */
export type LonLatBox = readonly [west: number, south: number, east: number, north: number];

/**
 * Where the bundled basemap has data: the "view bbox" of data/geo/README.md, the City padded by
 * about 300 m, to which the river, red routes and rail lines are clipped. Past it only the
 * borough fill goes on, so the Thames and the roads would stop at a straight line.
 */
export const BUNDLED_DATA_EXTENT: LonLatBox = [-0.12, 51.503, -0.065, 51.527];

/**
 * How far the bundled map may be panned: the data extent with about 2 km either side, so a map
 * pane of up to about 1,400 px can still zoom out to 14 (the unit dots' zoom, see
 * live/unitLayer.ts) and see the whole City with its approaches. What lies between the data's
 * edge and these bounds is filled by `dataEdgeMask`.
 */
export const BUNDLED_VIEW_BOUNDS: LonLatBox = [-0.15, 51.488, -0.035, 51.542];

/** A configured style brings its own data for wherever the SMS accepts a location. */
export const SERVED_VIEW_BOUNDS: LonLatBox = [SERVED_AREA.west, SERVED_AREA.south, SERVED_AREA.east, SERVED_AREA.north];

/** The bounds of the view for the bundled basemap or a configured style. */
export function viewBounds(style: 'bundled' | 'external'): LonLatBox {
  return style === 'bundled' ? BUNDLED_VIEW_BOUNDS : SERVED_VIEW_BOUNDS;
}

/** Feathering: steps from transparent inside to opaque at the data's edge. */
const FEATHER_STEPS = 5;
/** Width of each step, in degrees (about 45 m east-west and north-south at the City's latitude). */
const STEP_LON = 0.00065;
const STEP_LAT = 0.0004;

const ring = ([w, s, e, n]: LonLatBox): GeoJSON.Position[] => [
  [w, s],
  [e, s],
  [e, n],
  [w, n],
  [w, s],
];
/** A hole winds the other way round from its polygon's outer ring (maplibre reads rings so). */
const hole = (box: LonLatBox): GeoJSON.Position[] => ring(box).reverse();
const shrink = ([w, s, e, n]: LonLatBox, steps: number): LonLatBox => [
  w + steps * STEP_LON,
  s + steps * STEP_LAT,
  e - steps * STEP_LON,
  n - steps * STEP_LAT,
];

/**
 * Polygons in the background colour over the basemap: opaque from the data's edge out past the
 * view bounds, and a feather of rings inside the edge whose opacity falls to nothing, so panning
 * to the bounds shows the City's surroundings fade into the background instead of a river and
 * roads cut off along a straight line. Each feature carries its `opacity`.
 */
export function dataEdgeMask(extent: LonLatBox = BUNDLED_DATA_EXTENT, outer: LonLatBox = SERVED_VIEW_BOUNDS) {
  const features: GeoJSON.Feature<GeoJSON.Polygon, { opacity: number }>[] = [
    {
      type: 'Feature',
      properties: { opacity: 1 },
      geometry: { type: 'Polygon', coordinates: [ring(outer), hole(extent)] },
    },
  ];
  for (let step = 0; step < FEATHER_STEPS; step += 1) {
    features.push({
      type: 'Feature',
      properties: { opacity: Number((1 - (step + 1) / (FEATHER_STEPS + 1)).toFixed(3)) },
      geometry: { type: 'Polygon', coordinates: [ring(shrink(extent, step)), hole(shrink(extent, step + 1))] },
    });
  }
  return { type: 'FeatureCollection' as const, features };
}
