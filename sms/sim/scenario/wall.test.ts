// The City scenario's wall: which cameras it shows, and the wall, presets and tour it seeds
// through the real core's commands.
import { mayTour } from '../../../shared/domain/viewPolicy';
import { ROOM_WALL_ID, mayArrangeWall, presetMeantFor } from '../../../shared/domain/wallRules';
import { WallPresetSchema, WallSchema, type Camera, type EventEnvelope } from '../../../shared/protocol';
import { memoryCoreRig } from '../../../test/integration/support/coreRig';
import type { SmsCoreService } from '../../core/core';
import { SYSTEM_ACTOR } from '../../core/ports';
import { ROOM_PRESET_NAME } from '../../../shared/domain/roomPreset';
import { tileCount } from '../../wall/wall';
import { createScenario } from '../scenario';
import {
  BRIDGES_PRESET_NAME,
  CITY_TOUR_DWELL_SECONDS,
  PRESET_ROLES,
  ROOM_ALARM_TILE,
  STATIONS_PRESET_NAME,
  chooseWallCameras,
  cityTour,
} from './wall';
import { seedScenarioWall } from './wallSeed';

const world = createScenario({ seed: 7 });
const byId = new Map(world.cameras.map((c) => [c.id, c] as [string, Camera]));
function cam(id: string | null): Camera {
  const found = byId.get(id ?? '');
  if (!found) throw new Error(`no camera ${id}`);
  return found;
}

describe('chooseWallCameras', () => {
  const choice = chooseWallCameras(world.cameras);

  it('puts three busiest junctions, three bridges and two stations on the fixed tiles', () => {
    expect(choice.fixed.map((c) => c.name)).toEqual([
      'King William Street / Poultry',
      'King William Street / Gracechurch Street',
      'New Bridge Street / Farringdon Street',
      'London Bridge (north)',
      'Tower Bridge (north)',
      'Blackfriars Bridge (north)',
      'Liverpool Street Station, Old Broad Street',
      'Cannon Street Station, Dowgate Hill',
    ]);
  });

  it('takes only online cameras that need no reason to view live, whatever order they come in', () => {
    const offline = { ...choice.fixed[0]!, online: false };
    const cameras = [...world.cameras].reverse().map((c) => (c.id === offline.id ? offline : c));
    const again = chooseWallCameras(cameras);
    expect(again.fixed.map((c) => c.id)).not.toContain(offline.id);
    for (const c of [...again.fixed, ...again.tour, ...again.bridgesAndRiver, ...again.stations]) {
      expect(c.online && mayTour(c)).toBe(true);
    }
    expect(chooseWallCameras([...world.cameras].reverse())).toEqual(choice);
  });

  it('tours every other camera that may be toured, and groups the bridges and the stations', () => {
    const fixed = new Set(choice.fixed.map((c) => c.id));
    expect(choice.tour.length).toBeGreaterThan(20);
    expect(choice.tour.some((c) => fixed.has(c.id))).toBe(false);
    expect(choice.bridgesAndRiver.map((c) => c.name).slice(0, 2)).toEqual([
      'London Bridge (north)',
      'Tower Bridge (north)',
    ]);
    expect(choice.bridgesAndRiver.every((c) => c.name.includes('Bridge'))).toBe(true);
    expect(choice.stations).toHaveLength(9);
    expect(choice.stations.every((c) => c.name.includes(' Station, '))).toBe(true);
  });

  it("tours at a pace a room can watch whatever the SMS clock's speed", () => {
    expect(cityTour(choice)?.dwellSeconds).toBe(CITY_TOUR_DWELL_SECONDS);
    expect(cityTour(choice, 10)?.dwellSeconds).toBe(CITY_TOUR_DWELL_SECONDS * 10);
    expect(cityTour(choice, 0.5)?.dwellSeconds).toBe(CITY_TOUR_DWELL_SECONDS);
    expect(cityTour(choice, 1e6)?.dwellSeconds).toBe(3_600);
    expect(cityTour({ ...choice, tour: [] })).toBeNull();
  });

  it('still fills the wall from a City without such sites', () => {
    const plain = world.cameras.slice(0, 4).map((c, i) => ({ ...c, name: `Camera ${i}` }));
    const small = chooseWallCameras(plain);
    expect(small.fixed).toHaveLength(4);
    expect(small.tour).toEqual([]);
    expect(small.stations).toEqual([]);
  });
});

