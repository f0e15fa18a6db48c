import type * as maplibregl from 'maplibre-gl';
import { attachFollowerMap, type FollowerMap } from '../followerMap';

/**
 * The basemap in a map of its own, under the live map. The live map redraws several times a
 * second (Grade 1 pulses, unit icons) and, with software GL, repainting every street and label of
 * the City each time was most of each frame; drawn apart, the basemap repaints only when the view
 * moves or its style changes. It is not interactive: it follows the live map's camera, in the same
 * frame the live map draws (`followerMap.ts`).
 */
export type BasemapUnderlay = FollowerMap;

/** Creates the basemap map in `container` and keeps it under `live`. */
export function attachBasemapUnderlay(
  container: HTMLElement,
  live: maplibregl.Map,
  options: Omit<maplibregl.MapOptions, 'container' | 'interactive' | 'center' | 'zoom' | 'bearing' | 'pitch'>,
): BasemapUnderlay {
  return attachFollowerMap(container, live, options);
}
