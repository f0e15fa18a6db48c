// Schema-valid records for the domain's tests (shared/ may not import the renderer's builders).
import { AlertSchema, IncidentSchema, UnitSchema, type Alert, type Incident, type Unit } from '../protocol/entities';

const AT = '2026-11-25T10:00:00.000Z';

export function incident(overrides: Partial<Incident> = {}): Incident {
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

export function unit(overrides: Partial<Unit> = {}): Unit {
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

export function alert(overrides: Partial<Alert> = {}): Alert {
  return AlertSchema.parse({
    id: 'alert-1',
    source: 'video_analytics',
    kind: 'loitering',
    priority: 'medium',
    status: 'raised',
    location: { lon: -0.0915, lat: 51.5133 },
    detail: '',
    cameraId: null,
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

export const T0 = Date.parse(AT);
export const minutes = (n: number) => n * 60_000;
