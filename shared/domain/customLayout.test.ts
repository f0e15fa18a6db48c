import { customLayoutProblems } from './customLayout';

describe('customLayoutProblems', () => {
  it('accepts a 1+3 arrangement that covers its grid exactly once', () => {
    const cells = [
      { col: 0, row: 0, width: 3, height: 2 },
      { col: 0, row: 2, width: 1, height: 1 },
      { col: 1, row: 2, width: 1, height: 1 },
      { col: 2, row: 2, width: 1, height: 1 },
    ];
    expect(customLayoutProblems(3, 3, cells)).toEqual([]);
  });

  it('says in words where tiles overlap and which cells no tile covers', () => {
    const cells = [
      { col: 0, row: 0, width: 2, height: 1 },
      { col: 1, row: 0, width: 1, height: 1 },
    ];
    expect(customLayoutProblems(3, 1, cells)).toEqual([
      'Tiles 1 and 2 overlap at row 1, column 2. Split one of them.',
      'No tile covers row 1, column 3.',
    ]);
  });
});
