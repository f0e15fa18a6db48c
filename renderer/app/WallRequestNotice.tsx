import type { Snapshot } from '../../shared/protocol';
import { useSnapshotSelect } from '../state/useSnapshotSelect';
import { useWallRequest } from '../workstation/wallRequests';

const cameraNames = (snapshot: Snapshot) => new Map(snapshot.cameras.map((c) => [c.id, c.name]));

/**
 * In the wall window: the latest "show on wall" request from any window of the workstation,
 * announced politely, so the supervisor sees what was pushed and by when it arrived. The wall
 * surface itself puts the cameras in its tiles.
 */
export function WallRequestNotice({ smsUrl, token }: { smsUrl: string; token: string }) {
  const request = useWallRequest();
  const names = useSnapshotSelect(smsUrl, token, cameraNames);
  return (
    <p role="status" aria-label="Requests to the wall" className="shell-wall-request">
      {request
        ? `Requested on the wall: ${request.cameraIds.map((id) => names?.get(id) ?? id).join(', ')}`
        : 'No camera requested on the wall yet'}
    </p>
  );
}
