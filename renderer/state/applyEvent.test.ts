import { aCamera, aServicePoint, aSnapshot, aUnit, anAlert, anEvent, anIncident } from '../../test/support/records';
import type { MapOverlay, WallPreset } from '../../shared/protocol';
import { applyEvent } from './applyEvent';

describe('applyEvent', () => {
  it('adds a created incident and moves to the event seq', () => {
    const incident = anIncident();
    const next = applyEvent(aSnapshot({ seq: 4 }), anEvent(5, 'incident.created', { incident }));
    expect(next.seq).toBe(5);
    expect(next.incidents).toEqual([incident]);
  });

  it('replaces an updated incident in place', () => {
    const before = aSnapshot({
      seq: 5,
      incidents: [anIncident(), anIncident({ id: 'inc-2', ref: 'CAD-2026-000002' })],
    });
    const updated = anIncident({ status: 'dispatched', unitIds: ['unit-1'] });
    const next = applyEvent(before, anEvent(6, 'incident.updated', { incident: updated }));
    expect(next.incidents.map((i) => [i.id, i.status])).toEqual([
      ['inc-1', 'dispatched'],
      ['inc-2', 'open'],
    ]);
  });

  it('adds an incident first seen in an update, since events carry whole records', () => {
    const next = applyEvent(aSnapshot({ seq: 1 }), anEvent(2, 'incident.updated', { incident: anIncident() }));
    expect(next.incidents).toHaveLength(1);
  });

  it('replaces a unit on unit.status', () => {
    const before = aSnapshot({ seq: 1, units: [aUnit()] });
    const next = applyEvent(before, anEvent(2, 'unit.status', { unit: aUnit({ status: 'busy' }) }));
    expect(next.units[0]?.status).toBe('busy');
  });

  it('moves only the units named in a position batch and keeps the others as they were', () => {
    const before = aSnapshot({ seq: 1, units: [aUnit(), aUnit({ id: 'unit-2', callsign: 'CW12' })] });
    const still = before.units[1];
    const next = applyEvent(
      before,
      anEvent(2, 'unit.positions', { positions: [{ id: 'unit-1', lon: -0.09, lat: 51.514, heading: 45, speed: 2 }] }),
    );
    expect(next.units[0]).toMatchObject({ position: { lon: -0.09, lat: 51.514 }, heading: 45, speed: 2 });
    expect(next.units[1]).toBe(still);
  });

  it('keeps the unit list itself when a position batch changes nothing', () => {
    const unit = aUnit();
    const before = aSnapshot({ seq: 1, units: [unit] });
    const { lon, lat } = unit.position;
    const next = applyEvent(
      before,
      anEvent(2, 'unit.positions', {
        positions: [{ id: unit.id, lon, lat, heading: unit.heading, speed: unit.speed }],
      }),
    );
    expect(next.units).toBe(before.units);
    expect(next.seq).toBe(2);
  });

  it('ignores positions of units it does not know', () => {
    const before = aSnapshot({ seq: 1, units: [aUnit()] });
    const next = applyEvent(
      before,
      anEvent(2, 'unit.positions', { positions: [{ id: 'ghost', lon: 0, lat: 51, heading: 0, speed: 0 }] }),
    );
    expect(next.units).toBe(before.units);
  });

  it('adds a raised alert', () => {
    const next = applyEvent(aSnapshot(), anEvent(1, 'alert.raised', { alert: anAlert() }));
    expect(next.alerts.map((a) => a.status)).toEqual(['raised']);
  });

  it('replaces an updated alert', () => {
    const before = aSnapshot({ seq: 1, alerts: [anAlert()] });
    const acknowledged = anAlert({
      status: 'acknowledged',
      acknowledgedAt: '2026-11-25T10:01:00.000Z',
      acknowledgedBy: 'dispatcher',
    });
    const next = applyEvent(before, anEvent(2, 'alert.updated', { alert: acknowledged }));
    expect(next.alerts).toEqual([acknowledged]);
  });

  it('replaces an updated camera', () => {
    const before = aSnapshot({ seq: 1, cameras: [aCamera()] });
    const next = applyEvent(before, anEvent(2, 'camera.updated', { camera: aCamera({ online: false }) }));
    expect(next.cameras[0]?.online).toBe(false);
  });

  it('replaces an updated Digital Service Point', () => {
    const before = aSnapshot({ seq: 1, servicePoints: [aServicePoint()] });
    const next = applyEvent(
      before,
      anEvent(2, 'servicePoint.updated', { servicePoint: aServicePoint({ status: 'in_call' }) }),
    );
    expect(next.servicePoints[0]?.status).toBe('in_call');
  });

  it('adds, replaces and removes wall presets', () => {
    const preset: WallPreset = {
      id: 'preset-000001',
      name: 'Bank',
      scope: { kind: 'role', role: 'supervisor' },
      layout: '1x1',
      custom: null,
      tiles: [{ cameraId: 'cam-1' }],
      tour: null,
      updatedAt: '2026-11-25T10:00:00.000Z',
      updatedBy: 'supervisor',
    };
    const saved = applyEvent(aSnapshot({ seq: 1 }), anEvent(2, 'wall.presetSaved', { preset }));
    const renamed = applyEvent(saved, anEvent(3, 'wall.presetSaved', { preset: { ...preset, name: 'Bank junction' } }));
    expect(renamed.wallPresets?.map((p) => p.name)).toEqual(['Bank junction']);
    const deleted = applyEvent(renamed, anEvent(4, 'wall.presetDeleted', { presetId: preset.id }));
    expect(deleted.wallPresets).toEqual([]);
  });

  it('returns the same snapshot for an event it already reflects', () => {
    const before = aSnapshot({ seq: 7 });
    expect(applyEvent(before, anEvent(7, 'incident.created', { incident: anIncident() }))).toBe(before);
    expect(applyEvent(before, anEvent(3, 'alert.raised', { alert: anAlert() }))).toBe(before);
  });

  it('gives the same result when an event is applied twice', () => {
    const event = anEvent(2, 'incident.created', { incident: anIncident() });
    const once = applyEvent(aSnapshot({ seq: 1 }), event);
    expect(applyEvent(once, event)).toBe(once);
  });
  it('adds, replaces and removes major-event overlays', () => {
    const cordon: MapOverlay = {
      id: 'overlay-000001',
      kind: 'cordon',
      name: 'Inner cordon',
      geometry: {
        type: 'Polygon',
        coordinates: [
          [
            [-0.09, 51.513],
            [-0.087, 51.513],
            [-0.087, 51.515],
            [-0.09, 51.513],
          ],
        ],
      },
      incidentId: null,
      createdBy: 'commander',
      createdAt: '2026-11-25T10:00:00.000Z',
      updatedBy: 'commander',
      updatedAt: '2026-11-25T10:00:00.000Z',
    };
    const drawn = applyEvent(aSnapshot({ seq: 1 }), anEvent(2, 'overlay.updated', { overlay: cordon }));
    expect(drawn.overlays).toEqual([cordon]);
    const renamed = applyEvent(drawn, anEvent(3, 'overlay.updated', { overlay: { ...cordon, name: 'Outer' } }));
    expect(renamed.overlays?.map((o) => o.name)).toEqual(['Outer']);
    const removed = applyEvent(renamed, anEvent(4, 'overlay.removed', { overlayId: cordon.id }));
    expect(removed.overlays).toEqual([]);
  });
});
