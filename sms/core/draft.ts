import type {
  Alert,
  Camera,
  EventPayload,
  EventType,
  Incident,
  MapOverlay,
  ServicePoint,
  Unit,
  Wall,
  WallPreset,
} from '../../shared/protocol';
import { CommandFailure, type Actor, type DescribePlace, type StateReader } from './ports';

/** An event before the core gives it a seq and a timestamp. */
export type PendingEvent = { [T in EventType]: { type: T; payload: EventPayload<T> } }[EventType];

/** The records a draft changed, by kind. */
export interface StagedRecords {
  incidents: Incident[];
  units: Unit[];
  cameras: Camera[];
  alerts: Alert[];
  servicePoints: ServicePoint[];
  walls: Wall[];
  overlays: MapOverlay[];
  /** Ids of overlays this draft removed. */
  removedOverlays: string[];
  wallPresets: WallPreset[];
  /** Ids of wall presets this draft deleted. */
  removedWallPresets: string[];
}

/** The state a draft reads: the core's, video walls included. */
export type DraftState = StateReader & {
  readonly walls: ReadonlyMap<string, Wall>;
  readonly overlays: ReadonlyMap<string, MapOverlay>;
  readonly wallPresets: ReadonlyMap<string, WallPreset>;
};

type Removal = 'removedOverlays' | 'removedWallPresets';
type Kind = Exclude<keyof StagedRecords, Removal>;

/**
 * The unit of work of one mutation: reads see the state plus what this mutation has staged;
 * nothing reaches the state, the store or a client unless the core commits the draft. A refusal
 * is a thrown `CommandFailure`, which simply drops the draft.
 */
export class Draft {
  private readonly staged: StagedRecords = {
    incidents: [],
    units: [],
    cameras: [],
    alerts: [],
    servicePoints: [],
    walls: [],
    overlays: [],
    removedOverlays: [],
    wallPresets: [],
    removedWallPresets: [],
  };
  /** Index of each staged record in its list, by `kind:id`. */
  private readonly index = new Map<string, number>();
  /** Kind and id of each staged record, in the order first staged. */
  private readonly order: [Kind | Removal, string][] = [];
  private readonly counterValues = new Map<string, number>();

  constructor(
    private readonly state: DraftState,
    private readonly counters: ReadonlyMap<string, number>,
    /** The SMS clock at the start of the mutation; every time written by it is this one. */
    readonly now: number,
    readonly actor: Actor,
    /** Street address and ward of a point (empty when the SMS has no geodata). */
    readonly describePlace: DescribePlace = () => ({}),
  ) {}

  /** `now` as the protocol's ISO time. */
  get isoNow(): string {
    return new Date(this.now).toISOString();
  }

  findIncident(id: string): Incident | undefined {
    return this.get('incidents', id) ?? this.state.incidents.get(id);
  }
  findUnit(id: string): Unit | undefined {
    return this.get('units', id) ?? this.state.units.get(id);
  }
  findAlert(id: string): Alert | undefined {
    return this.get('alerts', id) ?? this.state.alerts.get(id);
  }

  /** The incident, or a `not_found` refusal. */
  incident(id: string): Incident {
    return this.findIncident(id) ?? notFound('incident', id);
  }
  unit(id: string): Unit {
    return this.findUnit(id) ?? notFound('unit', id);
  }
  alert(id: string): Alert {
    return this.findAlert(id) ?? notFound('alert', id);
  }
  camera(id: string): Camera {
    return this.get('cameras', id) ?? this.state.cameras.get(id) ?? notFound('camera', id);
  }
  /** The wall, or undefined: walls are created on first use. */
  findWall(id: string): Wall | undefined {
    return this.get('walls', id) ?? this.state.walls.get(id);
  }
  /** The overlay, or a `not_found` refusal (also once this draft removed it). */
  overlay(id: string): MapOverlay {
    if (this.staged.removedOverlays.includes(id)) return notFound('overlay', id);
    return this.get('overlays', id) ?? this.state.overlays.get(id) ?? notFound('overlay', id);
  }
  /** The wall preset, or undefined (also once this draft deleted it). */
  findWallPreset(id: string): WallPreset | undefined {
    if (this.staged.removedWallPresets.includes(id)) return undefined;
    return this.get('wallPresets', id) ?? this.state.wallPresets.get(id);
  }
  /** Every wall preset as this draft sees it. */
  allWallPresets(): WallPreset[] {
    const ids = new Set([...this.state.wallPresets.keys(), ...this.staged.wallPresets.map((p) => p.id)]);
    return [...ids].flatMap((id) => this.findWallPreset(id) ?? []);
  }
  servicePoint(id: string): ServicePoint {
    return this.get('servicePoints', id) ?? this.state.servicePoints.get(id) ?? notFound('service point', id);
  }

