import type { Skill, Unit, UnitKind, UnitStatus } from '../../../shared/protocol';
import type { Random } from '../random';
import { normaliseBearing } from '../../../shared/geo/network';
import type { TravelMode } from '../../../shared/geo/routing';
import type { Gazetteer } from '../world/gazetteer';
import { round6 } from '../world/gazetteer';

/** The City's default deployment of 40 units, by kind; larger fleets keep these proportions. */
export const FLEET_MIX: Readonly<Record<UnitKind, number>> = {
  foot: 11,
  car: 7,
  cycle: 5,
  van: 3,
  armed_response: 4,
  dog: 2,
  public_order: 3,
  project_servator: 5,
};

/** Radio callsign prefix by kind (response cars are Immediate Response Vehicles, IRV). */
const CALLSIGN_PREFIX: Readonly<Record<UnitKind, string>> = {
  foot: 'FP',
  car: 'IRV',
  cycle: 'CY',
  van: 'VAN',
  armed_response: 'ARV',
  dog: 'DOG',
  public_order: 'POU',
  project_servator: 'SRV',
};

/** How each kind moves on the network: cyclists keep to one-way rules and off pedestrian streets. */
export const TRAVEL_MODE: Readonly<Record<UnitKind, TravelMode>> = {
  foot: 'foot',
  car: 'vehicle',
  cycle: 'vehicle',
  van: 'vehicle',
  armed_response: 'vehicle',
  dog: 'vehicle',
  public_order: 'vehicle',
  project_servator: 'foot',
};

/** Skills every unit of a kind carries, and extra ones some carry with a probability. */
const SKILLS: Readonly<Record<UnitKind, { always: Skill[]; some: [Skill, number][] }>> = {
  foot: { always: ['first_aid'], some: [['taser', 0.25]] },
  car: {
    always: ['response_driver', 'first_aid'],
    some: [
      ['taser', 0.4],
      ['negotiator', 0.05],
    ],
  },
  cycle: { always: ['first_aid'], some: [['taser', 0.15]] },
  van: { always: ['response_driver', 'first_aid', 'search'], some: [['public_order', 0.3]] },
  armed_response: { always: ['firearms', 'taser', 'response_driver', 'first_aid'], some: [['negotiator', 0.1]] },
  dog: { always: ['dog_handler', 'response_driver', 'search'], some: [] },
  public_order: { always: ['public_order', 'response_driver', 'first_aid', 'search'], some: [] },
  project_servator: { always: ['servator', 'search', 'first_aid'], some: [] },
};

/** Share of the fleet seeded busy and off duty. */
const BUSY_SHARE = 0.05;
const OFF_DUTY_SHARE = 0.05;
/** Foot patrols and Servator teams start within this distance of a station or landmark. */
const BEAT_RADIUS_M = 350;

/** Splits `total` across kinds in the fleet's proportions (largest remainder, so it sums exactly). */
export function apportionFleet(total: number): Record<UnitKind, number> {
  const kinds = Object.keys(FLEET_MIX) as UnitKind[];
  const weightSum = kinds.reduce((s, k) => s + FLEET_MIX[k], 0);
  const exact = kinds.map((k) => (total * FLEET_MIX[k]) / weightSum);
  const counts = exact.map(Math.floor);
  let left = total - counts.reduce((s, c) => s + c, 0);
  const byRemainder = kinds.map((_, i) => i).sort((a, b) => exact[b]! - counts[b]! - (exact[a]! - counts[a]!) || a - b);
  for (const i of byRemainder) {
    if (left-- <= 0) break;
    counts[i]!++;
  }
  return Object.fromEntries(kinds.map((k, i) => [k, counts[i]!])) as Record<UnitKind, number>;
}

/** Builds the fleet on the street network, available except a few busy or off duty. */
export function createUnits(gazetteer: Gazetteer, rng: Random, total: number, updatedAt: string): Unit[] {
  const counts = apportionFleet(total);
  const idWidth = Math.max(3, String(total).length);
  const anchors = [...gazetteer.stations, ...gazetteer.pois.filter((p) => p.category === 'landmarks')];
  const units: Unit[] = [];
  for (const kind of Object.keys(counts) as UnitKind[]) {
    const n = counts[kind];
    const width = Math.max(2, String(n).length);
    for (let i = 1; i <= n; i++) {
      const mode = TRAVEL_MODE[kind];
      const onBeat = mode === 'foot' && anchors.length > 0;
      const place = onBeat ? nearPlace(gazetteer, rng, rng.pick(anchors)) : gazetteer.streets.randomPoint(rng, mode);
      const [lon, lat] = gazetteer.streets.pointAt(place);
      const bearing = gazetteer.streets.net.edgeBearing(place.edge);
      const spec = SKILLS[kind];
      units.push({
        id: `unit-${String(units.length + 1).padStart(idWidth, '0')}`,
        callsign: `${CALLSIGN_PREFIX[kind]}-${String(i).padStart(width, '0')}`,
        kind,
        status: 'available',
        position: { lon: round6(lon), lat: round6(lat) },
        heading: rng.chance(0.5) ? bearing : normaliseBearing(bearing + 180),
        speed: 0,
        skills: [...spec.always, ...spec.some.filter(([, p]) => rng.chance(p)).map(([s]) => s)],
        incidentId: null,
        updatedAt,
      });
    }
  }
  const unavailable: [UnitStatus, number][] = [
    ['busy', Math.round(total * BUSY_SHARE)],
    ['off_duty', Math.round(total * OFF_DUTY_SHARE)],
  ];
  for (const [status, count] of unavailable) {
    for (let placed = 0, guard = 0; placed < count && guard < total * 10; guard++) {
      const unit = units[rng.int(0, units.length - 1)]!;
      if (unit.status !== 'available') continue;
      unit.status = status;
      placed++;
    }
  }
  return units;
}

/** A random network point within a beat's radius of a place (falls back to the nearest point). */
function nearPlace(gazetteer: Gazetteer, rng: Random, place: { lon: number; lat: number }) {
  const { ruler } = gazetteer.streets.net;
  const [lon, lat] = ruler.destination([place.lon, place.lat], rng.between(0, BEAT_RADIUS_M), rng.between(0, 360));
  const hit = gazetteer.streets.snap(lon, lat, 'foot');
  return { edge: hit.edge, t: hit.t };
}
