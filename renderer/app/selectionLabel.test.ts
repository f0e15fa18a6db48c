import { aCamera, aSnapshot, anIncident } from '../../test/support/records';
import { selectionLabel } from './selectionLabel';

describe('selection label', () => {
  const snapshot = aSnapshot({
    incidents: [anIncident({ id: 'inc-1', ref: 'CAD-2026-000042' })],
    cameras: [aCamera({ id: 'cam-1', name: 'Bank junction' })],
  });

  it('names what is selected as the operator knows it', () => {
    expect(selectionLabel(snapshot, { kind: 'incident', id: 'inc-1' })).toBe('Incident CAD-2026-000042');
    expect(selectionLabel(snapshot, { kind: 'camera', id: 'cam-1' })).toBe('Camera Bank junction');
  });

  it('falls back to the id before the snapshot is in, or for something unknown', () => {
    expect(selectionLabel(undefined, { kind: 'incident', id: 'inc-1' })).toBe('Incident inc-1');
    expect(selectionLabel(snapshot, { kind: 'unit', id: 'u-9' })).toBe('Unit u-9');
  });

  it('says when nothing is selected', () => {
    expect(selectionLabel(snapshot, null)).toBe('Nothing selected');
  });
});
