import { suggestedGrade } from '../../shared/domain/incidentTypes';
import { COMMITTED_STATUSES } from '../../shared/domain/unitStatus';
import type {
  Alert,
  CommandPayload,
  CommandResult,
  CommandType,
  EventEnvelope,
  Grade,
  IncidentType,
  UnitPosition,
  UnitStatus,
} from '../../shared/protocol';
import { CommandFailure, SYSTEM_ACTOR, type Actor, type SmsCore } from '../core/ports';
import { ColleagueDispatcher, SIM_ACTOR, type ColleagueTask } from './dispatch/colleague';
import { Fleet } from './fleet/fleet';
import { Random } from './random';
import { TaskQueue } from './timers';
import {
  analyticsAlert,
  anprAlert,
  classifyCameras,
  emergencyButtonAlert,
  premisesAlarmAlert,
  servicePointCallAlert,
  type CameraSite,
} from './workload/alertCatalogue';
import { paceFactor, type DemoPace } from './workload/demoPace';
import { draftIncident, INCIDENT_PROFILES } from './workload/incidentCatalogue';
import { londonTime, type LocalTime } from './workload/localTime';
import { ALERT_RATES, INCIDENT_RATES, expectedCount, type Rate } from './workload/rates';
import { SitePicker } from './workload/sites';
import { Gazetteer, type GeoSources } from './world/gazetteer';

/** Options of a `Simulation`. */
export interface SimulationOptions extends GeoSources {
  seed: number;
  /** Load mode: this many extra journal events per simulated second (note and unit-status churn). */
  eventRate?: number | undefined;
  /** Simulated ms between two position reports of a unit (default 1,000). */
  reportIntervalMs?: number | undefined;
  /** Demo mode: the workload model's arrivals, faster and with a floor (workload/demoPace.ts); none: the model's. */
  pace?: DemoPace | undefined;
}

type Task =
  | ColleagueTask
  | { kind: 'acknowledge'; unitId: string; incidentId: string }
  | { kind: 'endBreak'; unitId: string }
  | { kind: 'endCall'; servicePointId: string }
  | { kind: 'cameraBack'; cameraId: string }
  | { kind: 'triage'; alertId: string }
  | { kind: 'closeAlert'; alertId: string };

/** How the colleague closes an alert it acknowledged and dealt with. */
const ALERT_CLOSING_NOTES: Readonly<Record<Alert['source'], string>> = {
  video_analytics: 'Dealt with by a colleague: reviewed on CCTV and passed to the nearest patrol; no further action.',
  service_point_call: 'Dealt with by a colleague: caller given advice over the service point.',
  anpr: 'Dealt with by a colleague: vehicle checked; no stop made.',
  premises_alarm: 'Dealt with by a colleague: keyholder contacted, premises secure.',
  emergency_button: 'Officer safe: confirmed on the radio by a colleague.',
};

/** Fleet size the per-unit rates (breaks) are quoted for. */
const REFERENCE_FLEET = 40;
/** Load mode flips every this-many-th unit of the fleet between busy and available. */
const LOAD_POOL_EVERY = 20;
/** Load-mode notes per incident, so that no incident record grows without bound. */
const LOAD_NOTES_PER_INCIDENT = 20;

const LOAD_NOTES = [
  'CCTV operator reviewing nearby cameras.',
  'Caller recontacted: no change.',
  'Update passed to the sector sergeant.',
  'Partner agency informed.',
  'Informant details confirmed.',
];

/**
 * The City of London simulation: units patrol and answer calls along the streets, the day's
 * workload arrives as incidents and alerts, and a colleague dispatcher keeps part of it moving.
 * Deterministic: the same seed, the same steps and the same operator actions give the same journal.
 */
