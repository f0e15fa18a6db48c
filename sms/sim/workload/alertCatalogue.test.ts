import { AlertSchema } from '../../../shared/protocol';
import { Random } from '../random';
import { createScenario } from '../scenario';
import { Gazetteer } from '../world/gazetteer';
import {
  analyticsAlert,
  anprAlert,
  classifyCameras,
  emergencyButtonAlert,
  premisesAlarmAlert,
  registrationMark,
  servicePointCallAlert,
} from './alertCatalogue';
import { SitePicker } from './sites';

const g = Gazetteer.load();
const world = createScenario({ seed: 1 });
const cameraSites = classifyCameras(world.cameras, g);
const asAlert = (a: object) =>
  AlertSchema.parse({
    id: 'alert-1',
    status: 'raised',
    incidentId: null,
    raisedAt: '2026-01-01T00:00:00.000Z',
    acknowledgedAt: null,
    acknowledgedBy: null,
    dismissReason: null,
    ...a,
  });

describe('alert catalogue', () => {
  it('finds the bridge cameras', () => {
    const bridges = world.cameras.filter((c) => cameraSites.find((s) => s.id === c.id)?.onBridge);
    expect(bridges.map((c) => c.name)).toContain('London Bridge (mid-span)');
  });

  it('raises analytics inside the camera’s field of view', () => {
    const rng = Random.stream(1, 'alerts');
    const camera = world.cameras[0]!;
    const alert = analyticsAlert(camera, cameraSites[0]!, rng, g);
    const ruler = g.streets.net.ruler;
    const at: [number, number] = [camera.position.lon, camera.position.lat];
    expect(ruler.distance(at, [alert.location.lon, alert.location.lat])).toBeLessThanOrEqual(camera.range);
    asAlert(alert);
  });

  it('reads current-style UK registration marks', () => {
    const rng = Random.stream(2, 'alerts');
    for (let i = 0; i < 50; i++) expect(registrationMark(rng)).toMatch(/^[A-Z]{2}\d{2} [A-Z]{3}$/);
  });

  it('raises a valid ANPR hit with its camera', () => {
    const camera = world.cameras.find((c) => cameraSites.find((s) => s.id === c.id)?.mainRoad)!;
    const alert = asAlert(anprAlert(camera, Random.stream(3, 'alerts'), g));
    expect(alert.cameraId).toBe(camera.id);
  });

  it('raises a premises alarm at the premises', () => {
    const site = new SitePicker(g).pick('premises', Random.stream(4, 'alerts'));
    const alert = asAlert(premisesAlarmAlert(site, 3, Random.stream(4, 'alerts')));
    expect(alert.detail).toContain(site.placeName);
  });

  it('raises a service point call from the box with its camera', () => {
    const sp = world.servicePoints[0]!;
    const alert = asAlert(servicePointCallAlert(sp, Random.stream(5, 'alerts')));
    expect([alert.servicePointId, alert.cameraId]).toEqual([sp.id, sp.cameraId]);
  });

  it('makes an officer’s emergency button critical, with the unit', () => {
    const unit = world.units[0]!;
    const alert = asAlert(emergencyButtonAlert(unit, g));
    expect([alert.priority, alert.unitId]).toEqual(['critical', unit.id]);
  });
});
