import { aCamera, anIncident } from '../../test/support/records';
import { selectedPosition } from './selectedPosition';

describe('selectedPosition', () => {
  const incident = anIncident();
  const camera = aCamera();
  const entities = { incidents: [incident], cameras: [camera], alerts: undefined, servicePoints: [] };
  const units = { position: (id: string): [number, number] | null => (id === 'u1' ? [1, 2] : null) };

  it('finds a selected entity where the map draws it', () => {
    expect(selectedPosition({ kind: 'incident', id: incident.id }, entities, units)).toEqual([
      incident.location.lon,
      incident.location.lat,
    ]);
    expect(selectedPosition({ kind: 'camera', id: camera.id }, entities, units)).toEqual([
      camera.position.lon,
      camera.position.lat,
    ]);
    expect(selectedPosition({ kind: 'unit', id: 'u1' }, entities, units)).toEqual([1, 2]);
  });

  it('has no point for nothing, an unknown id, an unloaded list or an area', () => {
    expect(selectedPosition(null, entities, units)).toBeNull();
    expect(selectedPosition({ kind: 'incident', id: 'nope' }, entities, units)).toBeNull();
    expect(selectedPosition({ kind: 'alert', id: 'a1' }, entities, units)).toBeNull();
    expect(selectedPosition({ kind: 'overlay', id: 'o1' }, entities, null)).toBeNull();
  });
});
