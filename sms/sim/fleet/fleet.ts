import type { Unit, UnitKind, UnitPosition } from '../../../shared/protocol';
import type { Random } from '../random';
import { TRAVEL_MODE } from '../scenario/units';
import type { NetPoint } from '../../../shared/geo/network';
import type { Route, TravelMode } from '../../../shared/geo/routing';
import type { Streets } from '../streets/streets';

/** Patrol speed by kind, m/s (the City is 20 mph throughout; vehicles rarely reach it in traffic). */
export const PATROL_SPEED: Readonly<Record<UnitKind, number>> = {
  foot: 1.4,
  project_servator: 1.3,
  cycle: 4.5,
  car: 7.5,
  van: 6.5,
  armed_response: 8,
  dog: 7.5,
  public_order: 6.5,
};

/** Speed under blue lights (Grade 1), m/s: officers on foot hurry, vehicles may exceed the limit. */
export const BLUE_LIGHT_SPEED: Readonly<Record<UnitKind, number>> = {
  foot: 2.2,
  project_servator: 2.0,
  cycle: 6,
  car: 13,
  van: 11,
  armed_response: 14,
  dog: 13,
  public_order: 11,
};

/**
 * Pause at the end of a patrol leg, seconds: short for foot and mobile patrols (they keep
 * moving), longer for Servator teams, who deploy at a spot for a few minutes.
 */
const DWELL_S: Readonly<Record<UnitKind, readonly [number, number]>> = {
  foot: [10, 45],
  project_servator: [120, 360],
  cycle: [10, 40],
  car: [15, 90],
  van: [15, 90],
  armed_response: [30, 120],
  dog: [20, 90],
  public_order: [30, 120],
};

/** How far a patrol leg reaches, metres: foot officers keep to their beat. */
const PATROL_RADIUS_M: Readonly<Record<TravelMode, number>> = { foot: 500, vehicle: 1800 };

/** What a unit is doing, as the fleet sees it. */
const MODE = { idle: 0, patrol: 1, dwell: 2, respond: 3 } as const;

/** About how many positions a batch should carry before the fleet reports in phase groups. */
const POSITIONS_PER_BATCH = 1_000;
const MAX_PHASE_GROUPS = 8;

/** Default: a unit's position goes out at most once per simulated second. */
export const DEFAULT_REPORT_INTERVAL_MS = 1_000;

/**
 * Every unit's movement, as flat arrays so that a tick over 20,000 units allocates nothing but
 * the position batch. Routes are computed only when a unit needs one (a new patrol leg, a call).
 */
export class Fleet {
  readonly ids: readonly string[];
  private readonly index = new Map<string, number>();
  private readonly kinds: UnitKind[];
  private readonly modes: TravelMode[];
  private readonly state: Uint8Array;
  private readonly wakeAt: Float64Array;
  private readonly lon: Float64Array;
  private readonly lat: Float64Array;
  private readonly heading: Float64Array;
  private readonly speed: Float64Array;
  private readonly cruise: Float64Array;
  private readonly blueSpeed: Float64Array;
  private readonly blue: Uint8Array;
  private readonly routes: (Route | null)[];
  private readonly seg: Int32Array;
  private readonly progress: Float64Array;
  private readonly at: NetPoint[];
  private readonly beatLon: Float64Array;
  private readonly beatLat: Float64Array;
  private readonly phase: Float64Array;

