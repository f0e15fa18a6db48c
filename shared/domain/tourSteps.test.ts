import type { WallPreset, WallTour } from '../protocol';
import { tileTourAt, wallTourAt, wallTourSteps } from './tourSteps';

const START = '2026-11-25T10:00:00.000Z';
const preset = (id: string): WallPreset => ({
  id,
  name: id,
  scope: { kind: 'role', role: 'supervisor' },
  layout: '1x1',
  custom: null,
  tiles: [{ cameraId: 'cam-1' }],
  tour: null,
  updatedAt: START,
  updatedBy: 'supervisor',
});

describe('wall tour steps', () => {
  it('pages cameras by the number of tiles the wall shows', () => {
    const plan = { kind: 'cameras' as const, cameraIds: ['a', 'b', 'c'], dwellSeconds: 10 };
    expect(wallTourSteps(plan, 2, () => undefined)).toEqual([
      { kind: 'page', cameraIds: ['a', 'b'] },
      { kind: 'page', cameraIds: ['c', null] },
    ]);
  });

  it('leaves out presets that no longer exist', () => {
    const plan = { kind: 'presets' as const, presetIds: ['p1', 'gone', 'p2'], dwellSeconds: 10 };
    const found = new Map([preset('p1'), preset('p2')].map((p) => [p.id, p]));
    expect(wallTourSteps(plan, 4, (id) => found.get(id)).map((s) => s.kind === 'preset' && s.preset.id)).toEqual([
      'p1',
      'p2',
    ]);
  });

  it('counts steps from the stored start time, so a restarted SMS agrees', () => {
    const tour: WallTour = {
      plan: { kind: 'cameras', cameraIds: ['a', 'b', 'c', 'd'], dwellSeconds: 10 },
      startedAt: START,
      startedBy: 'supervisor',
    };
    const at = wallTourAt(tour, 1, () => undefined, Date.parse(START) + 25_000);
    expect(at).toMatchObject({ index: 2, count: 4, step: { kind: 'page', cameraIds: ['c'] } });
    expect(
      wallTourAt({ ...tour, plan: { kind: 'presets', presetIds: ['gone'], dwellSeconds: 10 } }, 1, () => undefined, 0),
    ).toBeNull();
  });

  it('steps a tile through its cameras', () => {
    const tour = {
      plan: { kind: 'cameras' as const, cameraIds: ['a', 'b'], dwellSeconds: 5 },
      startedAt: START,
      startedBy: 's',
    };
    expect(tileTourAt(tour, Date.parse(START) + 5_000)).toMatchObject({
      step: 'b',
      nextAt: Date.parse(START) + 10_000,
    });
  });
});
