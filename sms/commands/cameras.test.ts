// The camera.* commands through the real core and an in-memory store.
import { testCamera, testWorld } from '../../test/support/world';
import type { SmsCoreService } from '../core/core';
import { memoryCoreRig, refusal } from '../../test/integration/support/coreRig';
import type { Actor } from '../core/ports';

const dispatcher: Actor = { userId: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' };
const supervisor: Actor = { userId: 'user-supervisor', username: 'supervisor', role: 'supervisor' };
const viewer: Actor = { userId: 'user-viewer', username: 'viewer', role: 'viewer' };

let core: SmsCoreService;
beforeEach(() => {
  const world = testWorld();
  ({ core } = memoryCoreRig(
    { ...world, cameras: [...world.cameras, testCamera('cam-3', { owner: 'third_party' })] },
    () => Date.parse('2026-11-25T10:00:00.000Z'),
  ));
});
afterEach(() => core.close());

describe('camera commands', () => {
  it('moves a PTZ camera to a preset and turns its bearing with the pan', () => {
    const { camera } = core.execute('camera.ptz', { cameraId: 'cam-2', preset: 3 }, dispatcher);
    expect([camera.ptzState, camera.bearing]).toEqual([{ pan: 90, tilt: -10, zoom: 1 }, 90]);
    expect(core.execute('camera.ptz', { cameraId: 'cam-2', pan: 200, zoom: 4 }, dispatcher).camera.bearing).toBe(200);
    expect(refusal(() => core.execute('camera.ptz', { cameraId: 'cam-1', pan: 10 }, dispatcher))).toBe('conflict');
  });

  it('cuts a stream for supervisors only', () => {
    expect(refusal(() => core.execute('camera.status', { cameraId: 'cam-1', online: false }, dispatcher))).toBe(
      'forbidden',
    );
    expect(core.execute('camera.status', { cameraId: 'cam-1', online: false }, supervisor).camera.online).toBe(false);
  });

  it('requires a reason for a third-party camera, playback and snapshots, and audits it', () => {
    const live = { cameraId: 'cam-1', screen: 'wall:0', mode: 'live' } as const;
    expect(core.execute('camera.view', live, viewer).viewId).toBe('view-1');
    expect(refusal(() => core.execute('camera.view', { ...live, cameraId: 'cam-3' }, viewer))).toBe('invalid');
    expect(refusal(() => core.execute('camera.view', { ...live, mode: 'playback' }, viewer))).toBe('invalid');
    const ack = core.submit(
      { id: 'cmd-000001', type: 'camera.view', payload: { ...live, cameraId: 'cam-3', reason: 'CAD-2026-000001' } },
      viewer,
    );
    expect(ack).toEqual({ ok: true, result: { viewId: 'view-2', cameraId: 'cam-3' } });
  });

  it('ends only a view the sender opened of that camera: any other view id answers not_found', () => {
    const live = { cameraId: 'cam-1', screen: 'wall:0', mode: 'live' } as const;
    const { viewId } = core.execute('camera.view', live, dispatcher);
    const end = (actor: Actor, over: Partial<{ viewId: string; cameraId: string }> = {}) =>
      refusal(() => core.execute('camera.viewEnd', { viewId, cameraId: 'cam-1', screen: 'wall:0', ...over }, actor));
    expect(end(dispatcher, { viewId: 'view-999' })).toBe('not_found');
    expect(end(viewer)).toBe('not_found');
    expect(end(dispatcher, { cameraId: 'cam-2' })).toBe('not_found');
    const ack = core.submit(
      {
        id: 'cmd-000002',
        type: 'camera.viewEnd',
        payload: { viewId: 'view-404', cameraId: 'cam-1', screen: 'wall:0' },
      },
      dispatcher,
    );
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(core.execute('camera.viewEnd', { viewId, cameraId: 'cam-1', screen: 'wall:0' }, dispatcher)).toEqual({
      viewId,
    });
    // Ending it again is still the sender's view: ok, and it stays closed.
    expect(core.execute('camera.viewEnd', { viewId, cameraId: 'cam-1', screen: 'wall:0' }, dispatcher)).toEqual({
      viewId,
    });
  });

  it('does not count a refused or retried view as one that can be ended', () => {
    const gated = { cameraId: 'cam-3', screen: 'wall:0', mode: 'live' } as const;
    expect(refusal(() => core.execute('camera.view', gated, dispatcher))).toBe('invalid');
    expect(
      refusal(() =>
        core.execute('camera.viewEnd', { viewId: 'view-1', cameraId: 'cam-3', screen: 'wall:0' }, dispatcher),
      ),
    ).toBe('not_found');
  });
});
