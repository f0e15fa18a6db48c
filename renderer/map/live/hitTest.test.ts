import type { Map as MaplibreMap } from 'maplibre-gl';
import { hitTest } from './hitTest';
import { clickTarget } from './liveLayers';
import type { MapUnits } from './mapUnits';

describe('clickTarget', () => {
  it('says what a click on each clickable layer does', () => {
    expect(clickTarget('incidents')).toBe('incident');
    expect(clickTarget('incident-clusters')).toBe('cluster');
    expect(clickTarget('cameras-dot')).toBe('camera');
    expect(clickTarget('servicePoints')).toBe('servicePoint');
    expect(clickTarget('units-12-icon')).toBe('unit');
  });

  it('leaves every other layer unclickable', () => {
    for (const id of ['units-12-heading', 'units-dots', 'incidents-pulse', 'fov', 'selection', 'heat'])
      expect(clickTarget(id)).toBeNull();
  });
});

describe('hitTest', () => {
  // A stand-in for maplibre's Map (a third-party API): a style and what is rendered at the point.
  const mapWith = (rendered: { layer: { id: string }; properties: { id?: string } }[]) => {
    const asked: string[][] = [];
    const map = {
      getStyle: () => ({
        layers: ['heat', 'incidents', 'units-0-heading', 'units-0-icon', 'selection'].map((id) => ({ id })),
      }),
      queryRenderedFeatures: (_box: unknown, options: { layers: string[] }) => {
        asked.push(options.layers);
        return rendered;
      },
    };
    return { map: map as unknown as MaplibreMap, asked };
  };
  const units = (nearest: string | null) => ({ nearest: () => nearest }) as unknown as MapUnits;

  it('queries only the clickable layers and selects the topmost feature', () => {
    const { map, asked } = mapWith([{ layer: { id: 'units-0-icon' }, properties: { id: 'u1' } }]);
    expect(hitTest(map, { x: 10, y: 10 }, units(null))).toEqual({ kind: 'select', target: { kind: 'unit', id: 'u1' } });
    expect(asked).toEqual([['incidents', 'units-0-icon']]);
  });

  it('zooms into a cluster', () => {
    const { map } = mapWith([{ layer: { id: 'incident-clusters' }, properties: {} }]);
    expect(hitTest(map, { x: 10, y: 10 }, units(null))).toEqual({ kind: 'cluster' });
  });

  it('falls back to the nearest unit dot, which maplibre cannot query', () => {
    const { map } = mapWith([]);
    expect(hitTest(map, { x: 10, y: 10 }, units('u9'))).toEqual({ kind: 'select', target: { kind: 'unit', id: 'u9' } });
    expect(hitTest(map, { x: 10, y: 10 }, units(null))).toBeNull();
  });
});
