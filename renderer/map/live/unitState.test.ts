import { aUnit } from '../../../test/support/records';
import { applyRecord, movePosition, snap, unitFeature, unitPropertyList, unitState } from './unitState';

describe('unit state', () => {
  it('draws a unit at its report until it moves, and where it is shown while it glides', () => {
    const unit = unitState(aUnit({ id: 'u1', callsign: 'CW11', position: { lon: -0.09, lat: 51.51 } }), 7, 0);
    movePosition(unit, { id: 'u1', lon: -0.08, lat: 51.52, heading: 45, speed: 2 });
    expect(unitFeature(unit)).toMatchObject({
      id: 7,
      geometry: { type: 'Point', coordinates: [-0.09, 51.51] },
      properties: { id: 'u1', callsign: 'CW11', heading: 45, status: 'available', statusText: 'Available' },
    });
    snap(unit);
    expect(unitFeature(unit).geometry).toEqual({ type: 'Point', coordinates: [-0.08, 51.52] });
  });

  it('takes a new record whole, and lists its properties for a diff', () => {
    const unit = unitState(aUnit({ id: 'u1' }), 0, 0);
    applyRecord(unit, aUnit({ id: 'u1', status: 'on_scene', kind: 'van', callsign: 'V1' }));
    const properties = Object.fromEntries(unitPropertyList(unit).map(({ key, value }) => [key, value]));
    expect(properties).toMatchObject({ status: 'on_scene', statusText: 'On scene', kind: 'van', callsign: 'V1' });
    expect(properties.icon).toEqual(expect.any(String));
  });
});
