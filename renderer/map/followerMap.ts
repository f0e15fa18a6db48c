import * as maplibregl from 'maplibre-gl';

/** A map drawn apart from the live map and following its camera (the basemap, the unit dots). */
export interface FollowerMap {
  readonly map: maplibregl.Map;
  /** Stops following and removes the map. */
  remove(): void;
}

/**
 * Creates a non-interactive map in `container` that follows `live`'s camera, in the same frame
 * the live map draws, so the two never drift apart while panning. Its canvas is décor for
 * assistive technology: the live canvas is the one people use.
 */
export function attachFollowerMap(
  container: HTMLElement,
  live: maplibregl.Map,
  options: Omit<maplibregl.MapOptions, 'container' | 'interactive' | 'center' | 'zoom' | 'bearing' | 'pitch'>,
): FollowerMap {
  const map = new maplibregl.Map({
    ...options,
    container,
    interactive: false,
    center: live.getCenter(),
    zoom: live.getZoom(),
    bearing: live.getBearing(),
    pitch: live.getPitch(),
  });
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
    // Drawn now, in the live map's frame.
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