  constructor(
    private readonly streets: Streets,
    units: readonly Unit[],
    private readonly rng: Random,
    private readonly reportIntervalMs = DEFAULT_REPORT_INTERVAL_MS,
  ) {
    const n = units.length;
    this.ids = units.map((u) => u.id);
    this.ids.forEach((id, i) => this.index.set(id, i));
    this.kinds = units.map((u) => u.kind);
    this.modes = units.map((u) => TRAVEL_MODE[u.kind]);
    this.state = new Uint8Array(n);
    this.wakeAt = new Float64Array(n);
    this.lon = new Float64Array(n);
    this.lat = new Float64Array(n);
    this.heading = new Float64Array(n);
    this.speed = new Float64Array(n);
    this.cruise = new Float64Array(n);
    this.blueSpeed = Float64Array.from(units, (u) => BLUE_LIGHT_SPEED[u.kind]);
    this.blue = new Uint8Array(n);
    this.routes = new Array<Route | null>(n).fill(null);
    this.seg = new Int32Array(n);
    this.progress = new Float64Array(n);
    this.beatLon = new Float64Array(n).fill(NaN);
    this.beatLat = new Float64Array(n).fill(NaN);
    this.phase = new Float64Array(n);
    // A small fleet reports together, one batch (one journal event) per interval; a large one
    // reports in phase groups spread over the interval, so that no single batch grows too big.
    const groups = Math.min(MAX_PHASE_GROUPS, Math.max(1, Math.ceil(n / POSITIONS_PER_BATCH)));
    this.at = units.map((u, i) => {
      const hit = streets.snap(u.position.lon, u.position.lat, this.modes[i]);
      this.lon[i] = hit.lon;
      this.lat[i] = hit.lat;
      this.heading[i] = u.heading;
      this.cruise[i] = PATROL_SPEED[u.kind] * rng.between(0.9, 1.1);
      this.phase[i] = ((i % groups) / groups) * reportIntervalMs;
      if (this.modes[i] === 'foot') {
        this.beatLon[i] = hit.lon;
        this.beatLat[i] = hit.lat;
      }
      return { edge: hit.edge, t: hit.t };
    });
  }

  /** Number of units. */
  get size(): number {
    return this.ids.length;
  }

  /** Index of a unit id, if the fleet has it. */
  indexOf(id: string): number | undefined {
    return this.index.get(id);
  }

  /** Where a unit is now. */
  position(i: number): { lon: number; lat: number } {
    return { lon: this.lon[i]!, lat: this.lat[i]! };
  }

  /** Whether a unit is travelling to a call. */
  isResponding(i: number): boolean {
    return this.state[i] === MODE.respond;
  }

  /** Stops a unit where it is (waiting to acknowledge a call, on scene, busy, off duty). */
  stop(i: number): void {
    if (this.routes[i]) this.leaveRoute(i);
    this.state[i] = MODE.idle;
    this.setSpeed(i, 0);
  }

  /** Stops a unit and sends it back on patrol after `delayMs`. */
  patrolAfter(i: number, now: number, delayMs: number): void {
    this.stop(i);
    this.state[i] = MODE.dwell;
    this.wakeAt[i] = now + delayMs;
  }

  /**
   * Sends a unit to a point by the shortest route, under blue lights if `urgent`. A vehicle goes
   * to the nearest point it may drive to (not into a pedestrian street); if one-way streets leave
   * no road route, the crew goes on foot. Returns false if there is no route at all.
   */
  respond(i: number, lon: number, lat: number, urgent: boolean): boolean {
    if (this.routes[i]) this.leaveRoute(i);
    const mode = this.modes[i]!;
    let route = this.streets.route(this.at[i]!, this.target(lon, lat, mode), mode);
    route ??= this.streets.route(this.at[i]!, this.target(lon, lat, 'foot'), 'foot');
    if (!route) return false;
    this.follow(i, route);
    this.state[i] = MODE.respond;
    this.blue[i] = urgent ? 1 : 0;
    return true;
  }

  /**
   * Advances every unit by `dtMs` of simulated time ending at `now`. Appends to `out` the units
   * due to report a new position, and to `arrivals` the units that reached their call.
   */
  step(now: number, dtMs: number, out: UnitPosition[], arrivals: number[]): void {
    const seconds = dtMs / 1000;
    for (let i = 0; i < this.ids.length; i++) {
      const s = this.state[i];
      if (s === MODE.dwell && now >= this.wakeAt[i]!) this.startPatrolLeg(i, now);
      else if (s === MODE.patrol || s === MODE.respond) {
        if (this.advance(i, seconds)) {
          if (s === MODE.respond) {
            this.state[i] = MODE.idle;
            arrivals.push(i);
          } else {
            this.state[i] = MODE.dwell;
            const [lo, hi] = DWELL_S[this.kinds[i]!];
            this.wakeAt[i] = now + this.rng.between(lo, hi) * 1000;
          }
        }
      }
      // A unit's AVL reports when its phase of the interval falls within this tick, moving or not:
      // a report from a unit standing still is how the room knows its AVL is alive.
      const phase = this.phase[i]!;
      const interval = this.reportIntervalMs;
      if (Math.floor((now - phase) / interval) !== Math.floor((now - dtMs - phase) / interval)) {
        out.push({
          id: this.ids[i]!,
          lon: Math.round(this.lon[i]! * 1e6) / 1e6,
          lat: Math.round(this.lat[i]! * 1e6) / 1e6,
          heading: (Math.round(this.heading[i]! * 10) % 3600) / 10,
          speed: Math.round(this.speed[i]! * 10) / 10,
        });
      }
    }
  }

