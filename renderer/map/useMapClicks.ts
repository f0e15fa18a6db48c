import type { MapMouseEvent } from 'maplibre-gl';
import { useEffect, useRef, type RefObject } from 'react';
import { select } from '../workstation/selection';
import { hitTest } from './live/hitTest';
import type { ContextPoint } from './ui/MapContextMenu';
import type { LiveMap } from './useLiveMap';

interface MapClicks {
  /** Points measured so far, or null when not measuring. */
  measuring: [number, number][] | null;
  onMeasure: (points: [number, number][]) => void;
  /** True while a cordon is being drawn: its clicks place corners (MapOverlays). */
  drawingRef: RefObject<boolean>;
  /** Opens the context menu at a point (null closes it). */
  onMenu: (menu: ContextPoint | null) => void;
}

/**
 * Clicks on the live map: select what is under the pointer (a cluster zooms in), or add a
 * measuring point; a right click opens the context menu there.
 */
export function useMapClicks(live: LiveMap, { measuring, onMeasure, drawingRef, onMenu }: MapClicks): void {
  const { mapRef, unitsRef, styleReady } = live;
  // Read at click time, without re-binding the handlers on every measured point.
  const measuringRef = useRef(measuring);
  useEffect(() => {
    measuringRef.current = measuring;
  }, [measuring]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0) return;
    const onClick = (e: MapMouseEvent) => {
      onMenu(null);
      // A click while drawing a cordon places a corner; it selects nothing.
      if (drawingRef.current) return;
      if (measuringRef.current) {
        onMeasure([...measuringRef.current, [e.lngLat.lng, e.lngLat.lat]]);
        return;
      }
      const hit = hitTest(map, e.point, unitsRef.current);
      if (hit?.kind === 'cluster') map.easeTo({ center: e.lngLat, zoom: map.getZoom() + 2 });
      else if (hit?.kind === 'select') select(hit.target);
    };
    const onContext = (e: MapMouseEvent) => {
      e.preventDefault();
      onMenu({ lon: e.lngLat.lng, lat: e.lngLat.lat, x: e.point.x, y: e.point.y });
    };
    map.on('click', onClick);
    map.on('contextmenu', onContext);
    return () => {
      map.off('click', onClick);
      map.off('contextmenu', onContext);
    };
  }, [mapRef, unitsRef, styleReady, drawingRef, onMeasure, onMenu]);
}
