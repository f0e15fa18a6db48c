import { cornersOfRing, draftGeometry, draftProblem, withCorner, type Corner } from './overlayDraft';

const bank: Corner[] = [
  [-0.09, 51.513],
  [-0.087, 51.513],
  [-0.087, 51.515],
];

describe('drawing an overlay', () => {
  it('closes the ring of a cordon and makes a point of a rendezvous point', () => {
    expect(draftGeometry('cordon', bank)).toEqual({ type: 'Polygon', coordinates: [[...bank, bank[0]]] });
    expect(draftGeometry('rvp', bank)).toEqual({ type: 'Point', coordinates: bank[0] });
    expect(draftGeometry('sector', [])).toBeNull();
  });

  it('ignores a corner that repeats the last one and rounds to six decimals', () => {
    const once = withCorner([], [-0.0900001234, 51.5130004]);
    expect(once).toEqual([[-0.09, 51.513]]);
    expect(withCorner(once, [-0.09, 51.513])).toEqual(once);
  });

  it('reads the corners of a closed ring from the pointer tool', () => {
    expect(cornersOfRing([...bank, bank[0] as Corner])).toEqual(bank);
  });

  it('says what is missing, or what is wrong', () => {
    expect(draftProblem('cordon', bank.slice(0, 2))).toBe('Add at least 3 corners (2 so far).');
    expect(draftProblem('cordon', bank)).toBeNull();
    expect(draftProblem('rvp', bank.slice(0, 1))).toBeNull();
    expect(draftProblem('cordon', [[2.35, 48.85], ...bank.slice(1)])).toMatch(/outside Greater London/);
    expect(
      draftProblem('sector', [
        [-0.09, 51.513],
        [-0.089, 51.513],
        [-0.088, 51.513],
      ]),
    ).toMatch(/enclosing an area/);
  });
});