  /** Moves a unit along its route; returns true when it has arrived. */
  private advance(i: number, seconds: number): boolean {
    const route = this.routes[i]!;
    const { cum, coords, maxSpeed } = route;
    const last = cum.length - 1;
    let seg = this.seg[i]!;
    let progress = this.progress[i]!;
    let left = seconds;
    let v = 0;
    const blue = this.blue[i] === 1 ? this.blueSpeed[i]! : 0;
    const cruise = this.cruise[i]!;
    while (left > 0 && seg < last) {
      v = blue > 0 ? blue : Math.min(cruise, maxSpeed[seg]!);
      const toEnd = cum[seg + 1]! - progress;
      if (toEnd <= v * left) {
        left -= toEnd / v;
        progress = cum[seg + 1]!;
        seg++;
      } else {
        progress += v * left;
        left = 0;
      }
    }
    if (seg >= last) {
      this.lon[i] = coords[2 * last]!;
      this.lat[i] = coords[2 * last + 1]!;
      this.at[i] = route.end;
      this.routes[i] = null;
      this.speed[i] = 0;
      return true;
    }
    const f = (progress - cum[seg]!) / (cum[seg + 1]! - cum[seg]!);
    const x0 = coords[2 * seg]!;
    const y0 = coords[2 * seg + 1]!;
    this.lon[i] = x0 + (coords[2 * seg + 2]! - x0) * f;
    this.lat[i] = y0 + (coords[2 * seg + 3]! - y0) * f;
    this.heading[i] = route.heading[seg]!;
    this.speed[i] = v;
    this.seg[i] = seg;
    this.progress[i] = progress;
    return false;
  }

  private startPatrolLeg(i: number, now: number): void {
    const mode = this.modes[i]!;
    const radius = PATROL_RADIUS_M[mode];
    const hasBeat = !Number.isNaN(this.beatLon[i]!);
    const [cx, cy] = hasBeat ? [this.beatLon[i]!, this.beatLat[i]!] : [this.lon[i]!, this.lat[i]!];
    const [lon, lat] = this.streets.net.ruler.destination(
      [cx, cy],
      radius * Math.sqrt(this.rng.float()),
      this.rng.between(0, 360),
    );
    const route = this.streets.route(this.at[i]!, this.target(lon, lat, mode), mode);
    if (!route || route.length < 20) {
      // Nowhere useful to go from here (a dead end, a one-way trap): try again shortly.
      this.wakeAt[i] = now + 10_000;
      return;
    }
    this.follow(i, route);
    this.state[i] = MODE.patrol;
    this.blue[i] = 0;
  }

  private follow(i: number, route: Route): void {
    this.routes[i] = route;
    this.seg[i] = 0;
    this.progress[i] = 0;
  }

  /** Leaves a route mid-way, remembering where on the network the unit now stands. */
  private leaveRoute(i: number): void {
    const route = this.routes[i]!;
    const seg = Math.min(this.seg[i]!, route.edges.length - 1);
    if (seg >= 0) {
      const edge = route.edges[seg]!;
      const hit = this.streets.project(this.lon[i]!, this.lat[i]!, edge);
      this.at[i] = { edge, t: hit.t };
    }
    this.routes[i] = null;
  }

  private target(lon: number, lat: number, mode: TravelMode): NetPoint {
    const hit = this.streets.snap(lon, lat, mode);
    return { edge: hit.edge, t: hit.t };
  }

  private setSpeed(i: number, speed: number): void {
    this.speed[i] = speed;
  }
}
