import type { AlertPriority, Camera, ServicePoint, Unit } from '../../../shared/protocol';
import type { NewAlert } from '../../core/ports';
import type { Random } from '../random';
import type { Gazetteer } from '../world/gazetteer';
import type { Site } from './sites';

/** What the simulator needs to know about a camera to raise plausible alerts at it. */
export interface CameraSite {
  id: string;
  /** Looks over a Thames bridge (line-crossing analytics watch the parapets). */
  onBridge: boolean;
  /** On a main road (ANPR reads plates there). */
  mainRoad: boolean;
}

/** Classifies cameras by the street they stand on. */
export function classifyCameras(cameras: Iterable<Camera>, gazetteer: Gazetteer): CameraSite[] {
  const { streets } = gazetteer;
  return [...cameras].map((c) => {
    const e = streets.net.edge(streets.snap(c.position.lon, c.position.lat).edge);
    return {
      id: c.id,
      onBridge: e.bridge,
      mainRoad: !e.pedestrian && (e.roadClass === 'primary' || e.roadClass === 'secondary'),
    };
  });
}

const none = { cameraId: null, servicePointId: null, unitId: null } as const;

/** A point inside a camera's field of view, where its analytics saw something. */
function inView(camera: Camera, rng: Random, gazetteer: Gazetteer): [number, number] {
  const bearing = camera.bearing + rng.between(-camera.fov / 2, camera.fov / 2);
  const distance = rng.between(10, camera.range * 0.7);
  return gazetteer.streets.net.ruler.destination([camera.position.lon, camera.position.lat], distance, bearing);
}

/** A video analytics alert at a camera: loitering, crowd density, abandoned object or line crossing. */
export function analyticsAlert(camera: Camera, site: CameraSite, rng: Random, gazetteer: Gazetteer): NewAlert {
  const [lon, lat] = inView(camera, rng, gazetteer);
  const kinds: [string, AlertPriority, string, number][] = [
    ['loitering', 'low', `Person loitering in the detection zone for ${rng.int(5, 25)} minutes.`, 4],
    ['crowd_density', 'medium', `Crowd density above threshold: about ${rng.int(3, 6)} people per square metre.`, 2],
    ['abandoned_object', 'high', `Object left unattended for ${rng.int(3, 12)} minutes (bag or package).`, 2],
    [
      'line_crossing',
      site.onBridge ? 'high' : 'medium',
      site.onBridge ? 'Person crossed the parapet line on the bridge.' : 'Person crossed a restricted-area line.',
      site.onBridge ? 4 : 1,
    ],
  ];
  const [kind, priority, detail] = rng.weighted(kinds, (k) => k[3]);
  return {
    ...none,
    source: 'video_analytics',
    kind,
    priority,
    location: gazetteer.locate(lon, lat),
    detail: `${camera.name}: ${detail}`,
    cameraId: camera.id,
  };
}

const AREA = ['LD', 'LC', 'LB', 'LK', 'LN', 'KX', 'BD', 'YR', 'EA', 'GN', 'WR', 'SN'];
const LETTERS = 'ABCDEFGHJKLMNOPRSTUVWXY';
const AGE = ['19', '69', '20', '70', '21', '71', '22', '72', '23', '73', '24', '74', '25', '75'];
const VEHICLES = [
  'silver Ford Fiesta',
  'black VW Golf',
  'white Ford Transit van',
  'grey BMW 3 Series',
  'blue Vauxhall Corsa',
  'white Mercedes Sprinter van',
  'black Toyota Prius',
  'red Audi A3',
  'black Range Rover Sport',
  'silver Nissan Qashqai',
];

/** A current-style UK registration mark, e.g. `LD21 XKE`. */
export function registrationMark(rng: Random): string {
  const letter = () => LETTERS[rng.int(0, LETTERS.length - 1)];
  return `${rng.pick(AREA)}${rng.pick(AGE)} ${letter()}${letter()}${letter()}`;
}

