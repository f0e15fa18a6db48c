import { useCallback } from 'react';
import type { Snapshot } from '../../shared/protocol';
import { useSnapshotSelect } from '../state/useSnapshotSelect';
import { select, useSelection } from '../workstation/selection';
import { selectionLabel } from './selectionLabel';

/** What is selected across the workstation, in every window's header, with a way to clear it. */
export function SelectionIndicator({ smsUrl, token }: { smsUrl: string; token: string }) {
  const target = useSelection();
  const label = useSnapshotSelect(
    smsUrl,
    token,
    useCallback((snapshot: Snapshot) => selectionLabel(snapshot, target), [target]),
  );
  return (
    <div className="shell-selection">
      <p role="status" aria-label="Selection" className="shell-selection__text">
        <span className="shell-selection__term">Selected:</span> {label ?? selectionLabel(undefined, target)}
      </p>
      {target && (
        <button type="button" className="button--quiet shell-selection__clear" onClick={() => select(null)}>
          Clear selection
        </button>
      )}
    </div>
  );
}
