import type { Map as MaplibreMap } from 'maplibre-gl';
import { TerraDraw, TerraDrawPolygonMode, ValidateNotSelfIntersecting } from 'terra-draw';
import { TerraDrawMapLibreGLAdapter } from 'terra-draw-maplibre-gl-adapter';
import { cornersOfRing, type Corner } from './overlayDraft';

/**
 * Polygon drawing with the pointer, by terra-draw (click corners, click the first to close;
 * a ring that crosses itself is refused as it is drawn). The keyboard has its own way in
 * MapOverlays, so terra-draw's own keys are off. Returns a function that stops it.
 */
export function startPointerDrawing(map: MaplibreMap, onFinish: (corners: Corner[]) => void): () => void {
  const draw = new TerraDraw({
    adapter: new TerraDrawMapLibreGLAdapter({ map, prefixId: 'overlay-draw' }),
    modes: [
      new TerraDrawPolygonMode({
        keyEvents: null,
        validation: (feature) => ValidateNotSelfIntersecting(feature),
        styles: {
          fillColor: '#ffffff',
          fillOpacity: 0.1,
          outlineColor: '#ffffff',
          outlineWidth: 2,
          closingPointColor: '#ffd23f',
          closingPointWidth: 6,
        },
      }),
    ],
  });
  draw.start();
  draw.setMode('polygon');
  draw.on('finish', (id) => {
    const feature = draw.getSnapshotFeature(id);
    if (feature?.geometry.type !== 'Polygon') return;
    const ring = feature.geometry.coordinates[0] ?? [];
    draw.clear();
    onFinish(cornersOfRing(ring));
  });
  return () => {
    if (draw.enabled) draw.stop();
  };
}
