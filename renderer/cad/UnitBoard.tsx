import { memo, useMemo, useState } from 'react';
import { canUnitMove } from '../../shared/domain/unitStatus';
import {
  SkillSchema,
  UnitKindSchema,
  UnitStatusSchema,
  type Skill,
  type Unit,
  type UnitKind,
  type UnitStatus,
} from '../../shared/protocol';
import { UNIT_STATUS_LABEL, words } from '../../shared/domain/labels';

interface Props {
  units: readonly Unit[];
  /** The reference of an incident by id (stable while incidents only change, not come or go). */
  incidentRef: (id: string) => string | undefined;
  onStatus: (unit: Unit, status: UnitStatus) => void;
  onSelectIncident: (id: string) => void;
}

/**
 * Every unit with its callsign, kind, skills, status and incident; filter and change status.
 * Memoised: a batch of incident updates does not re-render the board unless its units changed.
 */
export const UnitBoard = memo(function UnitBoard({ units, incidentRef, onStatus, onSelectIncident }: Props) {
  const [kind, setKind] = useState<UnitKind | ''>('');
  const [skill, setSkill] = useState<Skill | ''>('');
  const [status, setStatus] = useState<UnitStatus | ''>('');
  const shown = useMemo(
    () =>
      units
        .filter(
          (u) => (!kind || u.kind === kind) && (!skill || u.skills.includes(skill)) && (!status || u.status === status),
        )
        .sort((a, b) => a.callsign.localeCompare(b.callsign)),
    [units, kind, skill, status],
  );
  return (
    <section className="cad-panel cad-units" aria-labelledby="cad-unitboard-title">
      <h3 id="cad-unitboard-title">
        Units <span className="cad-count">{shown.length}</span>
      </h3>
      <div className="cad-filters" role="group" aria-label="Filter units">
        <label>
          Kind
          <select value={kind} onChange={(e) => setKind(UnitKindSchema.safeParse(e.target.value).data ?? '')}>
            <option value="">All</option>
            {UnitKindSchema.options.map((k) => (
              <option key={k} value={k}>
                {words(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Skill
          <select value={skill} onChange={(e) => setSkill(SkillSchema.safeParse(e.target.value).data ?? '')}>
            <option value="">All</option>
            {SkillSchema.options.map((k) => (
              <option key={k} value={k}>
                {words(k)}
              </option>
            ))}
          </select>
        </label>
        <label>
          Unit status
          <select value={status} onChange={(e) => setStatus(UnitStatusSchema.safeParse(e.target.value).data ?? '')}>
            <option value="">All</option>
            {UnitStatusSchema.options.map((k) => (
              <option key={k} value={k}>
                {UNIT_STATUS_LABEL[k]}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="cad-units__scroll" tabIndex={0} role="region" aria-label="Unit list">
        <table className="cad-table">
          <thead>
            <tr>
              <th scope="col">Callsign</th>
              <th scope="col">Kind</th>
              <th scope="col">Skills</th>
              <th scope="col">Status</th>
              <th scope="col">Incident</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((u) => {
              const incidentId = u.incidentId;
              const ref = incidentId ? incidentRef(incidentId) : undefined;
              return (
                <tr key={u.id}>
                  <th scope="row" className="cad-mono">
                    {u.callsign}
                  </th>
                  <td>{words(u.kind)}</td>
                  <td className="cad-muted">{u.skills.map(words).join(', ')}</td>
                  <td>
                    <select
                      aria-label={`Status of ${u.callsign}`}
                      className={`cad-unit-status cad-unit-status--${u.status}`}
                      value={u.status}
                      onChange={(e) => {
                        const next = UnitStatusSchema.safeParse(e.target.value);
                        if (next.success && next.data !== u.status) onStatus(u, next.data);
                      }}
                    >
                      {UnitStatusSchema.options
                        .filter((s) => canUnitMove(u.status, s))
                        .map((s) => (
                          <option key={s} value={s}>
                            {UNIT_STATUS_LABEL[s]}
                          </option>
                        ))}
                    </select>
                  </td>
                  <td>
                    {incidentId && ref ? (
                      <button type="button" className="cad-link" onClick={() => onSelectIncident(incidentId)}>
                        {ref}
                      </button>
                    ) : (
                      <span className="cad-muted">—</span>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
});
