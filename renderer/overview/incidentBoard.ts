import { distanceMetres } from '../../shared/geo/distance';
import type { Camera, Grade, Incident, Snapshot } from '../../shared/protocol';

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

/** Open incidents, most urgent grade first, oldest first within a grade. */
export function boardRows(snapshot: Snapshot): { incidents: BoardIncident[] } {
  const open = snapshot.incidents.filter((i) => i.status !== 'closed');
  open.sort((a, b) => a.grade - b.grade || a.createdAt.localeCompare(b.createdAt));
  return {
    incidents: open.slice(0, BOARD_LIMIT).map((i) => ({
      id: i.id,
      ref: i.ref,
      grade: i.grade,
      place: placeOf(i),
      cameraIds: camerasFor(i, snapshot.cameras),
    })),
  };
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
