import type {
  Alert,
  Camera,
  CommandPayload,
  CommandResult,
  CommandType,
  ErrorCode,
  EventEnvelope,
  KindRecord,
  RecordMaps,
  ServicePoint,
  Role,
  Unit,
  UnitPosition,
} from '../../shared/protocol';

/** Who performs an action: an operator from a session, or the SMS itself (simulator, integrations). */
export interface Actor {
  userId: string;
  username: string;
  role: Role | 'system';
}

/** The simulator and other in-process producers act as this user; it may run every command. */
export const SYSTEM_ACTOR: Actor = { userId: 'system', username: 'system', role: 'system' };

/**
 * Read access to the current state, which always reflects journal position `seq`: one map per
 * kind of record, by snapshot key (`incidents`, `units`, …; see shared/protocol/kinds.ts).
 */
export interface StateReader extends RecordMaps {
  readonly seq: number;
}

/** Kinds whose records come from devices and integrations, which producers update directly. */
export type ProducedKind = 'camera' | 'servicePoint';

/** What a new alert needs; the SMS assigns id, status and times. */
export type NewAlert = Pick<
  Alert,
  'source' | 'kind' | 'priority' | 'location' | 'detail' | 'cameraId' | 'servicePointId' | 'unitId'
>;

/** The initial world of a fresh SMS (no journal events: it is where the journal starts). */
export interface SeedWorld {
  units: Unit[];
  cameras: Camera[];
  servicePoints: ServicePoint[];
}

/**
 * The SMS state machine as in-process producers (the simulator, a vendor adapter) see it.
 * Every mutating call validates, persists its records and journal events in one transaction,
 * then publishes the events; a refused call throws `CommandFailure` and changes nothing.
 */
export interface SmsCore extends StateReader {
  /** The SMS clock in ms since the epoch (accelerated by the simulator's speed in demo mode). */
  now(): number;
  /** Runs a command with the same validation and rules as an operator's (no idempotency record). */
  execute<T extends CommandType>(type: T, payload: CommandPayload<T>, actor: Actor): CommandResult<T>;
  /** Journals one `unit.positions` event and updates the units' positions. Unknown ids are ignored. */
  moveUnits(positions: readonly UnitPosition[]): void;
  /** Journals `alert.raised`. */
  raiseAlert(alert: NewAlert): Alert;
  /** Journals a device record's new state (a camera's health or PTZ, a service point's status). */
  update<K extends ProducedKind>(kind: K, record: KindRecord<K>): void;
  /** Stores the initial world; only valid while the SMS holds no units, cameras or service points. */
  seed(world: SeedWorld): void;
  /** Called synchronously after each event is committed, in `seq` order. */
  subscribe(listener: (event: EventEnvelope) => void): () => void;
}

/**
 * Thrown by `SmsCore` when a call is refused (bad input, unknown record, rule broken, role);
 * nothing has changed. `code` is the error code the operator's acknowledgement carries.
 */
export class CommandFailure extends Error {
  constructor(
    readonly code: Exclude<ErrorCode, 'internal' | 'rate_limited' | 'unauthorized'>,
    message: string,
  ) {
    super(message);
    this.name = 'CommandFailure';
  }
}

/** Describes a point as the room names it: street address and City ward, where known. */
export type DescribePlace = (lon: number, lat: number) => { address?: string; ward?: string };
