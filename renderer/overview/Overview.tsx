import { GRADE_NAMES, UNIT_STATUS_LABEL } from '../../shared/domain/labels';
import { useSnapshotSelect } from '../state/useSnapshotSelect';
import { GRADES, UNIT_STATUS_ORDER, overview } from './overview';

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
              <th scope="row">{UNIT_STATUS_LABEL[status]}</th>
              <td>{data.unitsByStatus[status]}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
