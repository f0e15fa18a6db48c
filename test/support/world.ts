import type { Camera, ServicePoint, Unit, UnitKind, UnitStatus } from '../../../shared/protocol';
import type { SeedWorld } from '../../../sms/core/ports';

const AT = '2026-11-25T09:00:00.000Z';

/** A unit of the test world, available at Bank junction unless told otherwise. */
export function testUnit(id: string, over: Partial<Unit> = {}): Unit {
  return {
    id,
    callsign: id.toUpperCase(),
    kind: 'foot' satisfies UnitKind,
    status: 'available' satisfies UnitStatus,
    position: { lon: -0.0886, lat: 51.5134 },
    heading: 0,
    speed: 0,
    skills: ['first_aid'],
    incidentId: null,
    updatedAt: AT,
    ...over,
  };
}

/** A fixed camera of the test world. */
export function testCamera(id: string, over: Partial<Camera> = {}): Camera {
  return {
    id,
    name: `Camera ${id}`,
    owner: 'city_police',
    position: { lon: -0.0899, lat: 51.5138 },
    bearing: 90,
    fov: 60,
    range: 120,
    ptz: false,
    ptzState: null,
    online: true,
    streams: {
      main: { url: `/hls/${id}/main.m3u8`, codec: 'avc1.64001f', width: 1280, height: 720 },
      sub: { url: `/hls/${id}/sub.m3u8`, codec: 'avc1.42c015', width: 480, height: 270 },
    },
    ...over,
  };
}

/** A Digital Service Point of the test world. */
export function testServicePoint(id: string, over: Partial<ServicePoint> = {}): ServicePoint {
  return {
    id,
    name: `Service point ${id}`,
    location: { lon: -0.0915, lat: 51.5133, address: 'Cheapside' },
    status: 'idle',
    cameraId: null,
    ...over,
  };
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
