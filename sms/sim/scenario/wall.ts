import { mayTour } from '../../../shared/domain/viewPolicy';
import type { Camera, CameraTourPlan, CommandPayload, Role } from '../../../shared/protocol';
import { ROOM_PRESET_NAME } from '../../../shared/domain/roomPreset';

// The room wall the City scenario starts with: what a control room shows when a shift is handed
// over, chosen from the scenario's cameras by their sites (sms/sim/scenario/cameras.ts names them).

/** Stations by how busy they are (Liverpool Street, the UK's third busiest, first). */
const STATIONS_BY_USE = [
  'Liverpool Street',
  'Cannon Street',
  'Moorgate',
  'Blackfriars',
  'Aldgate',
  'Tower Gateway',
  'Mansion House',
  "St Paul's",
  'Barbican',
];
/** Bridges by traffic: the two road and foot crossings most used first. */
const BRIDGES_BY_USE = ['London Bridge', 'Tower Bridge', 'Blackfriars Bridge', 'Southwark Bridge', 'Millennium Bridge'];

/** Tiles of a 3x3 wall. */
const GRID_TILES = 9;
/** The room wall's bottom-right tile: alarm pop-ups land there, and between alarms it tours the City. */
export const ROOM_ALARM_TILE = GRID_TILES - 1;
/**
 * Real seconds each camera of the City tour stays on the alarm tile. Tours step on the SMS clock,
 * which `--speed` runs faster: the dwell is scaled by the speed, so that the tile changes at a
 * pace a room can watch (at `--speed 10`, not every two seconds).
 */
export const CITY_TOUR_DWELL_SECONDS = 20;
/** A tour's longest dwell (shared/protocol/tours.ts). */
const MAX_DWELL_SECONDS = 3_600;

/** Roles the scenario's presets are shared with: those who use presets (viewers do not; an admin applies every role's). */
export const PRESET_ROLES: readonly Role[] = ['dispatcher', 'supervisor', 'commander'];

/** Names of the scenario's shared presets. */
export const BRIDGES_PRESET_NAME = 'Bridges and river';
export const STATIONS_PRESET_NAME = 'Stations';

/** What the scenario's wall is made of, camera by camera. */
export interface WallChoice {
  /** The room wall's fixed tiles: three busiest junctions, three bridges, two stations. */
  fixed: Camera[];
  /** The City tour on the alarm tile: every other camera that needs no reason to view live. */
  tour: Camera[];
  bridgesAndRiver: Camera[];
  stations: Camera[];
}

const isJunction = (c: Camera) => c.name.includes(' / ');
const isStation = (c: Camera) => / Station, /.test(c.name);
const isBridge = (c: Camera) => / Bridge \((north|mid-span)\)$/.test(c.name);
const isRiverside = (c: Camera) => /Thames|Embankment/.test(c.name);

/** Place of `c` in `order` by the name its camera starts with; unknown places last. */
function rankBy(order: readonly string[], c: Camera): number {
  const i = order.findIndex((name) => c.name.startsWith(`${name} `));
  return i < 0 ? order.length : i;
}

function byRank(order: readonly string[]): (a: Camera, b: Camera) => number {
  return (a, b) => rankBy(order, a) - rankBy(order, b) || a.id.localeCompare(b.id);
}

/** A bridge's north end before its mid-span: the end where the City's streets meet it. */
const northFirst = (a: Camera, b: Camera) =>
  Number(a.name.endsWith('(mid-span)')) - Number(b.name.endsWith('(mid-span)'));

/**
 * Chooses the scenario wall's cameras: only online cameras whose live view needs no reason
 * (shared/domain/viewPolicy.ts), so the wall plays at once and may tour. Junctions come in the
 * scenario's order (busiest first, as cameras.ts places them). Deterministic for its input.
 */
export function chooseWallCameras(cameras: readonly Camera[]): WallChoice {
  const open = [...cameras].filter((c) => c.online && mayTour(c)).sort((a, b) => a.id.localeCompare(b.id));
  const junctions = open.filter(isJunction);
  const stations = open.filter(isStation).sort(byRank(STATIONS_BY_USE));
  const bridges = open.filter(isBridge).sort((a, b) => northFirst(a, b) || byRank(BRIDGES_BY_USE)(a, b));
  const fixed = [...junctions.slice(0, 3), ...bridges.slice(0, 3), ...stations.slice(0, 2)];
  // Fewer sites than a wall has (a tiny test City): fill from whatever else there is.
  for (const c of open) if (fixed.length < ROOM_ALARM_TILE && !fixed.includes(c)) fixed.push(c);
  const tour = open.filter((c) => !fixed.includes(c));
  return {
    fixed,
    tour,
    bridgesAndRiver: [...bridges, ...open.filter((c) => isRiverside(c) && !bridges.includes(c))].slice(0, GRID_TILES),
    stations: stations.slice(0, GRID_TILES),
  };
}

/** The City tour of the alarm tile for an SMS clock running at `speed`, or none when no camera is left to tour. */
export function cityTour(choice: WallChoice, speed = 1): CameraTourPlan | null {
  const ids = choice.tour.map((c) => c.id);
  const dwellSeconds = Math.min(MAX_DWELL_SECONDS, Math.round(CITY_TOUR_DWELL_SECONDS * Math.max(1, speed)));
  return ids.length === 0 ? null : { kind: 'cameras', cameraIds: ids, dwellSeconds };
}

type PresetPayload = CommandPayload<'wall.presetSave'>;

/** A preset of the smallest grid that shows `cameras` (up to 3x3), shared with `role`. */
function gridPreset(name: string, role: Role, cameras: readonly Camera[]): PresetPayload {
  return {
    name,
    scope: { kind: 'role', role },
    layout: cameras.length <= 4 ? '2x2' : '3x3',
    custom: null,
    tiles: cameras.slice(0, GRID_TILES).map((c) => ({ cameraId: c.id })),
    tour: null,
  };
}

/**
 * The room's preset (its 3x3, the City tour on the alarm tile, for an SMS clock at `speed`), then "Bridges and river" and
 * "Stations", each shared with every role of PRESET_ROLES. Groups without a camera are left out.
 */
export function scenarioPresets(choice: WallChoice, speed = 1): PresetPayload[] {
  const tour = cityTour(choice, speed);
  const room = (role: Role): PresetPayload => {
    const tiles: PresetPayload['tiles'] = choice.fixed.map((c) => ({ cameraId: c.id }));
    if (tour) tiles.push({ cameraId: tour.cameraIds[0] ?? null, tour });
    return { ...gridPreset(ROOM_PRESET_NAME, role, []), layout: '3x3', tiles };
  };
  return PRESET_ROLES.flatMap((role) => [
    ...(choice.fixed.length > 0 ? [room(role)] : []),
    ...(choice.bridgesAndRiver.length > 0 ? [gridPreset(BRIDGES_PRESET_NAME, role, choice.bridgesAndRiver)] : []),
    ...(choice.stations.length > 0 ? [gridPreset(STATIONS_PRESET_NAME, role, choice.stations)] : []),
  ]);
}
