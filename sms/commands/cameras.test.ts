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
});