export class Simulation {
  private readonly gazetteer: Gazetteer;
  private readonly sites: SitePicker;
  private readonly fleet: Fleet;
  private readonly colleague: ColleagueDispatcher;
  private readonly tasks = new TaskQueue<Task>();
  private readonly rng: {
    workload: Random;
    alerts: Random;
    units: Random;
    colleague: Random;
    handover: Random;
    followUp: Random;
  };
  private readonly cameraSites: CameraSite[];
  /** Unit events since the last step, handled at the next one. */
  private inbox: EventEnvelope[] = [];
  /** The incident each responding unit is heading to. */
  private readonly enRouteTo = new Map<string, string>();
  private readonly unsubscribe: () => void;
  private readonly eventRate: number;
  private owedLoadEvents = 0;
  private loadTurn = 0;
  private readonly loadNotes = new Map<string, number>();
  /** The simulator's incidents that load-mode notes go to, in rotation. */
  private readonly simIncidents: string[] = [];
  private readonly pace: DemoPace | undefined;
  /** While batched (a pre-roll): each unit's latest position, reported together every `everyMs`. */
  private batch: { everyMs: number; reportedAt: number; latest: Map<string, UnitPosition> } | null = null;
  private t = 0;

  constructor(
    private readonly core: SmsCore,
    opts: SimulationOptions,
  ) {
    this.gazetteer = Gazetteer.load(opts);
    this.sites = new SitePicker(this.gazetteer);
    this.rng = {
      workload: Random.stream(opts.seed, 'workload'),
      alerts: Random.stream(opts.seed, 'alerts'),
      units: Random.stream(opts.seed, 'units'),
      colleague: Random.stream(opts.seed, 'colleague'),
      handover: Random.stream(opts.seed, 'handover'),
      followUp: Random.stream(opts.seed, 'followUp'),
    };
    this.eventRate = Math.max(0, opts.eventRate ?? 0);
    this.pace = opts.pace;
    const units = [...core.units.values()];
    this.fleet = new Fleet(this.gazetteer.streets, units, Random.stream(opts.seed, 'fleet'), opts.reportIntervalMs);
    this.cameraSites = classifyCameras(core.cameras.values(), this.gazetteer);
    const ruler = this.gazetteer.streets.net.ruler;
    this.colleague = new ColleagueDispatcher({
      incidents: core.incidents,
      rng: this.rng.colleague,
      later: (delayMs, task) => this.tasks.schedule(this.t + delayMs, task),
      candidates: () => this.candidates(),
      distance: (a, b) => ruler.distance(a, b),
      assign: (incidentId, unitIds) => this.run('incident.assign', { incidentId, unitIds }, SIM_ACTOR) !== undefined,
      note: (incidentId, text) => void this.run('incident.note', { incidentId, text }, SIM_ACTOR),
      close: (incidentId, resultCode) => void this.run('incident.close', { incidentId, resultCode }, SIM_ACTOR),
    });

    for (const u of units) {
      this.follow(u.id, u.status, u.incidentId);
      if (u.status === 'busy') this.endBreakLater(u.id, 10, 60);
    }
    for (const incident of core.incidents.values()) {
      this.colleague.resume(
        incident,
        incident.unitIds.map((id) => core.units.get(id)?.status ?? 'available'),
      );
    }
    this.unsubscribe = core.subscribe((e) => {
      if (e.type === 'unit.status') this.inbox.push(e);
    });
  }

  /** Simulated ms since the simulation started. */
  get elapsed(): number {
    return this.t;
  }

  /** Advances the simulation by `dtMs` of simulated time; the SMS clock (`core.now()`) stamps what happens. */
  step(dtMs: number): void {
    if (!(dtMs > 0)) return;
    this.t += dtMs;
    const local = londonTime(this.core.now());
    this.handleUnitEvents();
    for (let task = this.tasks.popDue(this.t); task; task = this.tasks.popDue(this.t)) this.runTask(task);

    const positions: UnitPosition[] = [];
    const arrivals: number[] = [];
    this.fleet.step(this.t, dtMs, positions, arrivals);
    for (const i of arrivals) this.arrive(this.fleet.ids[i]!);

    this.createIncidents(local, dtMs);
    this.raiseAlerts(local, dtMs);
    this.churn(dtMs);
    this.report(positions);
  }

