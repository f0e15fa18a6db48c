// Schema-valid records for tests. Each builder parses its result, so a test can never run on
// data the SMS could not send.
import { CameraSchema, EventEnvelopeSchema, ServicePointSchema, SnapshotSchema } from '../../shared/protocol';
import type { Alert, Camera, EventEnvelope, ServicePoint, Snapshot } from '../../shared/protocol';
import { alert } from '../../shared/domain/testRecords';

/** An open grade-2 theft on Cheapside; an available foot patrol at Bank (the domain tests' records). */
export { incident as anIncident, unit as aUnit } from '../../shared/domain/testRecords';

/** An online fixed City Police camera. */
export function aCamera(overrides: Partial<Camera> = {}): Camera {
  const stream = { url: '/hls/cam-1/main.m3u8', codec: 'avc1.64001f', width: 1280, height: 720 };
  return CameraSchema.parse({
    id: 'cam-1',
    name: 'Bank Junction North',
    owner: 'city_police',
    position: { lon: -0.0887, lat: 51.5135 },
    bearing: 180,
    fov: 60,
    range: 120,
    ptz: false,
    ptzState: null,
    online: true,
    streams: { main: stream, sub: { ...stream, url: '/hls/cam-1/sub.m3u8', width: 480, height: 270 } },
    ...overrides,
  });
}

/** A raised (unacknowledged) video-analytics alert by the cash machine, seen by cam-1. */
export function anAlert(overrides: Partial<Alert> = {}): Alert {
  return alert({
    location: { lon: -0.0887, lat: 51.5135 },
    detail: 'Person loitering by cash machine',
    cameraId: 'cam-1',
    ...overrides,
  });
}

/** An idle Digital Service Point. */
export function aServicePoint(overrides: Partial<ServicePoint> = {}): ServicePoint {
  return ServicePointSchema.parse({
    id: 'dsp-1',
    name: 'Liverpool Street DSP',
    location: { lon: -0.0823, lat: 51.5178 },
    status: 'idle',
    cameraId: null,
    ...overrides,
  });
}

/** A snapshot at `seq` holding the given records (empty lists by default). */
export function aSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return SnapshotSchema.parse({
    seq: 0,
    incidents: [],
    units: [],
    cameras: [],
    alerts: [],
    servicePoints: [],
    ...overrides,
  });
}

/** A journal event envelope, checked against the protocol. */
export function anEvent<T extends EventEnvelope['type']>(
  seq: number,
  type: T,
  payload: Extract<EventEnvelope, { type: T }>['payload'],
): EventEnvelope {
  return EventEnvelopeSchema.parse({ seq, ts: 1_764_064_800_000 + seq, type, payload });
}
