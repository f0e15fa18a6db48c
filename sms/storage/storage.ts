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

/**
 * When a record of an archiving kind (`archives` in shared/protocol/kinds.ts) last changed while
 * settled (a closed incident, a handled alert), in ms of the SMS clock; `at: null` when it is no
 * longer settled (reopened). The archive (sms/core/archive.ts) archives it some hours after `at`.
 */
export interface SettledRecord {
  kind: KindName;
  id: string;
  at: number | null;
}

/** Filters of a history search (sms/http/historyRoute.ts): the store's side of `HistoryQuery`. */
export interface HistorySearch {
  /** Exact reference (an incident's `ref`, an alert's id). */
  ref?: string;
  /** Free text, matched case-insensitively (ASCII) within the reference, summary or detail and address. */
  text?: string;
  /** ISO times: the record happened at or after `from` and before `to`. */
  from?: string;
  to?: string;
  ward?: string;
  /** An incident's type, an alert's source. */
  type?: string;
  /** Continue after this position (from a previous page's `next`). */
  after?: HistoryPosition;
  /** Records answered at most. */
  limit: number;
  /** Rows read at most: a search that matches few records stops here and answers `next`. */
  scan: number;
  /** About as many characters of records as a page holds (always at least one record). */
  maxChars: number;
}

/** A place in the history's order: newest first by the time the record happened, then id. */
export interface HistoryPosition {
  at: string;
  id: string;
}

/** One page of a history search. */
export interface HistoryPage {
  /** Records as stored (validated when written), newest first, and whether each left the live state. */
  items: { record: unknown; archived: boolean }[];
  /** Where the next page starts, or null when the search read every record that could match. */
  next: HistoryPosition | null;
}

/** One atomic write: all of it is stored, or none of it. */
export interface Commit {
  records?: RecordChanges;
  /** Archive clocks of the records this commit changed (see `SettledRecord`). */
  settled?: readonly SettledRecord[];
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
  /**
   * Live records of archiving kinds settled (closed, handled) at or before `settledBefore`, oldest
   * first, at most `limit`.
   */
  dueForArchive(settledBefore: number, limit: number): { kind: KindName; id: string }[];
  /** A record of an archiving kind that was archived (out of the live state), as stored; else undefined. */
  findArchived(kind: KindName, id: string): unknown;
  /** A page of records of an archiving kind, live and archived, newest first. */
  searchHistory(kind: KindName, search: HistorySearch): HistoryPage;
  /** A small value kept across restarts. */
  getMeta(key: string): string | undefined;
  setMeta(key: string, value: string): void;
  /** Flushes the write-ahead log into the database file and closes it. */
  close(): void;
}
