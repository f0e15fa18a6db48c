import { aSnapshot } from '../../test/support/records';
import { onSnapshotReplaced, publishSnapshotReplaced } from './snapshotReplaced';

describe('snapshot replaced', () => {
  it('tells each listener of each snapshot until it unsubscribes, despite a failing one', () => {
    const seen: number[] = [];
    const error = jest.spyOn(console, 'error').mockImplementation(() => undefined);
    const stopFailing = onSnapshotReplaced(() => {
      throw new Error('consumer bug');
    });
    const stop = onSnapshotReplaced((snapshot) => seen.push(snapshot.seq));
    publishSnapshotReplaced(aSnapshot({ seq: 4 }));
    stop();
    stopFailing();
    publishSnapshotReplaced(aSnapshot({ seq: 9 }));
    expect(seen).toEqual([4]);
    expect(error).toHaveBeenCalledTimes(1);
    error.mockRestore();
  });
});
