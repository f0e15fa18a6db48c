import type { ConnectionStore } from '../connection/connectionStore';
import { summarize } from '../state/summary';
import { useSnapshotSelect } from '../state/useSnapshotSelect';
import type { Snapshot } from '../../shared/protocol';
import { ConnectionIndicator } from './ConnectionIndicator';

const selectSeq = (snapshot: Snapshot) => snapshot.seq;

/**
 * The strip every operator watches: is the data live, and the room's headline counts. Each
 * count is a term and its value in a description list, so assistive technology reads them
 * as pairs ("Open incidents, 12").
 */
export function StatusBar({ store, smsUrl, token }: { store: ConnectionStore; smsUrl: string; token: string }) {
  const summary = useSnapshotSelect(smsUrl, token, summarize);
  const seq = useSnapshotSelect(smsUrl, token, selectSeq);
  return (
    <section className="status-bar" aria-label="Status">
      <ConnectionIndicator store={store} />
      <dl className="counts">
        <Count label="Open incidents" value={summary?.openIncidents} />
        <Count label="Units available" value={summary && `${summary.availableUnits} of ${summary.units}`} />
        <Count label="Cameras online" value={summary && `${summary.onlineCameras} of ${summary.cameras}`} />
        <Count
          label="Unacknowledged alerts"
          value={summary?.unacknowledgedAlerts}
          urgent={(summary?.unacknowledgedAlerts ?? 0) > 0}
        />
        <Count label="Last event" value={seq === undefined ? undefined : `#${seq}`} quiet />
      </dl>
    </section>
  );
}

function Count({
  label,
  value,
  urgent = false,
  quiet = false,
}: {
  label: string;
  value: string | number | undefined;
  urgent?: boolean;
  quiet?: boolean;
}) {
  const className = ['count', urgent && 'count--urgent', quiet && 'count--quiet'].filter(Boolean).join(' ');
  return (
    <div className={className}>
      <dt>{label}</dt>
      <dd>
        {value ?? (
          <>
            <span aria-hidden="true">—</span>
            <span className="visually-hidden">not loaded</span>
          </>
        )}
      </dd>
    </div>
  );
}