  /**
   * Reports positions in batches: each unit's latest, every `everyMs` of simulated time, rather
   * than every tick; null reports what is pending and goes back to every tick. A pre-roll uses it
   * so that hours computed in a second do not journal a position event per tick.
   */
  batchPositions(everyMs: number | null): void {
    const pending = this.batch;
    this.batch = everyMs === null ? null : { everyMs, reportedAt: this.t, latest: pending?.latest ?? new Map() };
    if (everyMs === null && pending && pending.latest.size > 0) this.core.moveUnits([...pending.latest.values()]);
  }

  private report(positions: readonly UnitPosition[]): void {
    const batch = this.batch;
    if (!batch) {
      if (positions.length > 0) this.core.moveUnits(positions);
      return;
    }
    for (const p of positions) batch.latest.set(p.id, p);
    if (this.t - batch.reportedAt < batch.everyMs || batch.latest.size === 0) return;
    this.core.moveUnits([...batch.latest.values()]);
    batch.latest.clear();
    batch.reportedAt = this.t;
  }

  /** Stops listening to the SMS. */
  dispose(): void {
    this.unsubscribe();
  }

  // ---------- hand-over (pre-roll) ----------

  /**
   * What a room handed over mid-shift always holds, even at a quiet hour whose draw left it
   * thin: an open incident of each deployable grade (1–3), one of the hour's usual types, and a
   * unit committed to one. Called by the pre-roll some minutes before the room opens, so that
   * what it adds has moved on by then (assigned, en route, on scene). Returns the incidents added.
   */
  ensureRunningWork(): string[] {
    const local = londonTime(this.core.now());
    const open = [...this.core.incidents.values()].filter((i) => i.status !== 'closed');
    const added: string[] = [];
    for (const grade of [1, 2, 3] as const) {
      if (open.some((i) => i.grade === grade)) continue;
      const id = this.addIncident(grade, local);
      if (id) added.push(id);
    }
    const committed = [...this.core.units.values()].some((u) => COMMITTED_STATUSES.includes(u.status));
    if (!committed) {
      // The most urgent incident still waiting for units goes to the colleague now.
      const waiting = [...this.core.incidents.values()]
        .filter((i) => i.status === 'open' && i.unitIds.length === 0 && this.colleague.isOwnedOpen(i.id))
        .filter((i) => !INCIDENT_PROFILES[i.type].noDeployment)
        .sort((a, b) => a.grade - b.grade || a.createdAt.localeCompare(b.createdAt))[0];
      if (waiting) this.tasks.schedule(this.t, { kind: 'assign', incidentId: waiting.id });
    }
    return added;
  }

  /** An alert nobody has looked at yet, unless one is waiting already (pre-roll, just before the room opens). */
  ensureAlertWaiting(): void {
    if ([...this.core.alerts.values()].some((a) => a.status === 'raised')) return;
    const rng = this.rng.handover;
    const sites = this.cameraSites.filter((c) => this.core.cameras.get(c.id)?.online);
    if (sites.length > 0) {
      const site = rng.weighted(sites, (c) => (c.onBridge ? 3 : 1));
      this.alert(analyticsAlert(this.core.cameras.get(site.id)!, site, rng, this.gazetteer));
    } else {
      this.alert(premisesAlarmAlert(this.sites.pick('premises', rng), londonTime(this.core.now()).hour, rng));
    }
  }

  /** A new incident of a grade, of a type the hour usually brings that sends units. */
  private addIncident(grade: Grade, local: LocalTime): string | undefined {
    const rng = this.rng.handover;
    const types = (Object.keys(INCIDENT_RATES) as IncidentType[]).filter(
      (t) => suggestedGrade(t) === grade && !INCIDENT_PROFILES[t].noDeployment,
    );
    if (types.length === 0) return undefined;
    const weight = (t: IncidentType) => expectedCount(INCIDENT_RATES[t], local, 3_600_000);
    const type = types.some((t) => weight(t) > 0)
      ? rng.weighted(types, weight)
      : rng.weighted(types, (t) => INCIDENT_RATES[t].perDay);
    const draft = draftIncident(type, rng, this.sites);
    const result = this.run('incident.create', { ...draft.payload, grade }, SIM_ACTOR);
    if (!result) return undefined;
    this.colleague.adopt(result.incident);
    return result.incident.id;
  }

