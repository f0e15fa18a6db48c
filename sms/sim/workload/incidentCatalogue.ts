import { suggestedGrade } from '../../../shared/domain/incidentTypes';
import type { Caller, CommandPayload, Grade, IncidentType, ResultCode } from '../../../shared/protocol';
import type { Random } from '../random';
import type { Site, SiteKind, SitePicker } from './sites';

/** What a summary template may mention. */
interface Context {
  rng: Random;
  site: Site;
  /** The premises' name, or the street when there is none. */
  place: string;
  street: string;
  /** The street, or "A j/w B" at a junction. */
  at: string;
}

/** How the room typically sees and deals with one incident type. */
interface IncidentProfile {
  /** Where it happens, with weights. */
  sites: readonly [SiteKind, number][];
  summaries: readonly ((c: Context) => string)[];
  /** Chance the grade is one more urgent than suggested, and one less urgent. */
  upgrade: number;
  downgrade: number;
  /** Chance a named caller is recorded (alarms and CCTV have none). */
  caller: number;
  results: readonly [ResultCode, number][];
  /** Minutes on scene before clearing. */
  scene: readonly [number, number];
  /** Units a dispatcher sends. */
  units: number;
  /** Whether it is resolved by phone or online, never attended. */
  noDeployment?: boolean;
}

const dir = (rng: Random) => rng.pick(['northbound', 'southbound', 'eastbound', 'westbound']);
const n = (rng: Random, a: number, b: number) => String(rng.int(a, b));
const colour = (rng: Random) => rng.pick(['black', 'grey', 'navy', 'red', 'green', 'white', 'beige']);

