import { hasRequiredSkills, INCIDENT_TYPES } from '../../../shared/domain/incidentTypes';
import type { Grade, Incident, IncidentType, ResultCode, Skill, UnitKind, UnitStatus } from '../../../shared/protocol';
import { SYSTEM_ACTOR, type Actor } from '../../core/ports';
import type { Random } from '../random';
import { drawResult, INCIDENT_PROFILES } from '../workload/incidentCatalogue';

/** The simulator's call takers and its colleague dispatcher act as this user. */
export const SIM_ACTOR: Actor = { userId: 'sim', username: 'sim', role: 'system' };

/**
 * Whether the simulator may handle an incident: it created it and nobody else has acted on it
 * since (every operator action leaves a log line under the operator's name). The log is the
 * record, so this holds across SMS restarts too. A record carries only its log's latest entries:
 * when earlier ones are missing, an operator may be among them, so the simulator leaves it alone.
 */
export function isSimOwned(incident: Pick<Incident, 'log' | 'logCount'>): boolean {
  const [first] = incident.log;
  if ((incident.logCount ?? incident.log.length) > incident.log.length) return false;
  return (
    first?.author === SIM_ACTOR.username &&
    incident.log.every((e) => e.author === SIM_ACTOR.username || e.author === SYSTEM_ACTOR.username)
  );
}

/** A unit as the dispatcher weighs it. */
export interface Candidate {
  id: string;
  kind: UnitKind;
  status: UnitStatus;
  skills: readonly Skill[];
  lon: number;
  lat: number;
}

/** Specialist teams a dispatcher keeps free for the calls that need them. */
const SPECIALISTS: ReadonlySet<UnitKind> = new Set(['armed_response', 'dog', 'public_order', 'project_servator']);

/**
 * The nearest available units that can deal with an incident: they carry its required skills,
 * and specialists are sent only when the call needs them or nobody else is free.
 */
export function chooseUnits(
  type: IncidentType,
  at: { lon: number; lat: number },
  candidates: Iterable<Candidate>,
  count: number,
  distance: (a: readonly [number, number], b: readonly [number, number]) => number,
): string[] {
  const needsSpecialist = INCIDENT_TYPES[type].requiredSkills.length > 0;
  const general: { id: string; d: number }[] = [];
  const specialist: { id: string; d: number }[] = [];
  for (const c of candidates) {
    if (c.status !== 'available' || !hasRequiredSkills(type, c.skills)) continue;
    const entry = { id: c.id, d: distance([c.lon, c.lat], [at.lon, at.lat]) };
    (needsSpecialist || !SPECIALISTS.has(c.kind) ? general : specialist).push(entry);
  }
  const byDistance = (a: { id: string; d: number }, b: { id: string; d: number }) =>
    a.d - b.d || (a.id < b.id ? -1 : 1);
  const pool = general.length > 0 ? general : specialist;
  return pool
    .sort(byDistance)
    .slice(0, count)
    .map((e) => e.id);
}

/** Chance the colleague takes a new incident at once rather than leaving it to the room. */
const TAKE_SHARE: Readonly<Record<Grade, number>> = { 1: 0.35, 2: 0.65, 3: 0.75, 4: 1 };
/** Seconds before the colleague assigns an incident it takes. */
const ASSIGN_DELAY_S: Readonly<Record<Grade, readonly [number, number]>> = {
  1: [45, 120],
  2: [180, 480],
  3: [480, 1500],
  4: [300, 1200],
};
/** Seconds an incident left to the room may wait untouched before the colleague picks it up. */
const PICKUP_AFTER_S: Readonly<Record<Grade, number>> = { 1: 8 * 60, 2: 30 * 60, 3: 90 * 60, 4: 20 * 60 };
/** Seconds after assigning with nobody on scene before the colleague gives up (caller gone). */
const GIVE_UP_AFTER_S = 60 * 60;

const CLOSING_NOTES: Readonly<Record<ResultCode, string>> = {
  arrest: 'One person arrested and taken to Bishopsgate police station.',
  crime_report: 'Crime report completed; victim given a crime reference number.',
  advice_given: 'Words of advice given; those involved moved on.',
  no_trace: 'Area searched: no trace of the persons described.',
  false_alarm: 'Premises checked with the keyholder: all secure, false alarm.',
  referred_other_agency: 'Handed over to a partner agency (LAS / mental-health street triage).',
  resolved_on_scene: 'Resolved on scene; no further police action.',
  duplicate: 'Duplicate of another incident.',
};

/** Work the colleague has scheduled. */
export type ColleagueTask =
  | { kind: 'assign'; incidentId: string }
  | { kind: 'pickup'; incidentId: string }
  | { kind: 'close'; incidentId: string }
  | { kind: 'giveUp'; incidentId: string };