/** An ANPR hit at a camera on a main road. */
export function anprAlert(camera: Camera, rng: Random, gazetteer: Gazetteer): NewAlert {
  const kinds: [string, AlertPriority, string, number][] = [
    ['stolen_vehicle', 'high', 'reported stolen (PNC)', 35],
    ['wanted_vehicle', 'high', 'linked to a robbery earlier today', 20],
    ['no_insurance', 'low', 'no insurance on record (MID)', 30],
    ['intelligence_marker', 'medium', 'intelligence marker: organised acquisitive crime', 13],
    ['firearms_marker', 'critical', 'firearms marker: occupants may be armed', 2],
  ];
  const [kind, priority, reason] = rng.weighted(kinds, (k) => k[3]);
  const street = gazetteer.streets.streetNameAt(camera.position.lon, camera.position.lat);
  const heading = rng.pick(['northbound', 'southbound', 'eastbound', 'westbound']);
  return {
    ...none,
    source: 'anpr',
    kind,
    priority,
    location: gazetteer.locate(camera.position.lon, camera.position.lat),
    detail: `VRM ${registrationMark(rng)} (${rng.pick(VEHICLES)}) ${reason}; ${heading} on ${street}, read by ${camera.name}.`,
    cameraId: camera.id,
  };
}

/** An alarm from a monitored premises: intruders at night, hold-up and panic alarms by day. */
export function premisesAlarmAlert(site: Site, hour: number, rng: Random): NewAlert {
  const night = hour < 7 || hour >= 20;
  const kinds: [string, AlertPriority, string, number][] = [
    ['intruder', night ? 'high' : 'medium', `Intruder alarm, zone ${rng.int(1, 8)}`, night ? 8 : 3],
    ['hold_up', 'critical', 'Hold-up alarm activated by staff', night ? 0.2 : 1],
    ['panic', 'high', 'Personal attack (panic) alarm', night ? 0.5 : 2],
  ];
  const [kind, priority, what] = rng.weighted(kinds, (k) => k[3]);
  const urn = rng.int(1000, 9999);
  return {
    ...none,
    source: 'premises_alarm',
    kind,
    priority,
    location: site.location,
    detail: `${what} at ${site.placeName ?? site.address}; alarm receiving centre ref ${urn}.`,
  };
}

const DSP_CALLS: [string, AlertPriority, string, number][] = [
  ['call_for_service', 'medium', 'reports her bag was stolen in a café nearby', 3],
  ['call_for_service', 'medium', 'reports a man acting suspiciously near the station entrance', 2],
  ['call_for_service', 'low', 'is a visitor asking for directions and lost-property advice', 3],
  ['call_for_service', 'medium', 'wants to report a hate incident on the bus', 1],
  ['emergency_call', 'high', 'reports a man has collapsed on the pavement', 1],
  ['emergency_call', 'high', 'says he is being followed and is frightened', 1],
];

/** A member of the public calling from a Digital Service Point. */
export function servicePointCallAlert(sp: ServicePoint, rng: Random): NewAlert {
  const [kind, priority, what] = rng.weighted(DSP_CALLS, (k) => k[3]);
  return {
    ...none,
    source: 'service_point_call',
    kind,
    priority,
    location: sp.location,
    detail: `Caller at ${sp.name} ${what}.`,
    servicePointId: sp.id,
    cameraId: sp.cameraId,
  };
}

/** An officer's emergency button: always critical, at the unit's position. */
export function emergencyButtonAlert(unit: Unit, gazetteer: Gazetteer): NewAlert {
  return {
    ...none,
    source: 'emergency_button',
    kind: 'officer_emergency',
    priority: 'critical',
    location: gazetteer.locate(unit.position.lon, unit.position.lat),
    detail: `${unit.callsign} emergency button activated: open microphone, no voice contact.`,
    unitId: unit.id,
  };
}
