import type { Camera, Unit } from '../../../shared/protocol';
import { UNIT_KIND_LABEL, UNIT_STATUS_LABEL } from '../../../shared/domain/labels';

/** What the finder lists. */
export type FinderKind = 'unit' | 'camera';

/** One row of the finder: what it selects, and what it shows. */
export interface FinderRow {
  kind: FinderKind;
  id: string;
  label: string;
  detail: string;
}

type UnitRow = Pick<Unit, 'id' | 'callsign' | 'kind' | 'status'>;
type CameraRow = Pick<Camera, 'id' | 'name' | 'owner' | 'online'>;

const OWNER: Record<Camera['owner'], string> = {
  city_police: 'City of London Police',
  corporation: 'City Corporation',
  tfl: 'TfL',
  third_party: 'third party',
};

/**
 * The rows matching `query`: every word must appear in the row's words (callsign, status and
 * kind for a unit; name, owner and online/offline for a camera), in order of callsign or name.
 */
export function findRows(
  kind: FinderKind,
  query: string,
  units: readonly UnitRow[],
  cameras: readonly CameraRow[],
): FinderRow[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const rows: FinderRow[] =
    kind === 'unit'
      ? units.map((u) => ({
          kind,
          id: u.id,
          label: u.callsign,
          detail: `${UNIT_STATUS_LABEL[u.status]} · ${UNIT_KIND_LABEL[u.kind]}`,
        }))
      : cameras.map((c) => ({
          kind,
          id: c.id,
          label: c.name,
          detail: `${c.online ? 'online' : 'OFFLINE'} · ${OWNER[c.owner]}`,
        }));
  const matching = rows.filter((r) => {
    const text = `${r.label} ${r.detail}`.toLowerCase();
    return words.every((w) => text.includes(w));
  });
  return matching.sort((a, b) => a.label.localeCompare(b.label, 'en-GB', { numeric: true }));
}
