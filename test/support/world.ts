// The SMS tests' world: a few stationary units, cameras and a service point around Bank, built
// from the shared record builders with the places and ids the SMS tests (and the benchmark) use.
import type { Camera, ServicePoint, Unit } from '../../shared/protocol';
import type { SeedWorld } from '../../sms/core/ports';
import { aCamera, aServicePoint, aUnit } from './records';

const AT = '2026-11-25T09:00:00.000Z';

/** A unit of the test world, standing available at Bank junction unless told otherwise. */
export function testUnit(id: string, over: Partial<Unit> = {}): Unit {
  const at = { position: { lon: -0.0886, lat: 51.5134 }, heading: 0, speed: 0, updatedAt: AT };
  return aUnit({ id, callsign: id.toUpperCase(), ...at, ...over });
}

/** A fixed camera of the test world. */
export function testCamera(id: string, over: Partial<Camera> = {}): Camera {
  return aCamera({ id, name: `Camera ${id}`, position: { lon: -0.0899, lat: 51.5138 }, bearing: 90, ...over });
}

/** A Digital Service Point of the test world. */
export function testServicePoint(id: string, over: Partial<ServicePoint> = {}): ServicePoint {
  const location = { lon: -0.0915, lat: 51.5133, address: 'Cheapside' };
  return aServicePoint({ id, name: `Service point ${id}`, location, ...over });
}

/** A small, hand-made world: enough units, cameras and a service point to exercise every command. */
export function testWorld(): SeedWorld {
  return {
    units: [
      testUnit('u1'),
      testUnit('u2', { kind: 'car', skills: ['response_driver', 'first_aid'] }),
      testUnit('u3', { kind: 'armed_response', skills: ['firearms', 'taser'] }),
      testUnit('u4', { kind: 'van', status: 'off_duty', skills: ['public_order'] }),
    ],
    cameras: [testCamera('cam-1'), testCamera('cam-2', { ptz: true, ptzState: { pan: 90, tilt: 0, zoom: 1 } })],
    servicePoints: [testServicePoint('dsp-1', { cameraId: 'cam-1' })],
  };
}
