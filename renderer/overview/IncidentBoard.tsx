import { GRADE_NAMES } from '../../shared/domain/labels';
import type { Snapshot } from '../../shared/protocol';
import { useSnapshotSelect } from '../state/useSnapshotSelect';
import { select, showOnWall, useSelection } from '../workstation/selection';
import { boardRows } from './incidentBoard';

const selectRows = (snapshot: Snapshot) => boardRows(snapshot);

/**
 * The command view's incident board: open incidents by grade, each selectable for every window
 * of the workstation, and the cameras on or near an incident pushed to the wall in one action.
 */
export function IncidentBoard({ smsUrl, token }: { smsUrl: string; token: string }) {
  const rows = useSnapshotSelect(smsUrl, token, selectRows);
  const selection = useSelection();
  if (!rows) return null;
  return (
    <table className="incident-board">
      <caption>Open incidents</caption>
      <thead>
        <tr>
          <th scope="col">Incident</th>
          <th scope="col">Grade</th>
          <th scope="col">Location</th>
          <th scope="col">Cameras</th>
        </tr>
      </thead>
      <tbody>
        {rows.incidents.length === 0 && (
          <tr>
            <td colSpan={4}>No open incidents.</td>
          </tr>
        )}
        {rows.incidents.map((incident) => {
          const selected = selection?.kind === 'incident' && selection.id === incident.id;
          return (
            <tr key={incident.id} className={selected ? 'incident-board__row--selected' : undefined}>
              <th scope="row">
                <button
                  type="button"
                  className="button--quiet incident-board__select"
                  aria-pressed={selected}
                  onClick={() => select(selected ? null : { kind: 'incident', id: incident.id })}
                >
                  {selected && <span aria-hidden="true">▶ </span>}
                  {incident.ref}
                </button>
              </th>
              <td>
                <span className={`grade-badge grade-badge--${incident.grade}`}>{incident.grade}</span>
                {GRADE_NAMES[incident.grade]}
              </td>
              <td>{incident.place}</td>
              <td>
                {incident.cameraIds.length > 0 ? (
                  <button
                    type="button"
                    className="button--quiet"
                    // Starts with the visible words, which voice control users say (WCAG 2.5.3); then whose cameras.
                    aria-label={`Show ${incident.cameraIds.length} on wall: cameras of ${incident.ref}`}
                    onClick={() => showOnWall(incident.cameraIds)}
                  >
                    Show {incident.cameraIds.length} on wall
                  </button>
                ) : (
                  <span className="incident-board__none">none</span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
