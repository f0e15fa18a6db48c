import { aSnapshot, anEvent, aUnit } from '../../../test/support/records';
import { publishAppliedEvents } from '../../connection/appliedEvents';
import { publishSnapshotReplaced } from '../../connection/snapshotReplaced';
import { feedUnits } from './feedUnits';
import type { MapUnits } from './mapUnits';

function recordingUnits() {
  const calls: string[] = [];
  const units = {
    seed: (list: readonly { id: string }[]) => calls.push(`seed ${list.map((u) => u.id).join(',')}`),
    receive: (events: readonly { seq: number }[]) => calls.push(`receive ${events.map((e) => e.seq).join(',')}`),
  } as unknown as MapUnits;
  return { units, calls };
}

const moved = (seq: number) => anEvent(seq, 'unit.positions', { positions: [] });

describe('feedUnits', () => {
  it('seeds from the snapshot held, then feeds applied events', () => {
    const { units, calls } = recordingUnits();
    const stop = feedUnits(units, () => aSnapshot({ units: [aUnit({ id: 'a' })] }));
    publishAppliedEvents([moved(1), moved(2)]);
    stop();
    publishAppliedEvents([moved(3)]);
    expect(calls).toEqual(['seed a', 'receive 1,2']);
  });

  it('without a snapshot yet, seeds from the first one held when events arrive', () => {
    const { units, calls } = recordingUnits();
    const held: { snapshot?: ReturnType<typeof aSnapshot> } = {};
    const stop = feedUnits(units, () => held.snapshot);
    publishAppliedEvents([moved(1)]);
    held.snapshot = aSnapshot({ units: [aUnit({ id: 'b' })] });
    publishAppliedEvents([moved(2)]);
    publishAppliedEvents([moved(3)]);
    stop();
    expect(calls).toEqual(['seed b', 'receive 3']);
  });

  it('reseeds whenever the connection replaces the snapshot', () => {
    const { units, calls } = recordingUnits();
    const stop = feedUnits(units, () => undefined);
    publishSnapshotReplaced(aSnapshot({ units: [aUnit({ id: 'c' })] }));
    publishAppliedEvents([moved(4)]);
    publishSnapshotReplaced(aSnapshot({ units: [aUnit({ id: 'd' })] }));
    stop();
    publishSnapshotReplaced(aSnapshot({ units: [aUnit({ id: 'e' })] }));
    expect(calls).toEqual(['seed c', 'receive 4', 'seed d']);
  });
});