  // ---------- units ----------

  private handleUnitEvents(): void {
    const events = this.inbox;
    this.inbox = [];
    for (const e of events) {
      if (e.type === 'unit.status') this.follow(e.payload.unit.id, e.payload.unit.status, e.payload.unit.incidentId);
    }
  }

  /** Makes a unit do what its status says, whoever set it. */
  private follow(unitId: string, status: UnitStatus, incidentId: string | null): void {
    const i = this.fleet.indexOf(unitId);
    if (i === undefined) return;
    if (status !== 'en_route') this.enRouteTo.delete(unitId);
    switch (status) {
      case 'available':
        this.fleet.patrolAfter(i, this.t, this.rng.units.between(10, 60) * 1000);
        return;
      case 'dispatched':
        // The crew acknowledges on the radio, then sets off.
        this.fleet.stop(i);
        if (incidentId) {
          this.tasks.schedule(this.t + this.rng.units.between(5, 20) * 1000, {
            kind: 'acknowledge',
            unitId,
            incidentId,
          });
        }
        return;
      case 'en_route': {
        const incident = incidentId ? this.core.incidents.get(incidentId) : undefined;
        if (!incident || this.enRouteTo.get(unitId) === incidentId) return;
        this.enRouteTo.set(unitId, incident.id);
        const { lon, lat } = incident.location;
        if (!this.fleet.respond(i, lon, lat, incident.grade === 1)) this.arrive(unitId);
        return;
      }
      case 'on_scene':
        this.fleet.stop(i);
        if (incidentId) this.colleague.onUnitOnScene(incidentId);
        return;
      case 'busy':
      case 'off_duty':
        this.fleet.stop(i);
        return;
    }
  }

  private arrive(unitId: string): void {
    const incidentId = this.enRouteTo.get(unitId);
    const unit = this.core.units.get(unitId);
    this.enRouteTo.delete(unitId);
    if (!unit || !incidentId || unit.status !== 'en_route' || unit.incidentId !== incidentId) return;
    this.run('unit.status', { unitId, status: 'on_scene' }, SYSTEM_ACTOR);
  }

  private *candidates() {
    for (const u of this.core.units.values()) {
      if (u.status !== 'available') continue;
      const i = this.fleet.indexOf(u.id);
      if (i === undefined) continue;
      const { lon, lat } = this.fleet.position(i);
      yield { id: u.id, kind: u.kind, status: u.status, skills: u.skills, lon, lat };
    }
  }

  // ---------- tasks ----------

  private runTask(task: Task): void {
    switch (task.kind) {
      case 'acknowledge': {
        const unit = this.core.units.get(task.unitId);
        if (unit?.status === 'dispatched' && unit.incidentId === task.incidentId) {
          this.run('unit.status', { unitId: unit.id, status: 'en_route' }, SYSTEM_ACTOR);
        }
        return;
      }
      case 'endBreak': {
        if (this.core.units.get(task.unitId)?.status === 'busy') {
          this.run('unit.status', { unitId: task.unitId, status: 'available' }, SYSTEM_ACTOR);
        }
        return;
      }
      case 'endCall': {
        const sp = this.core.servicePoints.get(task.servicePointId);
        if (sp?.status === 'in_call') this.core.update('servicePoint', { ...sp, status: 'idle' });
        return;
      }
      case 'cameraBack': {
        const camera = this.core.cameras.get(task.cameraId);
        if (camera && !camera.online) this.core.update('camera', { ...camera, online: true });
        return;
      }
      case 'triage': {
        const alert = this.core.alerts.get(task.alertId);
        if (alert?.status !== 'raised') return;
        // Nobody in the room has looked at it: a colleague reviews it on CCTV.
        if (alert.priority === 'low' || alert.priority === 'medium') {
          const reason = 'Reviewed on CCTV by a colleague: no further action.';
          this.run('alert.dismiss', { alertId: alert.id, reason }, SIM_ACTOR);
        } else if (this.run('alert.acknowledge', { alertId: alert.id }, SIM_ACTOR)) {
          // The colleague deals with it and closes it, rather than leaving it in the queue all shift.
          const at = this.t + this.rng.followUp.between(15, 45) * 60_000;
          this.tasks.schedule(at, { kind: 'closeAlert', alertId: alert.id });
        }
        return;
      }
      case 'closeAlert': {
        const alert = this.core.alerts.get(task.alertId);
        // Only what the colleague itself acknowledged and nobody has taken further.
        if (alert?.status !== 'acknowledged' || alert.acknowledgedBy !== SIM_ACTOR.username || alert.incidentId) return;
        this.run('alert.dismiss', { alertId: alert.id, reason: ALERT_CLOSING_NOTES[alert.source] }, SIM_ACTOR);
        return;
      }
      default:
        this.colleague.run(task);
    }
  }

