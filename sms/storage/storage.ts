import type {
  AuditRecord,
  CommandAck,
  EventEnvelope,
  KindName,
  KindRecord,
  RecordLists,
  Role,
} from '../../shared/protocol';

/** Everything the SMS keeps about its world, as loaded on start. */
export interface StoredState {
  /** Latest journal seq (0 when no event was ever journaled). */
  seq: number;
  /** Every record, by kind (see shared/protocol/kinds.ts). */
  records: RecordLists;
  /** Id and reference counters, by name. */
  counters: Record<string, number>;
}

/** Records written by one commit, by kind: upserted by id, then removals deleted. */
export interface RecordChanges {
  put?: { readonly [K in KindName]?: readonly KindRecord<K>[] };
  removed?: { readonly [K in KindName]?: readonly string[] };
}

/** The answer given to a command id, kept so that a retry gets the same answer. */
export interface StoredCommand {
  id: string;
  userId: string;
  type: string;
  ack: CommandAck;
  at: number;
  /**
   * Fingerprint of the payload that got this answer (sms/core/fingerprint.ts), or null for an
   * answer stored before fingerprints were kept.
   */
  payloadHash: string | null;
}

/** An audit record before the store numbers it. */
export type NewAuditRecord = Omit<AuditRecord, 'id'>;

/** One atomic write: all of it is stored, or none of it. */
export interface Commit {
  records?: RecordChanges;
  /** Appended to the journal; their seqs must follow the latest one without a gap. */
  events?: readonly EventEnvelope[];
  counters?: Readonly<Record<string, number>>;
  command?: StoredCommand;
  audit?: readonly NewAuditRecord[];
}

/** A configured operator with their password hash. */
export interface StoredUser {
  id: string;
  username: string;
  role: Role;
  passwordHash: string;
}

/** A server-side session (sms/auth/sessions.ts): what a token's `sid` names. Times in ms since the epoch. */
export interface SessionRecord {
  id: string;
  userId: string;
  username: string;
  /** Role at login: a token is refused once the user's role differs. */
  role: Role;
  createdAt: number;
  /** Slides forward on each renewal, never past the absolute cap. */
  expiresAt: number;
  revokedAt: number | null;
  /** Why it was revoked (`logout`, `user_removed`, `user_disabled`, `role_changed`), or null. */
  revokedWhy: string | null;
}

/** One entry of a record's append-only log, with its number (0 is the first). */
export interface StoredLogEntry {
  n: number;
  /** The entry as the record carried it (JSON-parsed). */
  entry: unknown;
}

/** Filter of an audit query; newest first. */
export interface AuditQuery {
  limit: number;
  action?: string;
  userId?: string;
  targetId?: string;
}

/**
 * Persistence of the SMS behind one small interface, so that a PostgreSQL implementation can
 * follow. Every method is synchronous: the core relies on a journal read and a subscription
 * happening in the same tick (see sms/socket/replay.ts).
 */
export interface Storage {
  /** Loads the whole state; it reflects the latest journal seq. */
  load(): StoredState;
  /** Writes records, journal events, counters, a command answer and audit records in one transaction. */
  commit(commit: Commit): void;
  /** Journal events with seq > `afterSeq`, in order, at most `limit`. */
  readEvents(afterSeq: number, limit: number): EventEnvelope[];
  /** Oldest seq still in the journal, or null when it is empty. */
  oldestSeq(): number | null;
  /** Deletes journal events with seq < `beforeSeq`, at most `maxRows` of them; returns how many. */
  pruneJournal(beforeSeq: number, maxRows: number): number;
  /** The stored answer of a command id. */
  findCommand(id: string): StoredCommand | undefined;
  /** Forgets command answers older than `beforeMs`; returns how many. */
  pruneCommands(beforeMs: number): number;
  /** All users. */
  listUsers(): StoredUser[];
  /** Makes the users table exactly `users` (ids kept for unchanged usernames). */
  replaceUsers(users: readonly StoredUser[]): void;
  /** Stores a new session. */
  insertSession(session: SessionRecord): void;
  /** Sessions neither revoked nor expired at `now` (loaded once at start: checks then run from memory). */
  liveSessions(now: number): SessionRecord[];
  /** One session, whatever its state. */
  findSession(id: string): SessionRecord | undefined;
  /** Moves a session's expiry (renewal). */
  setSessionExpiry(id: string, expiresAt: number): void;
  /** Marks sessions revoked at `at` for `why` (already revoked ones keep their first revocation). */
  revokeSessions(ids: readonly string[], at: number, why: string): void;
  /** Deletes at most `maxRows` sessions that expired or were revoked before `beforeMs`; returns how many. */
  pruneSessions(beforeMs: number, maxRows: number): number;
  /** Appends audit records outside any other change (logins, refusals). */
  appendAudit(records: readonly NewAuditRecord[]): void;
  /** Audit records, newest first. */
  queryAudit(query: AuditQuery): AuditRecord[];
  /**
   * The oldest audit records stamped before `beforeIso` (oldest first, by time then id): at most
   * `limit`, and no more than about `maxChars` characters of them (always at least one), so that
   * one step of the audit retention stays short (sms/core/auditRetention.ts).
   */
  auditBefore(beforeIso: string, limit: number, maxChars: number): AuditRecord[];
  /**
   * Deletes audit records by id, and sets `meta` (the archive's committed lengths) in the same
   * transaction; returns how many rows went.
   */
  deleteAudit(ids: readonly string[], meta?: Readonly<Record<string, string>>): number;
  /**
   * Entries of a record's append-only log (a kind's `appendLog`, e.g. an incident's log) numbered
   * below `before`: the latest `limit` of them, fewer once about `maxChars` characters are read
   * (always at least one), oldest first. Entries are returned as stored (they were validated as
   * part of their record).
   */
  readRecordLog(kind: KindName, recordId: string, before: number, limit: number, maxChars: number): StoredLogEntry[];
  /** A small value kept across restarts. */
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  /** Flushes the write-ahead log into the database file and closes it. */
  close(): void;
}
