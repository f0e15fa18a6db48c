import { distanceMetres } from '../../shared/geo/distance';
import type { Camera, Grade, Incident, Snapshot } from '../../shared/protocol';
import { sortedView } from '../state/incidentOrder';
import { incremental } from '../state/incremental';

/** One row of the incident board. */
export interface BoardIncident {
  id: string;
  ref: string;
  grade: Grade;
  place: string;
  cameraIds: string[];
}

/** At most this many rows: the board is a glance, the console has the full queue. */
export const BOARD_LIMIT = 40;
/** Cameras offered for the wall per incident: a 2×2 wall layout's worth. */
export const WALL_CAMERAS = 4;
/** How far from an incident a camera may be to be offered for it. */
export const NEAR_METRES = 400;

const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
/** Most urgent grade first, oldest first within a grade; reference and id make the order total. */
const boardOrder = (a: Incident, b: Incident) =>
  a.grade - b.grade || byText(a.createdAt, b.createdAt) || byText(a.ref, b.ref) || byText(a.id, b.id);
// The open incidents in board order follow the incidents' changes (state/incremental.ts).
const openInOrder = incremental(sortedView((i: Incident) => i.status !== 'closed', boardOrder));
// A row's cameras, worked out once per incident record and camera list (40 rows per update otherwise).
const rowCache = new WeakMap<Incident, { cameras: readonly Camera[]; row: BoardIncident }>();
let last: { rows: readonly BoardIncident[]; board: { incidents: BoardIncident[] } } | null = null;

/** Open incidents, most urgent grade first, oldest first within a grade (the same object while its rows stay). */
export function boardRows(snapshot: Snapshot): { incidents: BoardIncident[] } {
  const rows = openInOrder(snapshot.incidents)
    .slice(0, BOARD_LIMIT)
    .map((i) => {
      const cached = rowCache.get(i);
      if (cached?.cameras === snapshot.cameras) return cached.row;
      const row = {
        id: i.id,
        ref: i.ref,
        grade: i.grade,
        place: placeOf(i),
        cameraIds: camerasFor(i, snapshot.cameras),
      };
      rowCache.set(i, { cameras: snapshot.cameras, row });
      return row;
    });
  if (last && last.rows.length === rows.length && rows.every((r, k) => r === last!.rows[k])) return last.board;
  last = { rows, board: { incidents: rows } };
  return last.board;
}

/**
 * The cameras to put on the wall for an incident: those attached to it first, then the nearest
 * online cameras within NEAR_METRES, up to WALL_CAMERAS.
 */
export function camerasFor(incident: Incident, cameras: readonly Camera[]): string[] {
  const chosen = incident.cameraIds.slice(0, WALL_CAMERAS);
  const near = cameras
    .filter((c) => c.online && !chosen.includes(c.id))
    .map((c) => ({ id: c.id, metres: distanceMetres(incident.location, c.position) }))
    .filter((c) => c.metres <= NEAR_METRES)
    .sort((a, b) => a.metres - b.metres);
  for (const camera of near) {
    if (chosen.length >= WALL_CAMERAS) break;
    chosen.push(camera.id);
  }
  return chosen;
}

function placeOf(incident: Incident): string {
  const { address, ward, lat, lon } = incident.location;
  return address ?? ward ?? `${lat.toFixed(5)}, ${lon.toFixed(5)}`;
}
