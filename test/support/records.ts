// Schema-valid records for every test: one builder per record, each parsing its result so a test
// can never run on data the SMS could not send. Tests beside the code import them from here; a
// production file may not (eslint.config.mjs) and cannot (no production tsconfig includes test/).
import {
  AlertSchema,
  CameraSchema,
  EventEnvelopeSchema,
  IncidentSchema,
  ServicePointSchema,
  SnapshotSchema,
  UnitSchema,
} from '../../shared/protocol';
import type { Alert, Camera, EventEnvelope, Incident, ServicePoint, Snapshot, Unit } from '../../shared/protocol';

const AT = '2026-11-25T10:00:00.000Z';

/** The records' clock: 10:00 on the day of the records, and a number of minutes as milliseconds. */
export const T0 = Date.parse(AT);
export const minutes = (n: number) => n * 60_000;

/** An open grade-2 theft on Cheapside. */
export function anIncident(overrides: Partial<Incident> = {}): Incident {
  return IncidentSchema.parse({
    id: 'inc-1',
    ref: 'CAD-2026-000001',
    type: 'theft',
    grade: 2,
    status: 'open',
    location: { lon: -0.0915, lat: 51.5133, address: 'Cheapside', ward: 'Cheap' },
    caller: null,
    summary: 'Phone snatched',
    createdAt: AT,
    updatedAt: AT,
    closedAt: null,
    resultCode: null,
    unitIds: [],
    cameraIds: [],
    alertIds: [],
    log: [],
    ...overrides,
  });
}

/** An available foot patrol walking east at Bank. */
export function aUnit(overrides: Partial<Unit> = {}): Unit {
  return UnitSchema.parse({
    id: 'unit-1',
    callsign: 'CW11',
    kind: 'foot',
    status: 'available',
    position: { lon: -0.0886, lat: 51.5133 },
    heading: 90,
    speed: 1.4,
    skills: ['first_aid'],
    incidentId: null,
    updatedAt: AT,
    ...overrides,
  });
}

/** A raised (unacknowledged) video-analytics alert by the cash machine, seen by cam-1. */
export function anAlert(overrides: Partial<Alert> = {}): Alert {
  return AlertSchema.parse({
    id: 'alert-1',
    source: 'video_analytics',
    kind: 'loitering',
    priority: 'medium',
    status: 'raised',
    location: { lon: -0.0887, lat: 51.5135 },
    detail: 'Person loitering by cash machine',
    cameraId: 'cam-1',
    servicePointId: null,
    unitId: null,
    incidentId: null,
    raisedAt: AT,
    acknowledgedAt: null,
    acknowledgedBy: null,
    dismissReason: null,
    ...overrides,
  });
}

/** An online fixed City Police camera at Bank junction; its stream URLs follow its id. */
export function aCamera(overrides: Partial<Camera> = {}): Camera {
  const id = overrides.id ?? 'cam-1';
  const main = { url: `/hls/${id}/main.m3u8`, codec: 'avc1.64001f', width: 1280, height: 720 };
  const sub = { url: `/hls/${id}/sub.m3u8`, codec: 'avc1.42c015', width: 480, height: 270 };
  return CameraSchema.parse({
    id,
    name: 'Bank Junction North',
    owner: 'city_police',
    position: { lon: -0.0887, lat: 51.5135 },
    bearing: 180,
    fov: 60,
    range: 120,
    ptz: false,
    ptzState: null,
    online: true,
    streams: { main, sub },
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
