import * as maplibregl from 'maplibre-gl';

/**
 * The basemap in a map of its own, under the live map. The live map redraws several times a
 * second (units, Grade 1 pulses) and, with software GL, repainting every street and label of the
 * City each time was most of each frame; drawn apart, the basemap repaints only when the view
 * moves or its style changes. It is not interactive: it follows the live map's camera, in the same
 * frame the live map draws.
 */
export interface BasemapUnderlay {
  readonly map: maplibregl.Map;
  /** Stops following and removes the map. */
  remove(): void;
}

/** Creates the basemap map in `container` and keeps it under `live`. */
export function attachBasemapUnderlay(
  container: HTMLElement,
  live: maplibregl.Map,
  options: Omit<maplibregl.MapOptions, 'container' | 'interactive' | 'center' | 'zoom' | 'bearing' | 'pitch'>,
): BasemapUnderlay {
  const map = new maplibregl.Map({
    ...options,
    container,
    interactive: false,
    center: live.getCenter(),
    zoom: live.getZoom(),
    bearing: live.getBearing(),
    pitch: live.getPitch(),
  });
  // The live canvas above is the one people and assistive technology use; this one is décor.
  const canvas = map.getCanvas();
  canvas.removeAttribute('role');
  canvas.removeAttribute('aria-label');
  canvas.removeAttribute('tabindex');
  canvas.setAttribute('aria-hidden', 'true');

  let moved = true;
  const onMove = () => {
    moved = true;
  };
  const onRender = () => {
    if (!moved) return;
    moved = false;
    map.jumpTo({ center: live.getCenter(), zoom: live.getZoom(), bearing: live.getBearing(), pitch: live.getPitch() });
    // Drawn now, in the live map's frame, so the two never drift apart while panning.
    if (map.isStyleLoaded()) map.redraw();
  };
  live.on('move', onMove);
  live.on('render', onRender);
  return {
    map,
    remove() {
      live.off('move', onMove);
      live.off('render', onRender);
      map.remove();
    },
  };
}