/** What the colleague needs from the simulation around it. */
export interface ColleagueDeps {
  readonly incidents: ReadonlyMap<string, Incident>;
  rng: Random;
  /** Schedules a task `delayMs` from now. */
  later(delayMs: number, task: ColleagueTask): void;
  /** Available units with their current positions. */
  candidates(): Iterable<Candidate>;
  distance(a: readonly [number, number], b: readonly [number, number]): number;
  assign(incidentId: string, unitIds: string[]): boolean;
  note(incidentId: string, text: string): void;
  close(incidentId: string, resultCode: ResultCode): void;
}

/**
 * A colleague dispatcher in the simulated room, so that the map lives without an operator: it
 * takes part of the simulator's own incidents (mostly Grades 2 and 3), sends the nearest
 * suitable units, and closes the incident once they have been on scene a while. It leaves the
 * rest to the room, picking them up only if nobody has touched them for long, and it never acts
 * on an incident an operator created or has acted on.
 */
export class ColleagueDispatcher {
  private readonly closing = new Set<string>();

  constructor(private readonly deps: ColleagueDeps) {}

  /** Decides what to do with a new incident the simulator created. */
  adopt(incident: Incident): void {
    const { rng } = this.deps;
    const profile = INCIDENT_PROFILES[incident.type];
    if (profile.noDeployment || incident.grade === 4) {
      // Dealt with on the phone or online: closed after the call, nobody sent.
      this.scheduleClose(incident.id, rng.between(10, 40) * 60_000);
      return;
    }
    if (rng.chance(TAKE_SHARE[incident.grade])) {
      const [lo, hi] = ASSIGN_DELAY_S[incident.grade];
      this.deps.later(rng.between(lo, hi) * 1000, { kind: 'assign', incidentId: incident.id });
    } else {
      this.deps.later(PICKUP_AFTER_S[incident.grade] * 1000, { kind: 'pickup', incidentId: incident.id });
    }
  }

  /** Takes over the simulator's incidents after a restart, from what the journal left. */
  resume(incident: Incident, unitStatuses: readonly UnitStatus[]): void {
    if (incident.status === 'closed' || !isSimOwned(incident)) return;
    if (unitStatuses.includes('on_scene')) this.onUnitOnScene(incident.id);
    else if (incident.unitIds.length === 0) this.adopt(incident);
    else this.deps.later(GIVE_UP_AFTER_S * 1000, { kind: 'giveUp', incidentId: incident.id });
  }

  /** A unit reached one of the colleague's incidents: it will be closed after the usual time on scene. */
  onUnitOnScene(incidentId: string): void {
    const incident = this.owned(incidentId);
    if (!incident || this.closing.has(incidentId)) return;
    const [lo, hi] = INCIDENT_PROFILES[incident.type].scene;
    this.scheduleClose(incidentId, this.deps.rng.between(lo, hi) * 60_000);
  }

  /** Runs a scheduled task; anything the room has taken over in the meantime is left alone. */
  run(task: ColleagueTask): void {
    const incident = this.owned(task.incidentId);
    if (!incident) {
      this.closing.delete(task.incidentId);
      return;
    }
    switch (task.kind) {
      case 'pickup':
      case 'assign': {
        if (incident.unitIds.length > 0 || incident.status !== 'open') return;
        const count = INCIDENT_PROFILES[incident.type].units;
        const unitIds = chooseUnits(
          incident.type,
          incident.location,
          this.deps.candidates(),
          count,
          this.deps.distance,
        );
        if (unitIds.length > 0 && this.deps.assign(incident.id, unitIds)) {
          this.deps.later(GIVE_UP_AFTER_S * 1000, { kind: 'giveUp', incidentId: incident.id });
        } else {
          // Nobody free: try again in a few minutes.
          this.deps.later(this.deps.rng.between(120, 300) * 1000, { kind: 'assign', incidentId: incident.id });
        }
        return;
      }
      case 'giveUp':
        if (incident.status !== 'on_scene' && !this.closing.has(incident.id)) this.finish(incident, 'no_trace');
        return;
      case 'close':
        this.finish(incident, drawResult(incident.type, this.deps.rng));
        return;
    }
  }

  /** Open incidents the colleague still handles (for load-mode notes). */
  isOwnedOpen(incidentId: string): boolean {
    return this.owned(incidentId) !== undefined;
  }

  private finish(incident: Incident, result: ResultCode): void {
    this.closing.delete(incident.id);
    this.deps.note(incident.id, CLOSING_NOTES[result]);
    this.deps.close(incident.id, result);
  }

  private scheduleClose(incidentId: string, delayMs: number): void {
    this.closing.add(incidentId);
    this.deps.later(delayMs, { kind: 'close', incidentId });
  }

  private owned(incidentId: string): Incident | undefined {
    const incident = this.deps.incidents.get(incidentId);
    return incident && incident.status !== 'closed' && isSimOwned(incident) ? incident : undefined;
  }
}
