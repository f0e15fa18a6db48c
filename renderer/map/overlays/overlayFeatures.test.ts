/// <reference types="geojson" />
import type { MapOverlay } from '../../../shared/protocol';
import { overlayBounds, overlayFeatures } from './overlayFeatures';

const cordon: MapOverlay = {
  id: 'overlay-000001',
  kind: 'cordon',
  name: 'Inner cordon',
  geometry: {
    type: 'Polygon',
    coordinates: [
      [
        [-0.09, 51.513],
        [-0.086, 51.513],
        [-0.086, 51.515],
        [-0.09, 51.515],
        [-0.09, 51.513],
      ],
    ],
  },
  incidentId: null,
  createdBy: 'commander',
  createdAt: '2026-11-25T10:00:00.000Z',
  updatedBy: 'commander',
  updatedAt: '2026-11-25T10:00:00.000Z',
};
const rvp: MapOverlay = {
  ...cordon,
  id: 'overlay-000002',
  kind: 'rvp',
  name: 'RVP 1',
  geometry: { type: 'Point', coordinates: [-0.1, 51.51] },
};

describe('overlay features', () => {
  it('labels every overlay feature with its kind in words, so colour is never the only signal', () => {
    expect(overlayFeatures([cordon]).features[0]?.properties?.label).toBe('CORDON · Inner cordon');
  });

  it('draws a polygon with a label point inside it, and a point as itself', () => {
    const features = overlayFeatures([cordon, rvp]).features;
    expect(features.map((f: GeoJSON.Feature) => [f.properties?.role, f.geometry.type])).toEqual([
      ['shape', 'Polygon'],
      ['label', 'Point'],
      ['shape', 'Point'],
    ]);
    const label = features[1]?.geometry;
    const [lon, lat] = label?.type === 'Point' ? label.coordinates : [];
    expect([lon, lat]).toEqual([expect.closeTo(-0.088, 9), expect.closeTo(51.514, 9)]);
  });

  it('gives the bounds to fly to', () => {
    expect(overlayBounds(cordon)).toEqual([-0.09, 51.513, -0.086, 51.515]);
    expect(overlayBounds(rvp)).toEqual([-0.1, 51.51, -0.1, 51.51]);
  });
});
