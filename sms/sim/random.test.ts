import { Random } from './random';

const draw = (r: Random, n: number) => Array.from({ length: n }, () => r.float());

describe('Random', () => {
  it('repeats the same sequence for the same seed and label', () => {
    expect(draw(Random.stream(7, 'units'), 20)).toEqual(draw(Random.stream(7, 'units'), 20));
  });

  it('gives different streams to different labels of one seed', () => {
    expect(draw(Random.stream(7, 'units'), 5)).not.toEqual(draw(Random.stream(7, 'alerts'), 5));
  });

  it('gives different streams to different seeds', () => {
    expect(draw(Random.stream(7, 'units'), 5)).not.toEqual(draw(Random.stream(8, 'units'), 5));
  });

  it('keeps integers within their inclusive bounds', () => {
    const r = Random.stream(1, 'int');
    const values = Array.from({ length: 500 }, () => r.int(3, 5));
    expect(new Set(values)).toEqual(new Set([3, 4, 5]));
  });

  it('never picks an element of zero weight', () => {
    const r = Random.stream(2, 'weighted');
    for (let i = 0; i < 300; i++) expect(r.weightedIndex([1, 0, 2])).not.toBe(1);
  });

  it('draws Poisson counts whose mean approaches the requested mean', () => {
    const r = Random.stream(3, 'poisson');
    let sum = 0;
    for (let i = 0; i < 4000; i++) sum += r.poisson(2.5);
    expect(sum / 4000).toBeGreaterThan(2.3);
    expect(sum / 4000).toBeLessThan(2.7);
  });
});
