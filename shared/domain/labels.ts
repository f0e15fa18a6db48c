import type {
  AlertPriority,
  AlertSource,
  Grade,
  IncidentStatus,
  ServicePointStatus,
  UnitKind,
  UnitStatus,
} from '../protocol/entities';
import type { MapOverlay, OverlayKind } from '../protocol/overlays';
import type { Role } from '../protocol/user';
import type { PlaceKind } from '../geo/placeIndex';

// The words the room reads for grades, statuses, kinds and priorities, written once so the
// console, the overview, the map and the server's log lines say the same thing. Colours and
// shapes are the map's symbology (renderer/map/live/symbology.ts); only words live here.

/** Display names of the UK police call grades. */
export const GRADE_NAMES: Record<Grade, string> = {
  1: 'Emergency',
  2: 'Priority',
  3: 'Scheduled',
  4: 'Resolved without deployment',
};

/** Grade names short enough for the map legend's swatches. */
export const GRADE_SHORT_NAMES: Record<Grade, string> = { ...GRADE_NAMES, 4: 'Resolved' };

/** A grade in full: "Grade 1 Emergency". */
export function gradeLabel(grade: Grade): string {
  return `Grade ${grade} ${GRADE_NAMES[grade]}`;
}

/** Statuses as words a dispatcher says. */
export const INCIDENT_STATUS_LABEL: Record<IncidentStatus, string> = {
  open: 'Open',
  dispatched: 'Dispatched',
  on_scene: 'On scene',
  closed: 'Closed',
};

export const UNIT_STATUS_LABEL: Record<UnitStatus, string> = {
  available: 'Available',
  dispatched: 'Dispatched',
  en_route: 'En route',
  on_scene: 'On scene',
  busy: 'Busy',
  off_duty: 'Off duty',
};

/** Three-letter unit status codes, where a word does not fit (the map legend's key). */
export const UNIT_STATUS_CODE: Record<UnitStatus, string> = {
  available: 'AVL',
  dispatched: 'DSP',
  en_route: 'ENR',
  on_scene: 'ONS',
  busy: 'BSY',
  off_duty: 'OFF',
};

export const UNIT_KIND_LABEL: Record<UnitKind, string> = {
  foot: 'Foot patrol',
  car: 'Response car',
  cycle: 'Cycle',
  van: 'Van',
  armed_response: 'Armed response',
  dog: 'Dog unit',
  public_order: 'Public order',
  project_servator: 'Project Servator',
};

export const ALERT_SOURCE_LABEL: Record<AlertSource, string> = {
  video_analytics: 'Video analytics',
  service_point_call: 'Digital Service Point call',
  anpr: 'ANPR hit',
  premises_alarm: 'Premises alarm',
  emergency_button: 'Officer emergency button',
};

export const ALERT_PRIORITY_LABEL: Record<AlertPriority, string> = {
  critical: 'Critical',
  high: 'High',
  medium: 'Medium',
  low: 'Low',
};

export const SERVICE_POINT_STATUS_LABEL: Record<ServicePointStatus, string> = {
  idle: 'Idle',
  in_call: 'In call',
  offline: 'Offline',
  fault: 'Fault',
};

/** Overlay kinds by name, as the drawing form offers them. */
export const OVERLAY_KIND_NAME: Record<OverlayKind, string> = {
  cordon: 'Cordon',
  sector: 'Sector',
  rvp: 'Rendezvous point',
};

/** The word every overlay's label starts with on the map, so colour is never the only signal. */
export const OVERLAY_KIND_WORD: Record<OverlayKind, string> = { cordon: 'CORDON', sector: 'SECTOR', rvp: 'RVP' };

/** An overlay's label, e.g. `CORDON · Inner cordon`. */
export function overlayLabel(overlay: Pick<MapOverlay, 'kind' | 'name'>): string {
  return `${OVERLAY_KIND_WORD[overlay.kind]} · ${overlay.name}`;
}

export const PLACE_KIND_LABEL: Record<PlaceKind, string> = {
  landmark: 'Landmark',
  station: 'Station',
  ward: 'Ward',
  street: 'Street',
  place: 'Place',
};

/** `snake_case` ids as words: `false_alarm` -> `False alarm`. */
export function words(id: string): string {
  const s = spaced(id);
  return s.charAt(0).toUpperCase() + s.slice(1);
}

/** `snake_case` ids as lower-case words for running text: `city_police` -> `city police`. */
export function spaced(id: string): string {
  return id.replaceAll('_', ' ');
}

/** A role in the plural, as a shared preset group names it: "Shared with supervisors". */
export const ROLE_PLURALS: Readonly<Record<Role, string>> = {
  dispatcher: 'dispatchers',
  supervisor: 'supervisors',
  commander: 'commanders',
  viewer: 'viewers',
  admin: 'admins',
};
