import type { Role } from '../protocol';
import {
  ROOM_WALL_ID,
  arrangeRefusal,
  emptyWall,
  mayArrangeWall,
  maySharePresets,
  personalWallId,
  presetChangeRefusal,
  presetMeantFor,
  sendRefusal,
  unknownWallRefusal,
  type WallActor,
} from './wallRules';

const dispatcher: WallActor = { userId: 'user-d', role: 'dispatcher' };
const viewer: WallActor = { userId: 'user-v', role: 'viewer' };
const supervisor: WallActor = { userId: 'user-s', role: 'supervisor' };
const admin: WallActor = { userId: 'user-a', role: 'admin' };
const system: WallActor = { userId: 'system', role: 'system' };

describe('wall ids', () => {
  it('names the room wall and one personal wall per user, the walls the SMS creates on first use', () => {
    expect(personalWallId('user-d')).toBe('wall-user-user-d');
    expect([ROOM_WALL_ID, personalWallId('user-d')].map((id) => unknownWallRefusal(dispatcher, id, false))).toEqual([
      null,
      null,
    ]);
  });

  it('refuses any other id unless that wall exists, saying which walls there are', () => {
    expect(unknownWallRefusal(supervisor, 'wall-ops.2', false)).toBe(
      'There is no wall wall-ops.2: name wall-room or your own wall-user-user-s.',
    );
    expect(unknownWallRefusal(supervisor, personalWallId('user-d'), false)).not.toBeNull();
    expect(unknownWallRefusal(system, 'wall-x', false)).not.toBeNull();
    expect(unknownWallRefusal(supervisor, 'wall-ops.2', true)).toBeNull();
  });

  it('starts a wall empty, 2x2, alarms on its first tile', () => {
    const wall = emptyWall(ROOM_WALL_ID, '2026-11-25T10:00:00.000Z', 'system');
    expect(wall).toMatchObject({ name: 'Control room wall', layout: '2x2', alarmTile: 0, focusedTile: null });
    expect(wall.tiles.every((t) => t.cameraId === null && t.alertId === null)).toBe(true);
    expect(emptyWall(personalWallId('user-d'), '', '').name).toBe('Workstation wall');
  });
});

describe('arranging a wall', () => {
  it('takes a supervisor or above (or the SMS) for a shared wall, and only the owner for a personal one', () => {
    expect([dispatcher, viewer, supervisor, admin, system].map((a) => mayArrangeWall(a, ROOM_WALL_ID))).toEqual([
      false,
      false,
      true,
      true,
      true,
    ]);
    expect(mayArrangeWall(dispatcher, personalWallId(dispatcher.userId))).toBe(true);
    expect(mayArrangeWall(viewer, personalWallId(viewer.userId))).toBe(true);
    expect(mayArrangeWall(dispatcher, personalWallId('user-x'))).toBe(false);
  });

  it("keeps a personal wall to its owner, whatever the others' role", () => {
    const others = personalWallId('user-x');
    expect([dispatcher, viewer, supervisor, admin].map((a) => mayArrangeWall(a, others))).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(mayArrangeWall(system, others)).toBe(true);
  });

  it('takes a supervisor or above for any other shared wall that exists', () => {
    expect([dispatcher, viewer, supervisor, admin].map((a) => mayArrangeWall(a, 'wall-ops.2'))).toEqual([
      false,
      false,
      true,
      true,
    ]);
  });

  it('says why not, naming the room wall in words', () => {
    expect(arrangeRefusal(dispatcher, ROOM_WALL_ID)).toBe(
      "A dispatcher may send cameras to the room's wall but not arrange it.",
    );
    expect(arrangeRefusal(supervisor, 'wall-user-user-x')).toBe(
      "wall-user-user-x is another operator's own screens: only they use it.",
    );
    expect(arrangeRefusal(dispatcher, 'wall-ops.2')).toBe(
      'A dispatcher may not use wall-ops.2: supervisors and above arrange the shared walls.',
    );
  });
});

describe('sending cameras to a wall', () => {
  it("takes any operator for the room's wall, and the owner for a personal wall", () => {
    expect([dispatcher, viewer, supervisor].map((a) => sendRefusal(a, ROOM_WALL_ID))).toEqual([null, null, null]);
    expect(sendRefusal(dispatcher, personalWallId(dispatcher.userId))).toBeNull();
    expect(sendRefusal(dispatcher, personalWallId(supervisor.userId))).toBe(
      "wall-user-user-s is another operator's own screens: only they use it.",
    );
    expect(sendRefusal(admin, personalWallId(supervisor.userId))).not.toBeNull();
  });

  it('is refused to a dispatcher for any other shared wall, as arranging it is', () => {
    expect(sendRefusal(dispatcher, 'wall-ops.2')).toBe(arrangeRefusal(dispatcher, 'wall-ops.2'));
    expect(sendRefusal(supervisor, 'wall-ops.2')).toBeNull();
  });
});

describe('wall presets', () => {
  const own = { kind: 'user' as const, userId: dispatcher.userId };
  const others = { kind: 'user' as const, userId: 'user-x' };
  const dispatchers = { kind: 'role' as const, role: 'dispatcher' as const };
  const supervisors = { kind: 'role' as const, role: 'supervisor' as const };

  it('are meant for their owner or their role; an admin and the SMS apply any', () => {
    expect([own, others, dispatchers, supervisors].map((s) => presetMeantFor(dispatcher, s))).toEqual([
      true,
      false,
      true,
      false,
    ]);
    expect([own, others, dispatchers, supervisors].every((s) => presetMeantFor(admin, s))).toBe(true);
    expect(presetMeantFor(system, others)).toBe(true);
  });

  it("are changed by their owner; shared ones by those who share presets; nobody changes another's own", () => {
    expect(presetChangeRefusal(dispatcher, own)).toBeNull();
    expect(presetChangeRefusal(dispatcher, dispatchers)).toBe(
      'A dispatcher keeps their own presets; supervisors share them with a role.',
    );
    expect(presetChangeRefusal(supervisor, dispatchers)).toBeNull();
    expect(presetChangeRefusal(supervisor, others)).toBe("Another operator's own preset is theirs to change.");
    expect(presetChangeRefusal(admin, others)).toBeNull();
    expect(['dispatcher', 'viewer', 'supervisor', 'commander', 'admin'].map((r) => maySharePresets(r as Role))).toEqual(
      [false, false, true, true, true],
    );
  });
});
