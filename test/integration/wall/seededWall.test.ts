// "The wall is on": a real SMS that seeds the City scenario puts its room wall up with the City's
// key cameras, shares its presets and runs its tour, keeps them (once) over a restart, and starts
// a new user's own screens from the room's preset.
import { mayTour } from '../../../shared/domain/viewPolicy';
import { ROOM_WALL_ID, personalWallId } from '../../../shared/domain/wallRules';
import { SnapshotSchema, type Camera, type Snapshot } from '../../../shared/protocol';
import { ROOM_PRESET_NAME } from '../../../shared/domain/roomPreset';
import { connect, get, login, send, startTestSms, type TestSms } from '../support/sms';

jest.setTimeout(60_000);

let t: TestSms;
afterEach(async () => {
  await t.close();
});

async function snapshotAs(username: string): Promise<Snapshot> {
  const { status, body } = await get(`${t.url}/api/snapshot`, await login(t.url, username));
  expect(status).toBe(200);
  return SnapshotSchema.parse(body);
}

const roomWall = (s: Snapshot) => s.walls?.find((w) => w.id === ROOM_WALL_ID);

it('opens with the City on the room wall, its shared presets and its tour, and keeps them once over a restart', async () => {
  t = await startTestSms({ sim: true, seed: 5, speed: 1 }, false);
  const first = await snapshotAs('supervisor');
  const wall = roomWall(first);
  expect(wall).toMatchObject({ layout: '3x3', alarmTile: 8, focusedTile: null, updatedBy: 'system' });
  const cameras = new Map(first.cameras.map((c) => [c.id, c] as [string, Camera]));
  const shown = wall?.tiles.slice(0, 9).map((tile) => cameras.get(tile.cameraId ?? '')) ?? [];
  expect(new Set(shown.map((c) => c?.id)).size).toBe(9);
  for (const camera of shown) expect(camera !== undefined && camera.online && mayTour(camera)).toBe(true);
  // The tour: the alarm tile goes round the City's other cameras.
  const tour = wall?.tiles[8]?.tour;
  expect(tour?.plan.cameraIds.length).toBeGreaterThan(10);
  expect(tour?.plan.cameraIds).toContain(wall?.tiles[8]?.cameraId);

  const names = (s: Snapshot) =>
    (s.wallPresets ?? []).map((p) => `${p.scope.kind === 'role' ? p.scope.role : '?'}:${p.name}`).sort();
  expect(names(first)).toEqual(
    ['commander', 'dispatcher', 'supervisor'].flatMap((role) =>
      ['Bridges and river', ROOM_PRESET_NAME, 'Stations'].map((name) => `${role}:${name}`),
    ),
  );

  // A supervisor rearranges the room; a restart keeps that, and seeds nothing again.
  const supervisor = await connect(t.url, await login(t.url, 'supervisor'));
  try {
    await supervisor.ready;
    expect(await send(supervisor.socket, 'wall.layout', { wallId: ROOM_WALL_ID, layout: '2x2' })).toMatchObject({
      ok: true,
    });
  } finally {
    supervisor.close();
  }
  const seq = t.sms.core.seq;
  await t.restart();
  const again = await snapshotAs('supervisor');
  expect(roomWall(again)?.layout).toBe('2x2');
  expect(names(again)).toEqual(names(first));
  expect(again.walls?.filter((w) => w.id === ROOM_WALL_ID)).toHaveLength(1);
  expect(t.sms.core.seq).toBeGreaterThanOrEqual(seq);
});

it("starts a new user's own screens from the room's preset", async () => {
  t = await startTestSms({ sim: true, seed: 5, speed: 1 }, false);
  const room = roomWall(await snapshotAs('dispatcher'));
  const dispatcher = await connect(t.url, await login(t.url, 'dispatcher'));
  try {
    await dispatcher.ready;
    const own = personalWallId('user-dispatcher');
    const ack = await send(dispatcher.socket, 'wall.focus', { wallId: own, tile: 4 });
    expect(ack).toMatchObject({ ok: true, result: { wall: { id: own, layout: '3x3', focusedTile: 4 } } });
    const wall = ack.ok ? (ack.result as { wall: NonNullable<typeof room> }).wall : null;
    expect(wall?.tiles.slice(0, 8).map((tile) => tile.cameraId)).toEqual(
      room?.tiles.slice(0, 8).map((tile) => tile.cameraId),
    );
    expect(wall?.tiles[8]?.tour?.plan).toEqual(room?.tiles[8]?.tour?.plan);
    expect(wall?.tiles[8]?.tour?.startedBy).toBe('dispatcher');
  } finally {
    dispatcher.close();
  }
});

it('leaves the room wall alone without the simulator', async () => {
  t = await startTestSms();
  const snapshot = await snapshotAs('supervisor');
  expect(roomWall(snapshot)).toBeUndefined();
  expect(snapshot.wallPresets ?? []).toEqual([]);
});
