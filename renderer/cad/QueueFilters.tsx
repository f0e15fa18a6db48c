import { INCIDENT_TYPES } from '../../shared/domain/incidentTypes';
import {
  GradeSchema,
  IncidentStatusSchema,
  IncidentTypeSchema,
  type Grade,
  type IncidentStatus,
  type IncidentType,
} from '../../shared/protocol';
import { GRADE_NAMES, INCIDENT_STATUS_LABEL } from '../../shared/domain/labels';

export interface QueueFilterState {
  grade: Grade | '';
  status: IncidentStatus | '';
  type: IncidentType | '';
  ward: string;
  search: string;
}

const GRADES: readonly Grade[] = [1, 2, 3, 4];

interface Props {
  value: QueueFilterState;
  wards: readonly string[];
  onChange: (value: QueueFilterState) => void;
}

/** Filters of the incident queue: grade, status, type, ward, and a search over its text. */
export function QueueFilters({ value, wards, onChange }: Props) {
  return (
    <div className="cad-filters" role="group" aria-label="Filter incidents">
      <label>
        Search incidents
        <input type="search" value={value.search} onChange={(e) => onChange({ ...value, search: e.target.value })} />
      </label>
      <label>
        Grade
        <select
          value={value.grade}
          onChange={(e) => onChange({ ...value, grade: GradeSchema.safeParse(Number(e.target.value)).data ?? '' })}
        >
          <option value="">All</option>
          {GRADES.map((g) => (
            <option key={g} value={g}>
              {g} {GRADE_NAMES[g]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Status
        <select
          value={value.status}
          onChange={(e) => onChange({ ...value, status: IncidentStatusSchema.safeParse(e.target.value).data ?? '' })}
        >
          <option value="">Open (all)</option>
          {IncidentStatusSchema.options.map((s) => (
            <option key={s} value={s}>
              {INCIDENT_STATUS_LABEL[s]}
            </option>
          ))}
        </select>
      </label>
      <label>
        Type
        <select
          value={value.type}
          onChange={(e) => onChange({ ...value, type: IncidentTypeSchema.safeParse(e.target.value).data ?? '' })}
        >
          <option value="">All</option>
          {IncidentTypeSchema.options.map((t) => (
            <option key={t} value={t}>
              {INCIDENT_TYPES[t].label}
            </option>
          ))}
        </select>
      </label>
      <label>
        Ward
        <select value={value.ward} onChange={(e) => onChange({ ...value, ward: e.target.value })}>
          <option value="">All</option>
          {wards.map((w) => (
            <option key={w} value={w}>
              {w}
            </option>
          ))}
        </select>
      </label>
    </div>
  );
}
