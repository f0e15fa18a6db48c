// The HLS reason gate over the real core and audit (in-memory store): it follows the views the
// camera.view / camera.viewEnd commands open and close, and writes no audit record of its own.
import { testCamera, testWorld } from '../../test/support/world';
import { createCore, type SmsCoreService } from '../core/core';
import { SMS_COMMANDS } from '../commands/commandRules';
import type { Actor } from '../core/ports';
import { openSqliteStorage } from '../storage/sqlite';
import type { Storage } from '../storage/storage';
import { createHlsAccess } from './hlsAccess';

const viewer: Actor = { userId: 'user-viewer', username: 'viewer', role: 'viewer' };
const other: Actor = { userId: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' };

let clock: number;
let storage: Storage;
let core: SmsCoreService;
let allow: ReturnType<typeof createHlsAccess>;
beforeEach(() => {
  clock = Date.parse('2026-11-25T10:00:00.000Z');
  storage = openSqliteStorage(':memory:');
  core = createCore({ commands: SMS_COMMANDS, storage, clock: () => clock });
  const world = testWorld();
  core.seed({ ...world, cameras: [...world.cameras, testCamera('cam-3', { owner: 'third_party' })] });
  allow = createHlsAccess({
    camera: (id) => core.cameras.get(id),
    queryAudit: (query) => storage.queryAudit(query),
    now: () => clock,
  });
});
afterEach(() => core.close());

const live = (cameraId: string) => ({ cameraId, resource: 'live' as const });
const entry = (cameraId: string) => ({ cameraId, resource: 'multivariant' as const });
const vod = (cameraId: string) => ({ cameraId, resource: 'vod' as const });
const open = (
  actor: Actor,
  cameraId: string,
  screen: string,
  mode: 'live' | 'playback' | 'snapshot',
  reason?: string,
) => core.execute('camera.view', { cameraId, screen, mode, ...(reason === undefined ? {} : { reason }) }, actor).viewId;
const end = (actor: Actor, viewId: string, cameraId: string, screen: string) =>
  core.execute('camera.viewEnd', { viewId, cameraId, screen }, actor);

it('serves public live streams to any signed-in user and writes no audit record for a stream request', () => {
  expect(allow(viewer, entry('cam-1'))).toBe(true);
  expect(allow(other, live('cam-1'))).toBe(true);
  expect(storage.queryAudit({ action: 'camera.view', limit: 10 })).toEqual([]);
});

it('serves a third-party camera only while its viewer has a reasoned view open, and stops when it ends', () => {
  expect(allow(viewer, entry('cam-3'))).toBe(false);
  const viewId = open(viewer, 'cam-3', 'wall:2', 'live', 'CAD-2026-000007 theft');
  expect(allow(viewer, entry('cam-3'))).toBe(true);
  expect(allow(viewer, live('cam-3'))).toBe(true);
  // Another user's view is not this user's.
  expect(allow(other, entry('cam-3'))).toBe(false);

  end(viewer, viewId, 'cam-3', 'wall:2');
  clock += 2_000;
  expect(allow(viewer, live('cam-3'))).toBe(false);
  expect(allow(viewer, entry('cam-3'))).toBe(false);
  // The view's own records are the audit: one open, one end, and nothing from the stream path.
  expect(storage.queryAudit({ action: 'camera.view', limit: 10 })).toHaveLength(1);
  expect(storage.queryAudit({ action: 'camera.viewEnd', limit: 10 })).toHaveLength(1);
});

it('keeps a view open while another window of the same operator still shows it on that screen', () => {
  const first = open(viewer, 'cam-3', 'wall:1', 'live', 'watching the entrance');
  clock += 1_000;
  open(viewer, 'cam-3', 'wall:1', 'live', 'watching the entrance');
  clock += 1_000;
  end(viewer, first, 'cam-3', 'wall:1');
  clock += 2_000;
  expect(allow(viewer, live('cam-3'))).toBe(true);
});

it('serves a recording only during a reasoned playback view; a snapshot or a live view is not one', () => {
  expect(allow(viewer, vod('cam-1'))).toBe(false);
  open(viewer, 'cam-1', 'wall:1', 'live');
  open(viewer, 'cam-1', 'wall:1', 'snapshot', 'evidence');
  expect(allow(viewer, vod('cam-1'))).toBe(false);
  const viewId = open(viewer, 'cam-1', 'wall:1', 'playback', 'review of the assault');
  expect(allow(viewer, vod('cam-1'))).toBe(true);
  end(viewer, viewId, 'cam-1', 'wall:1');
  clock += 2_000;
  expect(allow(viewer, vod('cam-1'))).toBe(false);
});

it('lets an open view lapse after a shift when its end never came (a crashed window)', () => {
  open(viewer, 'cam-3', 'wall:1', 'live', 'night watch');
  clock += 11 * 3_600_000;
  expect(allow(viewer, entry('cam-3'))).toBe(true);
  clock += 2 * 3_600_000;
  expect(allow(viewer, entry('cam-3'))).toBe(false);
});

it('closes exactly the view an end names: a playback followed by a live view on the same screen', () => {
  const playback = open(viewer, 'cam-3', 'wall:1', 'playback', 'review of the break-in');
  open(viewer, 'cam-3', 'wall:1', 'live', 'review of the break-in');
  end(viewer, playback, 'cam-3', 'wall:1');
  expect(allow(viewer, vod('cam-3'))).toBe(false);
  expect(allow(viewer, live('cam-3'))).toBe(true);
});

it('lets neither an end of an unknown view id nor another user’s end close a view', () => {
  const viewId = open(viewer, 'cam-3', 'wall:1', 'live', 'watching the entrance');
  // The SMS refuses both ends (not_found), and neither closes the view.
  const endBy = (actor: Actor, id: string) =>
    core.submit(
      {
        id: `cmd-end-${actor.userId}-${id}`,
        type: 'camera.viewEnd',
        payload: { viewId: id, cameraId: 'cam-3', screen: 'wall:1' },
      },
      actor,
    );
  expect(endBy(viewer, 'view-999')).toMatchObject({ ok: false, error: { code: 'not_found' } });
  expect(endBy(other, viewId)).toMatchObject({ ok: false, error: { code: 'not_found' } });
  expect(allow(viewer, live('cam-3'))).toBe(true);
});

it('opens nothing for a command id sent again, with the same payload or another', () => {
  const id = 'cmd-view-0001';
  const publicView = { cameraId: 'cam-1', screen: 'wall:1', mode: 'live' };
  expect(core.submit({ id, type: 'camera.view', payload: publicView }, viewer)).toMatchObject({ ok: true });
  core.submit({ id, type: 'camera.view', payload: publicView }, viewer);
  core.submit({ id, type: 'camera.view', payload: { ...publicView, cameraId: 'cam-3', reason: 'x' } }, viewer);
  core.submit({ id, type: 'camera.view', payload: { ...publicView, mode: 'playback', reason: 'x' } }, viewer);
  expect(allow(viewer, live('cam-3'))).toBe(false);
  expect(allow(viewer, vod('cam-1'))).toBe(false);
});

it('opens nothing for a view record without a view id (an older SMS wrote retries as `ok`)', () => {
  storage.appendAudit([
    {
      at: new Date(clock).toISOString(),
      userId: viewer.userId,
      username: viewer.username,
      role: viewer.role,
      action: 'camera.view',
      targetId: 'cam-3',
      result: 'ok',
      reason: 'retry',
      detail: JSON.stringify({ cameraId: 'cam-3', screen: 'wall:1', mode: 'playback' }),
    },
  ]);
  expect(allow(viewer, live('cam-3'))).toBe(false);
  expect(allow(viewer, vod('cam-3'))).toBe(false);
});