/** The City's workload by incident type, after the policing plan (seeds/004). */
export const INCIDENT_PROFILES: Readonly<Record<IncidentType, IncidentProfile>> = {
  anti_social_behaviour: {
    sites: [
      ['pub', 2],
      ['station', 2],
      ['street', 2],
      ['landmark', 1],
    ],
    summaries: [
      (c) => `Group of ${n(c.rng, 3, 8)} youths skateboarding and being abusive to security staff near ${c.place}.`,
      (c) => `Street drinkers causing a nuisance and shouting at passers-by on ${c.street}.`,
      (c) => `Aggressive begging reported outside ${c.place}; caller felt intimidated.`,
      (c) => `E-scooter riders riding on the footway at speed on ${c.street}, near misses with pedestrians.`,
    ],
    upgrade: 0.1,
    downgrade: 0.1,
    caller: 0.7,
    results: [
      ['advice_given', 6],
      ['no_trace', 3],
      ['resolved_on_scene', 1],
    ],
    scene: [10, 25],
    units: 1,
  },
  theft: {
    sites: [
      ['pub', 2],
      ['station', 2],
      ['street', 2],
      ['landmark', 1],
    ],
    summaries: [
      (c) => `Mobile phone snatched from a pedestrian on ${c.street} by a rider on an e-bike, last seen ${dir(c.rng)}.`,
      (c) => `Handbag taken from the back of a chair at ${c.place}; victim still at the venue.`,
      (c) => `Pedal cycle stolen from the racks on ${c.street}; CCTV may cover.`,
      (c) => `Pickpocket reported working the crowd at ${c.place}; suspect in a ${colour(c.rng)} jacket.`,
    ],
    upgrade: 0.15,
    downgrade: 0.1,
    caller: 0.8,
    results: [
      ['crime_report', 7],
      ['no_trace', 3],
    ],
    scene: [15, 35],
    units: 1,
  },
  shoplifting: {
    sites: [['shop', 1]],
    summaries: [
      (c) => `Security at ${c.place} detaining a male for theft of alcohol; he is becoming aggressive.`,
      (c) => `Known shoplifter has left ${c.place} with a bag of meat and cosmetics, last seen on ${c.street}.`,
      (c) => `Staff at ${c.place} holding a female who concealed goods; store manager requests police.`,
    ],
    upgrade: 0.05,
    downgrade: 0.3,
    caller: 0.9,
    results: [
      ['arrest', 4],
      ['crime_report', 5],
      ['no_trace', 1],
    ],
    scene: [20, 45],
    units: 1,
  },
  robbery: {
    sites: [
      ['street', 2],
      ['station', 1],
      ['pub', 1],
    ],
    summaries: [
      (c) => `Victim threatened with a knife and phone taken on ${c.street}; two suspects ran off ${dir(c.rng)}.`,
      (c) => `Watch snatched from a man's wrist outside ${c.place}; suspects on a moped.`,
    ],
    upgrade: 0,
    downgrade: 0.2,
    caller: 0.9,
    results: [
      ['arrest', 3],
      ['crime_report', 6],
      ['no_trace', 1],
    ],
    scene: [30, 60],
    units: 2,
  },
  violence_night_time_economy: {
    sites: [
      ['pub', 4],
      ['street', 1],
    ],
    summaries: [
      (c) => `Fight outside ${c.place}, about ${n(c.rng, 3, 6)} males involved, one with a head injury.`,
      (c) => `Door staff at ${c.place} report a glassing; suspect detained by staff.`,
      (c) => `Male assaulted after leaving ${c.place}, unconscious on the pavement; LAS called.`,
    ],
    upgrade: 0,
    downgrade: 0.25,
    caller: 0.8,
    results: [
      ['arrest', 45],
      ['crime_report', 35],
      ['resolved_on_scene', 20],
    ],
    scene: [25, 60],
    units: 2,
  },
  public_order: {
    sites: [
      ['pub', 2],
      ['street', 1],
      ['station', 1],
    ],
    summaries: [
      (c) => `Large group fighting in the road on ${c.street} after closing time.`,
      (c) => `Rival groups squaring up outside ${c.place}; bottles being thrown.`,
    ],
    upgrade: 0,
    downgrade: 0.3,
    caller: 0.6,
    results: [
      ['arrest', 3],
      ['resolved_on_scene', 5],
      ['advice_given', 2],
    ],
    scene: [30, 60],
    units: 2,
  },
  protest: {
    sites: [
      ['landmark', 3],
      ['junction', 1],
    ],
    summaries: [
      (c) =>
        `Unannounced protest of about ${n(c.rng, 40, 300)} people gathering at ${c.place}, spilling into the carriageway.`,
      (c) => `Climate protesters have glued themselves to the road on ${c.street}; traffic at a standstill.`,
      (c) => `Protest march approaching ${c.place}; organisers not known to the force.`,
    ],
    upgrade: 0.1,
    downgrade: 0.1,
    caller: 0.2,
    results: [
      ['resolved_on_scene', 8],
      ['arrest', 2],
    ],
    scene: [60, 180],
    units: 2,
  },
  suspicious_item: {
    sites: [
      ['station', 3],
      ['landmark', 2],
      ['street', 1],
    ],
    summaries: [
      (c) => `Unattended rucksack by the entrance of ${c.place} for over 20 minutes; staff have moved people back.`,
      (c) => `Suspicious package with wires visible reported on ${c.street}.`,
      (c) => `Abandoned suitcase at ${c.place}; nobody claims it.`,
    ],
    upgrade: 0,
    downgrade: 0.35,
    caller: 0.6,
    results: [
      ['resolved_on_scene', 7],
      ['false_alarm', 3],
    ],
    scene: [30, 90],
    units: 2,
  },
  suspected_firearm: {
    sites: [
      ['street', 2],
      ['pub', 1],
      ['station', 1],
    ],
    summaries: [
      (c) => `Caller saw a male show what looked like a handgun in his waistband on ${c.street}.`,
      (c) => `Report of a firearm being brandished outside ${c.place}.`,
    ],
    upgrade: 0,
    downgrade: 0,
    caller: 0.9,
    results: [
      ['no_trace', 5],
      ['false_alarm', 3],
      ['arrest', 2],
    ],
    scene: [30, 90],
    units: 2,
  },
  terrorism_concern: {
    sites: [
      ['landmark', 2],
      ['station', 2],
    ],
    summaries: [
      (c) =>
        `Security officer reports a person filming entrances and security posts at ${c.place} (possible hostile reconnaissance).`,
      (c) => `Male asking staff at ${c.place} detailed questions about security rota and CCTV coverage.`,
    ],
    upgrade: 0,
    downgrade: 0.3,
    caller: 0.8,
    results: [
      ['referred_other_agency', 5],
      ['no_trace', 3],
      ['false_alarm', 2],
    ],
    scene: [30, 60],
    units: 2,
  },
  vulnerable_person_bridge: {
    sites: [['bridge', 1]],
    summaries: [
      (c) => `Person sitting on the parapet of ${c.street} appearing distressed; a passer-by is talking to them.`,
      (c) => `Female seen climbing over the railings on ${c.street}.`,
      (c) => `Male standing at the edge of ${c.street} looking down at the water for some time; caller worried.`,
    ],
    upgrade: 0,
    downgrade: 0.1,
    caller: 0.7,
    results: [
      ['referred_other_agency', 6],
      ['resolved_on_scene', 4],
    ],
    scene: [30, 75],
    units: 2,
  },
  concern_for_welfare: {
    sites: [
      ['street', 2],
      ['station', 1],
      ['landmark', 1],
    ],
    summaries: [
      (c) => `Elderly male appears confused and disorientated near ${c.place}.`,
      (c) => `Person slumped in a doorway on ${c.street}, not responding to passers-by.`,
      (c) => `Young woman in distress on ${c.street} says she has lost her friends and her phone.`,
    ],
    upgrade: 0.15,
    downgrade: 0.2,
    caller: 0.8,
    results: [
      ['resolved_on_scene', 4],
      ['referred_other_agency', 4],
      ['no_trace', 2],
    ],
    scene: [20, 45],
    units: 1,
  },
  missing_person: {
    sites: [
      ['landmark', 2],
      ['station', 2],
      ['shop', 1],
    ],
    summaries: [
      (c) => `Child aged ${n(c.rng, 5, 11)} separated from family near ${c.place}; wearing a ${colour(c.rng)} coat.`,
      (c) => `Vulnerable adult missing from a group visit to ${c.place}.`,
    ],
    upgrade: 0.3,
    downgrade: 0,
    caller: 1,
    results: [
      ['resolved_on_scene', 6],
      ['referred_other_agency', 4],
    ],
    scene: [20, 60],
    units: 1,
  },
  road_traffic_collision: {
    sites: [
      ['mainRoad', 3],
      ['junction', 2],
    ],
    summaries: [
      (c) => `Collision between a cyclist and a bus on ${c.street}; cyclist injured, LAS called.`,
      (c) => `Two-car collision at ${c.at}, vehicles blocking the carriageway.`,
      (c) => `Pedestrian struck by a van on ${c.street}; conscious and breathing.`,
    ],
    upgrade: 0.2,
    downgrade: 0.15,
    caller: 0.8,
    results: [
      ['resolved_on_scene', 6],
      ['crime_report', 2],
      ['referred_other_agency', 2],
    ],
    scene: [20, 50],
    units: 1,
  },
  premises_alarm: {
    sites: [['premises', 1]],
    summaries: [
      (c) => `Intruder alarm activation at ${c.place}; keyholder en route.`,
      (c) => `Monitoring centre reports a confirmed intruder alarm (two zones) at ${c.place}.`,
    ],
    upgrade: 0.1,
    downgrade: 0.2,
    caller: 0,
    results: [
      ['false_alarm', 16],
      ['no_trace', 3],
      ['arrest', 1],
    ],
    scene: [10, 25],
    units: 1,
  },
  burglary: {
    sites: [
      ['premises', 1],
      ['street', 1],
    ],
    summaries: [
      (c) => `Cleaner reports a break-in overnight at offices on ${c.street}; door forced.`,
      (c) => `Staff arriving at ${c.place} found the rear door open and the till emptied.`,
    ],
    upgrade: 0.1,
    downgrade: 0.3,
    caller: 1,
    results: [
      ['crime_report', 8],
      ['arrest', 2],
    ],
    scene: [30, 60],
    units: 1,
  },
  hate_crime: {
    sites: [
      ['street', 2],
      ['station', 1],
      ['pub', 1],
    ],
    summaries: [
      (c) => `Victim racially abused by a male on ${c.street}; suspect still in the area.`,
      (c) => `Homophobic abuse shouted at a couple outside ${c.place}.`,
    ],
    upgrade: 0.1,
    downgrade: 0.2,
    caller: 1,
    results: [
      ['crime_report', 8],
      ['arrest', 2],
    ],
    scene: [20, 45],
    units: 1,
  },
  cyber_fraud_report: {
    sites: [['street', 1]],
    summaries: [
      (c) => `Business on ${c.street} reports invoice redirection fraud, loss of £${n(c.rng, 8, 240)},000.`,
      () => `Resident reports a courier fraud attempt: caller posing as a bank asked for cards to be collected.`,
      (c) => `Company on ${c.street} hit by ransomware; IT manager reporting.`,
    ],
    upgrade: 0,
    downgrade: 0.4,
    caller: 1,
    results: [
      ['crime_report', 6],
      ['referred_other_agency', 4],
    ],
    scene: [15, 30],
    units: 1,
    noDeployment: true,
  },
};

