import { findRows } from './finderRows';

const units = [
  { id: 'u2', callsign: 'CO12', kind: 'car' as const, status: 'en_route' as const },
  { id: 'u1', callsign: 'CO2', kind: 'foot' as const, status: 'available' as const },
  { id: 'u3', callsign: 'ARV1', kind: 'armed_response' as const, status: 'available' as const },
];
const cameras = [
  { id: 'c1', name: 'Bank junction', owner: 'tfl' as const, online: true },
  { id: 'c2', name: 'London Bridge north', owner: 'corporation' as const, online: false },
];

describe('finder rows', () => {
  it('lists units by callsign in natural order, with status and kind in words', () => {
    expect(findRows('unit', '', units, cameras).map((r) => [r.label, r.detail])).toEqual([
      ['ARV1', 'Available · Armed response'],
      ['CO2', 'Available · Foot patrol'],
      ['CO12', 'En route · Response car'],
    ]);
  });

  it('matches every word of the query against callsign, status and kind', () => {
    expect(findRows('unit', 'available co', units, cameras).map((r) => r.id)).toEqual(['u1']);
    expect(findRows('unit', 'en route', units, cameras).map((r) => r.id)).toEqual(['u2']);
  });

  it('finds cameras by name, owner and whether they are online', () => {
    expect(findRows('camera', 'offline', units, cameras).map((r) => r.id)).toEqual(['c2']);
    expect(findRows('camera', 'tfl bank', units, cameras).map((r) => r.id)).toEqual(['c1']);
  });
});
