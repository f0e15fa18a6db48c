import { emptyWall } from '../../shared/domain/wallRules';
import type { Wall } from '../../shared/protocol';
import { camerasOnWall } from './camerasOnWall';

const at = '2026-11-25T10:00:00.000Z';
const start = { startedAt: at, startedBy: 'system' };

describe('camerasOnWall', () => {
  it("lists the shown tiles' cameras, then their tours' and the wall tour's, once each", () => {
    const wall: Wall = {
      ...emptyWall('wall-room', at, 'system'),
      layout: '2x2',
      tiles: emptyWall('wall-room', at, 'system').tiles.map((t, i) => {
        if (i === 0) return { cameraId: 'cam-1', alertId: null };
        if (i === 1) return { cameraId: null, alertId: null };
        if (i === 2) {
          const plan = { kind: 'cameras' as const, cameraIds: ['cam-5', 'cam-1', 'cam-6'], dwellSeconds: 10 };
          return { cameraId: 'cam-5', alertId: null, tour: { plan, ...start } };
        }
        if (i === 3) return { cameraId: 'cam-2', alertId: 'alert-1' };
        // Not shown by a 2x2.
        return { cameraId: 'cam-9', alertId: null };
      }),
      tour: { plan: { kind: 'cameras', cameraIds: ['cam-7', 'cam-2'], dwellSeconds: 10 }, ...start },
    };
    expect(camerasOnWall(wall)).toEqual(['cam-1', 'cam-5', 'cam-2', 'cam-6', 'cam-7']);
  });

  it('is empty for no wall, an empty one, or one touring presets', () => {
    const empty = emptyWall('wall-room', at, 'system');
    expect(camerasOnWall(undefined)).toEqual([]);
    expect(camerasOnWall(empty)).toEqual([]);
    const presets = {
      ...empty,
      tour: { plan: { kind: 'presets' as const, presetIds: ['p1'], dwellSeconds: 10 }, ...start },
    };
    expect(camerasOnWall(presets)).toEqual([]);
  });
});
