import { type CommandPayload, type EventEnvelope } from '../../shared/protocol';
import { testWorld } from '../../test/support/world';
import type { SmsCoreService } from '../core/core';
import { memoryCoreRig, refusal } from '../../test/integration/support/coreRig';
import type { Actor } from '../core/ports';

const commander: Actor = { userId: 'user-commander', username: 'commander', role: 'commander' };
const supervisor: Actor = { userId: 'user-supervisor', username: 'supervisor', role: 'supervisor' };
const dispatcher: Actor = { userId: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' };

/** A small square around Bank junction. */
const square: CommandPayload<'overlay.draw'>['geometry'] = {
  type: 'Polygon',
  coordinates: [
    [
      [-0.09, 51.513],
      [-0.087, 51.513],
      [-0.087, 51.515],
      [-0.09, 51.515],
      [-0.09, 51.513],
    ],
  ],
};

let now: number;
let core: SmsCoreService;
let events: EventEnvelope[];
beforeEach(() => {
  now = Date.parse('2026-11-25T10:00:00.000Z');
  ({ core, events } = memoryCoreRig(testWorld(), () => now));
});
afterEach(() => core.close());

function draw(over: Partial<CommandPayload<'overlay.draw'>> = {}, actor = commander) {
  return core.execute('overlay.draw', { kind: 'cordon', name: 'Inner cordon', geometry: square, ...over }, actor)
    .overlay;
}

describe('overlay.draw', () => {
  it('creates a numbered overlay recording who drew it and when, and journals it', () => {
    const overlay = draw();
    expect(overlay).toMatchObject({
      id: 'overlay-000001',
      kind: 'cordon',
      name: 'Inner cordon',
      incidentId: null,
      createdBy: 'commander',
      createdAt: '2026-11-25T10:00:00.000Z',
      updatedBy: 'commander',
    });
    expect(events.map((e) => e.type)).toEqual(['overlay.updated']);
    expect(core.snapshot().overlays).toEqual([overlay]);
  });

  it('redraws an overlay in place, keeping who first drew it and its incident', () => {
    const incident = core.execute(
      'incident.create',
      { type: 'protest', grade: 2, location: { lon: -0.088, lat: 51.514 }, summary: 'march' },
      dispatcher,
    ).incident;
    const first = draw({ kind: 'sector', name: 'Sector A', incidentId: incident.id });
    now += 60_000;
    const second = draw({ overlayId: first.id, kind: 'sector', name: 'Sector A — Bank' }, supervisor);
    expect(second).toMatchObject({
      id: first.id,
      name: 'Sector A — Bank',
      incidentId: incident.id,
      createdBy: 'commander',
      updatedBy: 'supervisor',
      updatedAt: '2026-11-25T10:01:00.000Z',
    });
    expect(core.snapshot().overlays).toHaveLength(1);
  });

  it('draws a rendezvous point as a point', () => {
    expect(
      draw({ kind: 'rvp', name: 'RVP 1', geometry: { type: 'Point', coordinates: [-0.0886, 51.5134] } }).kind,
    ).toBe('rvp');
  });

  it('refuses an unknown incident or overlay, and a dispatcher', () => {
    expect(refusal(() => draw({ incidentId: 'inc-404' }))).toBe('not_found');
    expect(refusal(() => draw({ overlayId: 'overlay-404' }))).toBe('not_found');
    expect(refusal(() => draw({}, dispatcher))).toBe('forbidden');
    expect(core.snapshot().overlays).toEqual([]);
  });

  it('refuses an open ring, a ring outside London, a point cordon and too many vertices', () => {
    const ring = square.type === 'Polygon' ? square.coordinates[0] : [];
    const open = { type: 'Polygon' as const, coordinates: [ring.slice(0, -1)] as [typeof ring] };
    const paris = {
      type: 'Polygon' as const,
      coordinates: [ring.map(([lon, lat]) => [lon + 2.44, lat - 2.66] as [number, number])] as [typeof ring],
    };
    /** A closed circle of `n` positions, the closing one included. */
    const circle = (n: number): [number, number][] => {
      const corners = Array.from({ length: n - 1 }, (_, i): [number, number] => [
        -0.09 + 0.002 * Math.cos((i / (n - 1)) * 2 * Math.PI),
        51.514 + 0.002 * Math.sin((i / (n - 1)) * 2 * Math.PI),
      ]);
      return [...corners, corners[0] as [number, number]];
    };
    for (const geometry of [
      open,
      paris,
      { type: 'Point' as const, coordinates: [-0.09, 51.514] as [number, number] },
    ]) {
      expect(refusal(() => draw({ geometry }))).toBe('invalid');
    }
    expect(refusal(() => draw({ geometry: { type: 'Polygon', coordinates: [circle(501)] } }))).toBe('invalid');
    expect(draw({ geometry: { type: 'Polygon', coordinates: [circle(500)] } }).kind).toBe('cordon');
  });
});

describe('overlay.remove', () => {
  it('removes the overlay from the state and journals its id', () => {
    const overlay = draw();
    expect(core.execute('overlay.remove', { overlayId: overlay.id }, supervisor)).toEqual({ overlayId: overlay.id });
    expect(events.at(-1)).toMatchObject({ type: 'overlay.removed', payload: { overlayId: overlay.id } });
    expect(core.snapshot().overlays).toEqual([]);
    expect(refusal(() => core.execute('overlay.remove', { overlayId: overlay.id }, supervisor))).toBe('not_found');
  });

  it('is refused to a dispatcher', () => {
    const overlay = draw();
    expect(refusal(() => core.execute('overlay.remove', { overlayId: overlay.id }, dispatcher))).toBe('forbidden');
  });
});