const FIRST = [
  'Sam',
  'Priya',
  'Tom',
  'Aisha',
  'James',
  'Olivia',
  'Daniel',
  'Grace',
  'Mohammed',
  'Ellie',
  'Kwame',
  'Hannah',
];
const LAST = [
  'Patel',
  'Smith',
  'Okafor',
  'Jones',
  'Nowak',
  'Williams',
  'Khan',
  'Brown',
  'Murphy',
  'Taylor',
  'Chen',
  'Evans',
];

/** An incident the simulator's call takers create, with where and how it was reported. */
export interface DraftIncident {
  payload: CommandPayload<'incident.create'>;
  site: Site;
}

/** Drafts one incident of a type: a plausible place, grade, summary and caller. */
export function draftIncident(type: IncidentType, rng: Random, sites: SitePicker): DraftIncident {
  const p = INCIDENT_PROFILES[type];
  const available = p.sites.filter(([kind]) => sites.has(kind));
  const kind = available.length > 0 ? rng.weighted(available, ([, w]) => w)[0] : 'street';
  const site = sites.pick(kind, rng);
  const context: Context = { rng, site, place: site.placeName ?? site.street, street: site.street, at: site.address };
  const summary = rng.pick(p.summaries)(context);
  const grade = varyGrade(suggestedGrade(type), p, rng, Boolean(p.noDeployment));
  const caller: Caller | undefined = rng.chance(p.caller)
    ? { name: `${rng.pick(FIRST)} ${rng.pick(LAST)}`, phone: `07700 900${String(rng.int(0, 999)).padStart(3, '0')}` }
    : undefined;
  const { lon, lat, address } = site.location;
  return {
    site,
    payload: {
      type,
      grade,
      location: address === undefined ? { lon, lat } : { lon, lat, address },
      summary,
      ...(caller ? { caller } : {}),
    },
  };
}

function varyGrade(base: Grade, p: IncidentProfile, rng: Random, noDeployment: boolean): Grade {
  const r = rng.float();
  if (r < p.upgrade && base > 1) return (base - 1) as Grade;
  if (r > 1 - p.downgrade && base < (noDeployment ? 4 : 3)) return (base + 1) as Grade;
  return base;
}

/** A result code for closing an incident of a type, by the type's usual outcomes. */
export function drawResult(type: IncidentType, rng: Random): ResultCode {
  return rng.weighted(INCIDENT_PROFILES[type].results, ([, w]) => w)[0];
}
