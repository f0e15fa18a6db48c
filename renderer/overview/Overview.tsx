import { GRADE_NAMES } from '../../shared/domain/grades';
import type { UnitStatus } from '../../shared/protocol';
import { useSnapshotSelect } from '../state/useSnapshotSelect';
import { GRADES, UNIT_STATUS_ORDER, overview } from './overview';

const STATUS_NAMES: Record<UnitStatus, string> = {
  available: 'Available',
  dispatched: 'Dispatched',
  en_route: 'En route',
  on_scene: 'On scene',
  busy: 'Busy',
  off_duty: 'Off duty',
};

/** The room at a glance: open incidents by grade and units by status. */
export function Overview({ smsUrl, token }: { smsUrl: string; token: string }) {
  const data = useSnapshotSelect(smsUrl, token, overview);
  if (!data) {
    return (
      <p className="overview__loading" role="status">
        Loading the current picture from the SMS…
      </p>
    );
  }
  return (
    <div className="overview">
      <table className="tally">
        <caption>Open incidents by grade</caption>
        <thead>
          <tr>
            <th scope="col">Grade</th>
            <th scope="col">Open</th>
          </tr>
        </thead>
        <tbody>
          {GRADES.map((grade) => (
            <tr key={grade} className={`tally__row tally__row--grade-${grade}`}>
              <th scope="row">
                <span className="grade-badge">{grade}</span>
                {GRADE_NAMES[grade]}
              </th>
              <td>{data.openByGrade[grade]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="tally">
        <caption>Units by status</caption>
        <thead>
          <tr>
            <th scope="col">Status</th>
            <th scope="col">Units</th>
          </tr>
        </thead>
        <tbody>
          {UNIT_STATUS_ORDER.map((status) => (
            <tr key={status}>
              <th scope="row">{STATUS_NAMES[status]}</th>
              <td>{data.unitsByStatus[status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
