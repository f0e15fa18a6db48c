import { z } from 'zod';
import { describeIssues } from './issues';

const Schema = z.strictObject({
  location: z.strictObject({ lon: z.number(), lat: z.number() }),
  tags: z.array(z.strictObject({ name: z.string() })).optional(),
});

function issuesOf(value: unknown, opts?: Parameters<typeof describeIssues>[1]): string {
  const parsed = Schema.safeParse(value);
  if (parsed.success) throw new Error('expected a failure');
  return describeIssues(parsed.error, opts);
}

describe('describeIssues', () => {
  it('names an unknown key with its path, under where the value sits in the message', () => {
    expect(issuesOf({ location: { lon: 0, lat: 0, lattitude: 1 } }, { under: 'payload' })).toBe(
      'payload.location: unknown key "lattitude"',
    );
    expect(issuesOf({ location: { lon: 0, lat: 0 }, tags: [{ name: 'a', colour: 'b' }] })).toBe(
      'tags.0: unknown key "colour"',
    );
  });

  it('names several unknown keys at once, JSON-quoted (a key cannot forge the message), shortening long ones', () => {
    expect(issuesOf({ location: { lon: 0, lat: 0 }, a: 1, 'b\n"c': 2 })).toBe('unknown keys "a", "b\\n\\"c"');
    const many = Object.fromEntries(Array.from({ length: 8 }, (_, i) => [`k${i}`, i]));
    expect(issuesOf({ location: { lon: 0, lat: 0 }, ...many })).toBe(
      'unknown keys "k0", "k1", "k2", "k3", "k4" (+3 more)',
    );
    expect(issuesOf({ location: { lon: 0, lat: 0 }, ['x'.repeat(500)]: 1 })).toBe(`unknown key "${'x'.repeat(100)}…"`);
  });

  it('keeps the other issues as zod words them, the first few only', () => {
    const message = issuesOf({ location: { lon: 'a', lat: 'b' }, tags: 'c', d: 1 }, { max: 2 });
    expect(message).toMatch(/^location\.lon: .+; location\.lat: .+ \(\+2 more\)$/);
  });
});