  putIncident(record: Incident): Incident {
    return this.put('incidents', record);
  }
  putUnit(record: Unit): Unit {
    return this.put('units', record);
  }
  putAlert(record: Alert): Alert {
    return this.put('alerts', record);
  }
  putCamera(record: Camera): Camera {
    return this.put('cameras', record);
  }
  putServicePoint(record: ServicePoint): ServicePoint {
    return this.put('servicePoints', record);
  }
  putWall(record: Wall): Wall {
    return this.put('walls', record);
  }
  putOverlay(record: MapOverlay): MapOverlay {
    return this.put('overlays', record);
  }
  putWallPreset(record: WallPreset): WallPreset {
    return this.put('wallPresets', record);
  }
  /** Stages the deletion of a wall preset; it is gone for the rest of this draft. */
  removeWallPreset(id: string): void {
    if (this.staged.removedWallPresets.includes(id)) return;
    this.staged.removedWallPresets.push(id);
    this.order.push(['removedWallPresets', id]);
  }
  /** Stages the removal of an overlay; it is gone for the rest of this draft. */
  removeOverlay(id: string): void {
    if (this.staged.removedOverlays.includes(id)) return;
    this.staged.removedOverlays.push(id);
    this.order.push(['removedOverlays', id]);
  }

  /** Takes the next value of a persisted counter (1 for a new one). */
  next(counter: string): number {
    const value = (this.counterValues.get(counter) ?? this.counters.get(counter) ?? 0) + 1;
    this.counterValues.set(counter, value);
    return value;
  }

  /** Counters this draft advanced, with their new values. */
  changedCounters(): Record<string, number> {
    return Object.fromEntries(this.counterValues);
  }

  /** Staged records grouped for the store. */
  records(): StagedRecords {
    return this.staged;
  }

  /**
   * One event per changed record, in the order records were first staged, each carrying the
   * record's final state: the events are derived from the changes, so they cannot disagree.
   */
  events(): PendingEvent[] {
    return this.order.map(([kind, id]): PendingEvent => {
      switch (kind) {
        case 'incidents': {
          const incident = this.get('incidents', id) as Incident;
          return this.state.incidents.has(id)
            ? { type: 'incident.updated', payload: { incident } }
            : { type: 'incident.created', payload: { incident } };
        }
        case 'units':
          return { type: 'unit.status', payload: { unit: this.get('units', id) as Unit } };
        case 'alerts': {
          const alert = this.get('alerts', id) as Alert;
          return this.state.alerts.has(id)
            ? { type: 'alert.updated', payload: { alert } }
            : { type: 'alert.raised', payload: { alert } };
        }
        case 'cameras':
          return { type: 'camera.updated', payload: { camera: this.get('cameras', id) as Camera } };
        case 'servicePoints':
          return {
            type: 'servicePoint.updated',
            payload: { servicePoint: this.get('servicePoints', id) as ServicePoint },
          };
        case 'walls':
          return { type: 'wall.updated', payload: { wall: this.get('walls', id) as Wall } };
        case 'overlays':
          return { type: 'overlay.updated', payload: { overlay: this.get('overlays', id) as MapOverlay } };
        case 'removedOverlays':
          return { type: 'overlay.removed', payload: { overlayId: id } };
        case 'wallPresets':
          return { type: 'wall.presetSaved', payload: { preset: this.get('wallPresets', id) as WallPreset } };
        case 'removedWallPresets':
          return { type: 'wall.presetDeleted', payload: { presetId: id } };
      }
    });
  }

  private get<K extends Kind>(kind: K, id: string): StagedRecords[K][number] | undefined {
    const i = this.index.get(`${kind}:${id}`);
    return i === undefined ? undefined : this.staged[kind][i];
  }

  private put<K extends Kind>(kind: K, record: StagedRecords[K][number]): StagedRecords[K][number] {
    const key = `${kind}:${record.id}`;
    const list = this.staged[kind] as StagedRecords[K][number][];
    const i = this.index.get(key);
    // Re-staging replaces in place, so event order follows the order of first change.
    if (i === undefined) {
      this.index.set(key, list.length);
      this.order.push([kind, record.id]);
      list.push(record);
    } else {
      list[i] = record;
    }
    return record;
  }
}

function notFound(what: string, id: string): never {
  throw new CommandFailure('not_found', `No ${what} with id ${id}.`);
}