describe('seedScenarioWall', () => {
  let core: SmsCoreService;
  let events: EventEnvelope[];
  beforeEach(() => {
    ({ core, events } = memoryCoreRig(world));
    seedScenarioWall(core);
  });
  afterEach(() => core.close());

  it('puts a valid 3x3 of nine distinct online cameras on the room wall, the alarm tile set', () => {
    const wall = WallSchema.parse(core.walls.get(ROOM_WALL_ID));
    expect(wall.layout).toBe('3x3');
    expect(wall.alarmTile).toBe(ROOM_ALARM_TILE);
    expect(wall.alarmTile).toBeLessThan(tileCount(wall.layout, wall.custom));
    const shown = wall.tiles.slice(0, 9).map((t) => t.cameraId);
    expect(new Set(shown).size).toBe(9);
    for (const id of shown) expect(cam(id).online && mayTour(cam(id))).toBe(true);
    expect(wall.tiles.slice(9).every((t) => t.cameraId === null && !t.tour)).toBe(true);
    expect(wall.tiles.every((t) => t.alertId === null)).toBe(true);
    expect(wall.focusedTile).toBeNull();
    expect(mayArrangeWall(SYSTEM_ACTOR, ROOM_WALL_ID)).toBe(true);
  });

  it('tours the City on the alarm tile, with cameras that may be toured and none of the fixed tiles', () => {
    const wall = core.walls.get(ROOM_WALL_ID)!;
    const tour = wall.tiles[ROOM_ALARM_TILE]?.tour;
    expect(tour?.plan.dwellSeconds).toBe(CITY_TOUR_DWELL_SECONDS);
    const fixed = wall.tiles.slice(0, ROOM_ALARM_TILE).map((t) => t.cameraId);
    expect(tour?.plan.cameraIds.some((id) => fixed.includes(id))).toBe(false);
    expect(tour?.plan.cameraIds.every((id) => mayTour(cam(id)))).toBe(true);
    expect(tour?.plan.cameraIds).toContain(wall.tiles[ROOM_ALARM_TILE]?.cameraId);
    expect(wall.tour ?? null).toBeNull();
  });

  it('shares the room preset, "Bridges and river" and "Stations" with every role', () => {
    const presets = [...core.wallPresets.values()].map((p) => WallPresetSchema.parse(p));
    const names = [ROOM_PRESET_NAME, BRIDGES_PRESET_NAME, STATIONS_PRESET_NAME];
    expect(presets).toHaveLength(names.length * PRESET_ROLES.length);
    for (const role of [...PRESET_ROLES, 'admin' as const]) {
      const meant = presets.filter((p) => presetMeantFor({ userId: `user-${role}`, role }, p.scope)).map((p) => p.name);
      expect(new Set(meant)).toEqual(new Set(names));
    }
    for (const p of presets) {
      expect(p.scope.kind).toBe('role');
      expect(p.tiles.length).toBeLessThanOrEqual(tileCount(p.layout, p.custom));
      expect(p.tiles.every((t) => t.cameraId !== null && mayTour(cam(t.cameraId)))).toBe(true);
    }
  });

  it('goes through ordinary commands: journaled, by the SMS itself', () => {
    const types = events.map((e) => e.type);
    expect(types.filter((t) => t === 'wall.presetSaved')).toHaveLength(9);
    expect(types.filter((t) => t === 'wall.updated')).toHaveLength(2);
    expect(core.walls.get(ROOM_WALL_ID)?.updatedBy).toBe('system');
  });

  it('does nothing a second time', () => {
    const before = events.length;
    seedScenarioWall(core);
    expect(events.length).toBe(before);
  });
});

describe('seedScenarioWall after a pre-roll', () => {
  it('takes the pop-ups down and puts the newest waiting alert up again on the alarm tile', () => {
    let now = Date.parse('2026-11-25T09:00:00.000Z');
    const { core } = memoryCoreRig(world, () => now);
    const raise = (cameraId: string) => {
      now += 60_000;
      const location = { lon: -0.09, lat: 51.513 };
      const alert = {
        source: 'video_analytics',
        kind: 'loitering',
        priority: 'medium',
        location,
        detail: 'x',
      } as const;
      return core.raiseAlert({ ...alert, cameraId, servicePointId: null, unitId: null });
    };
    const older = raise('cam-030');
    const newer = raise('cam-031');
    // What sms/wall/alarms.ts did while the pre-roll ran: each pop-up on the first tile of an empty wall.
    for (const a of [older, newer]) {
      core.execute('wall.tile', { wallId: ROOM_WALL_ID, tile: 0, cameraId: a.cameraId, alertId: a.id }, SYSTEM_ACTOR);
    }
    seedScenarioWall(core);
    const wall = core.walls.get(ROOM_WALL_ID)!;
    expect(wall.layout).toBe('3x3');
    expect(wall.tiles[0]).toEqual({ cameraId: chooseWallCameras(world.cameras).fixed[0]!.id, alertId: null });
    expect(wall.tiles[ROOM_ALARM_TILE]).toMatchObject({ cameraId: 'cam-031', alertId: newer.id });
    expect(wall.tiles[ROOM_ALARM_TILE]?.tour).toBeDefined();
    expect(wall.tiles.filter((t) => t.alertId !== null)).toHaveLength(1);
    core.close();
  });
});