  // ---------- workload ----------

  private createIncidents(local: LocalTime, dtMs: number): void {
    const rng = this.rng.workload;
    const pace = paceFactor(this.pace, local);
    for (const type of Object.keys(INCIDENT_RATES) as IncidentType[]) {
      const count = rng.poisson(expectedCount(INCIDENT_RATES[type], local, dtMs) * pace);
      for (let k = 0; k < count; k++) {
        const draft = draftIncident(type, rng, this.sites);
        const result = this.run('incident.create', draft.payload, SIM_ACTOR);
        if (!result) continue;
        if (this.eventRate > 0) this.simIncidents.push(result.incident.id);
        this.colleague.adopt(result.incident);
      }
    }
  }

  private raiseAlerts(local: LocalTime, dtMs: number): void {
    const rng = this.rng.alerts;
    const times = (rate: Rate, scale = 1) => rng.poisson(expectedCount(rate, local, dtMs) * scale);
    // The demo's pace speeds up what arrives in the room, not equipment faults or breaks.
    const pace = paceFactor(this.pace, local);
    const online = () => this.cameraSites.filter((c) => this.core.cameras.get(c.id)?.online);

    for (let k = times(ALERT_RATES.videoAnalytics, pace); k > 0; k--) {
      const sites = online();
      if (sites.length === 0) break;
      const site = rng.weighted(sites, (s) => (s.onBridge ? 3 : 1));
      this.alert(analyticsAlert(this.core.cameras.get(site.id)!, site, rng, this.gazetteer));
    }
    for (let k = times(ALERT_RATES.anpr, pace); k > 0; k--) {
      const sites = online().filter((s) => s.mainRoad);
      if (sites.length === 0) break;
      this.alert(anprAlert(this.core.cameras.get(rng.pick(sites).id)!, rng, this.gazetteer));
    }
    for (let k = times(ALERT_RATES.premisesAlarm, pace); k > 0; k--) {
      this.alert(premisesAlarmAlert(this.sites.pick('premises', rng), local.hour, rng));
    }
    for (let k = times(ALERT_RATES.servicePointCall, pace); k > 0; k--) {
      const idle = [...this.core.servicePoints.values()].filter((s) => s.status === 'idle');
      if (idle.length === 0) break;
      const sp = rng.pick(idle);
      this.core.update('servicePoint', { ...sp, status: 'in_call' });
      this.alert(servicePointCallAlert(sp, rng));
      this.tasks.schedule(this.t + rng.between(60, 300) * 1000, { kind: 'endCall', servicePointId: sp.id });
    }
    for (let k = times(ALERT_RATES.emergencyButton, pace); k > 0; k--) {
      const onDuty = [...this.core.units.values()].filter((u) => u.status !== 'off_duty' && u.status !== 'busy');
      if (onDuty.length === 0) break;
      this.alert(emergencyButtonAlert(rng.pick(onDuty), this.gazetteer));
    }
    for (let k = times(ALERT_RATES.cameraFault); k > 0; k--) {
      const sites = online();
      if (sites.length === 0) break;
      const camera = this.core.cameras.get(rng.pick(sites).id)!;
      this.core.update('camera', { ...camera, online: false });
      this.tasks.schedule(this.t + rng.between(5, 40) * 60_000, { kind: 'cameraBack', cameraId: camera.id });
    }
    // Refreshment breaks and prisoner handling take units out of service for a while.
    for (let k = times(ALERT_RATES.unitBreak, this.fleet.size / REFERENCE_FLEET); k > 0; k--) {
      const unitId = this.fleet.ids[rng.int(0, this.fleet.size - 1)]!;
      if (this.core.units.get(unitId)?.status !== 'available') continue;
      if (this.run('unit.status', { unitId, status: 'busy' }, SYSTEM_ACTOR)) this.endBreakLater(unitId, 15, 45);
    }
  }

