import { Gazetteer } from './gazetteer';

const g = Gazetteer.load();

describe('Gazetteer', () => {
  it('describes a point right at a junction as "A j/w B"', () => {
    const bank = g.stations.find((s) => s.name === 'Bank')!;
    expect(g.address(bank.lon, bank.lat)).toMatch(/ j\/w /);
  });

  it('describes a point mid-street by the street alone', () => {
    expect(g.address(-0.0952, 51.5143)).toBe('Cheapside');
  });

  it('locates a point with its address and ward', () => {
    expect(g.locate(-0.0952, 51.5143)).toMatchObject({ address: 'Cheapside', ward: 'Cheap' });
  });

  it('prefixes a place name to the address', () => {
    expect(g.locate(-0.0952, 51.5143, 'Bow Bells').address).toBe('Bow Bells, Cheapside');
  });

  it('leaves the ward out beyond the City', () => {
    expect(g.locate(-0.0876, 51.5045)).not.toHaveProperty('ward');
  });

  it('keeps only places near the modelled streets', () => {
    expect(g.stations.map((s) => s.name)).not.toContain('Waterloo');
  });
});
