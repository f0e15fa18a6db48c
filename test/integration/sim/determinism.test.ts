import { simRig } from './harness';

const TWO_HOURS = 2 * 3_600_000;

function journalOf(seed: number) {
  const rig = simRig({ seed });
  rig.run(TWO_HOURS);
  const journal = rig.journal();
  rig.close();
  return journal;
}

describe('simulator determinism', () => {
  const first = journalOf(11);

  it('writes a busy journal in two simulated hours', () => {
    const types = [...new Set(first.map((e) => e.type))];
    expect(types).toEqual(
      expect.arrayContaining(['unit.positions', 'unit.status', 'incident.created', 'alert.raised']),
    );
  });

  it('writes the same journal for the same seed and steps', () => {
    expect(journalOf(11)).toEqual(first);
  });

  it('writes a different journal for another seed', () => {
    expect(journalOf(12)).not.toEqual(first);
  });
});
