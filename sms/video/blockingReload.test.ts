import { ADVANCE_PART_LIMIT, decideReload } from './blockingReload';

/** The newest part: segment 1000, part 2. */
const NEWEST = { msn: 1000, part: 2 };
const decide = (query: Record<string, unknown>) => decideReload(query, NEWEST);
const kind = (query: Record<string, unknown>) => decide(query).kind;

describe('decideReload', () => {
  it('answers a request without directives at once', () => {
    expect(kind({})).toBe('now');
  });

  it('answers at once for a part that exists', () => {
    expect([kind({ _HLS_msn: '1000', _HLS_part: '2' }), kind({ _HLS_msn: '999', _HLS_part: '4' })]).toEqual([
      'now',
      'now',
    ]);
  });

  it('holds a request for the next part until it exists', () => {
    expect(decide({ _HLS_msn: '1000', _HLS_part: '3' })).toEqual({ kind: 'wait', until: { msn: 1000, part: 3 } });
  });

  it('holds a request for a whole segment until its last part exists', () => {
    expect(decide({ _HLS_msn: '1001' })).toEqual({ kind: 'wait', until: { msn: 1001, part: 4 } });
  });

  it('counts a part index past the end of its segment on into the next (hls.js tune-in)', () => {
    expect(decide({ _HLS_msn: '1000', _HLS_part: '7' })).toEqual({ kind: 'wait', until: { msn: 1001, part: 2 } });
  });

  it('answers a request for a segment long gone at once (the playlist holds it or later)', () => {
    expect(kind({ _HLS_msn: '3', _HLS_part: '0' })).toBe('now');
  });

  it('accepts a segment two beyond the last and refuses three (RFC 8216bis 6.2.5.2)', () => {
    expect([kind({ _HLS_msn: '1002' }), kind({ _HLS_msn: '1003' })]).toEqual(['wait', 'refuse']);
  });

  it('refuses a part counted on past two segments beyond the last', () => {
    // From part 2 of segment 1000, 12 parts on is part 4 of segment 1002, the furthest allowed.
    const at = (ahead: number) => kind({ _HLS_msn: '1000', _HLS_part: String(2 + ahead) });
    expect([at(12), at(13)]).toEqual(['wait', 'refuse']);
  });

  it('refuses any part beyond the Advance Part Limit', () => {
    expect(kind({ _HLS_msn: '1000', _HLS_part: String(2 + ADVANCE_PART_LIMIT + 1) })).toBe('refuse');
  });

  it('refuses _HLS_part without _HLS_msn', () => {
    expect(decide({ _HLS_part: '1' })).toEqual({ kind: 'refuse', message: '_HLS_part needs _HLS_msn' });
  });

  it.each([
    ['huge', { _HLS_msn: '9'.repeat(400) }],
    ['beyond safe integers', { _HLS_msn: '99999999999999999' }],
    ['negative', { _HLS_msn: '-1' }],
    ['NaN', { _HLS_msn: 'NaN' }],
    ['fractional', { _HLS_msn: '1000.5' }],
    ['an exponent', { _HLS_msn: '1e3' }],
    ['empty', { _HLS_msn: '' }],
    ['repeated', { _HLS_msn: ['1000', '1001'] }],
    ['hex', { _HLS_msn: '0x3e8' }],
    ['padded', { _HLS_msn: ' 1000' }],
    ['a negative part', { _HLS_msn: '1000', _HLS_part: '-1' }],
    ['a huge part', { _HLS_msn: '1000', _HLS_part: '99999' }],
    ['a part far out of range', { _HLS_msn: '1000', _HLS_part: '999' }],
    ['a NaN part', { _HLS_msn: '1000', _HLS_part: 'NaN' }],
    ['a fractional part', { _HLS_msn: '1000', _HLS_part: '1.5' }],
  ])('refuses %s values', (_name, query) => {
    expect(kind(query)).toBe('refuse');
  });

  it('ignores a skip request (delta updates are not offered) and other parameters', () => {
    expect(kind({ _HLS_skip: 'YES', other: 'x' })).toBe('now');
  });
});