  private endBreakLater(unitId: string, minMinutes: number, maxMinutes: number): void {
    const at = this.t + this.rng.units.between(minMinutes, maxMinutes) * 60_000;
    this.tasks.schedule(at, { kind: 'endBreak', unitId });
  }

  private alert(input: Parameters<SmsCore['raiseAlert']>[0]): void {
    const alert = this.core.raiseAlert(input);
    const [lo, hi] = alert.priority === 'low' || alert.priority === 'medium' ? [20, 45] : [10, 20];
    this.tasks.schedule(this.t + this.rng.alerts.between(lo, hi) * 60_000, { kind: 'triage', alertId: alert.id });
  }

  /** Load mode: extra journal events, evenly spread over the ticks. */
  private churn(dtMs: number): void {
    if (this.eventRate === 0) return;
    this.owedLoadEvents += (this.eventRate * dtMs) / 1000;
    for (; this.owedLoadEvents >= 1; this.owedLoadEvents--) {
      if (this.loadTurn++ % 2 === 1 && this.loadNote()) continue;
      if (!this.loadUnitStatus()) this.loadNote();
    }
  }

  private loadNote(): boolean {
    while (this.simIncidents.length > 0) {
      const id = this.simIncidents[this.loadTurn % this.simIncidents.length]!;
      const notes = this.loadNotes.get(id) ?? 0;
      if (notes < LOAD_NOTES_PER_INCIDENT && this.colleague.isOwnedOpen(id)) {
        this.loadNotes.set(id, notes + 1);
        const text = LOAD_NOTES[notes % LOAD_NOTES.length]!;
        return this.run('incident.note', { incidentId: id, text }, SIM_ACTOR) !== undefined;
      }
      // Spent or no longer the simulator's: drop it from the rotation.
      this.simIncidents.splice(this.simIncidents.indexOf(id), 1);
    }
    return false;
  }

  /**
   * Flips one of a small, fixed share of the fleet between busy and available, never a unit
   * committed to an incident, so that the churn leaves most of the fleet to the scenario.
   */
  private loadUnitStatus(): boolean {
    const pool = Math.ceil(this.fleet.size / LOAD_POOL_EVERY);
    for (let tries = 0; tries < 4 && pool > 0; tries++) {
      const unitId = this.fleet.ids[this.rng.workload.int(0, pool - 1) * LOAD_POOL_EVERY]!;
      const status = this.core.units.get(unitId)?.status;
      if (status === 'available' && !this.fleet.isResponding(this.fleet.indexOf(unitId)!)) {
        return this.run('unit.status', { unitId, status: 'busy' }, SYSTEM_ACTOR) !== undefined;
      }
      if (status === 'busy')
        return this.run('unit.status', { unitId, status: 'available' }, SYSTEM_ACTOR) !== undefined;
    }
    return false;
  }

  /** Runs a command; a refusal (the room got there first) is expected and skipped. */
  private run<T extends CommandType>(type: T, payload: CommandPayload<T>, actor: Actor): CommandResult<T> | undefined {
    try {
      return this.core.execute(type, payload, actor);
    } catch (e) {
      if (e instanceof CommandFailure) return undefined;
      throw e;
    }
  }
}
