import Database from 'better-sqlite3';
import { z } from 'zod';
import {
  CommandAckSchema,
  ENTITY_KINDS,
  RoleSchema,
  type AuditRecord,
  type CommandAck,
  type EntityKindSpec,
  type EntityKindTable,
  type EventEnvelope,
  type KindName,
  type RecordLists,
} from '../../shared/protocol';
import { SQLITE_MIGRATIONS, type Migration } from './migrations';
import { historyStatements } from './sqliteHistory';
import type {
  AuditQuery,
  Commit,
  HistoryPage,
  HistorySearch,
  NewAuditRecord,
  SessionRecord,
  Storage,
  StoredCommand,
  StoredLogEntry,
  StoredState,
  StoredUser,
} from './storage';

/** What `openSqliteStorage` stores: the product's kinds and schema unless a test adds its own. */
export interface SqliteOptions {
  kinds?: EntityKindTable;
  migrations?: readonly Migration[];
}

const CountersSchema = z.record(z.string(), z.number().int().nonnegative());

interface JournalRow {
  seq: number;
  ts: number;
  type: string;
  payload: string;
}
interface AuditRow {
  id: number;
  at: string;
  user_id: string;
  username: string;
  role: string;
  action: string;
  target_id: string | null;
  result: string;
  reason: string | null;
  detail: string;
}
interface UserRow {
  id: string;
  username: string;
  role: string;
  password_hash: string;
}
interface SessionRow {
  id: string;
  user_id: string;
  username: string;
  role: string;
  created_at: number;
  expires_at: number;
  revoked_at: number | null;
  revoked_why: string | null;
}
function sessionOf(r: SessionRow): SessionRecord {
  return {
    id: r.id,
    userId: r.user_id,
    username: r.username,
    role: RoleSchema.parse(r.role),
    createdAt: r.created_at,
    expiresAt: r.expires_at,
    revokedAt: r.revoked_at,
    revokedWhy: r.revoked_why,
  };
}
interface CommandRow {
  id: string;
  user_id: string;
  type: string;
  ack: string;
  at: number;
  payload_hash: string | null;
}

/** The audit table's column of each filter of an audit query. */
const AUDIT_FILTER_COLUMNS = { action: 'action', userId: 'user_id', targetId: 'target_id' } as const;
const AUDIT_FILTERS = Object.keys(AUDIT_FILTER_COLUMNS) as (keyof typeof AUDIT_FILTER_COLUMNS)[];

/** Formats the audit table's integer key as the protocol's id. */
function auditId(n: number): string {
  return `audit-${String(n).padStart(8, '0')}`;
}

/** The audit table's integer key of a protocol id, or null for an id it did not make. */
function auditKey(id: string): number | null {
  const m = /^audit-(\d{1,15})$/.exec(id);
  return m ? Number(m[1]) : null;
}

function auditRecordOf(r: AuditRow): AuditRecord {
  return {
    id: auditId(r.id),
    at: r.at,
    userId: r.user_id,
    username: r.username,
    role: r.role,
    action: r.action,
    targetId: r.target_id,
    result: r.result,
    reason: r.reason,
    detail: r.detail,
  };
}

/** Audit rows deleted per statement (SQLite binds at most 32,766 parameters). */
const AUDIT_DELETE_BATCH = 500;

/** Applies the migrations the database has not had yet, each in one transaction with its version. */
function migrate(db: Database.Database, path: string, migrations: readonly Migration[]): void {
  const latest = migrations.at(-1)?.version ?? 0;
  const version = Number(db.pragma('user_version', { simple: true }));
  if (version > latest) throw new StorageCorruptError(`${path} was written by a newer SMS (schema ${version}).`);
  for (const m of migrations) {
    if (m.version <= version) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.pragma(`user_version = ${m.version}`);
    })();
  }
}

/** Every kind must have its table: a kind added without its migration fails here, at start. */
function checkKindTables(db: Database.Database, kinds: EntityKindTable): void {
  const existing = new Set(
    db
      .prepare<[], { name: string }>("SELECT name FROM sqlite_master WHERE type = 'table'")
      .all()
      .map((r) => r.name),
  );
  for (const [kind, spec] of Object.entries(kinds)) {
    for (const table of [spec.table, ...(spec.appendLog ? [spec.appendLog.table] : [])]) {
      if (!existing.has(table)) {
        throw new Error(`No table ${table} for records of kind ${kind}: add a migration (sms/storage/migrations.ts).`);
      }
    }
  }
}

/**
 * The statements of a kind's append-only log (see `appendLog` in shared/protocol/kinds.ts).
 * Appending a record stores the entries it carries that the table does not hold yet: the record
 * carries the latest entries, numbered `count - carried.length` onwards, so storing a record
 * again, or an older state of it, adds nothing.
 */
function appendLogStatements(db: Database.Database, spec: NonNullable<EntityKindSpec['appendLog']>) {
  const latest = db.prepare<[string], { n: number | null }>(
    `SELECT max(n) AS n FROM ${spec.table} WHERE record_id = ?`,
  );
  const insert = db.prepare<[string, number, string]>(
    `INSERT OR IGNORE INTO ${spec.table} (record_id, n, entry) VALUES (?, ?, ?)`,
  );
  return {
    append(record: { id: string }): void {
      const fields = record as unknown as Record<string, unknown>;
      const carried = fields[spec.listKey];
      if (!Array.isArray(carried) || carried.length === 0) return;
      const count = typeof fields[spec.countKey] === 'number' ? (fields[spec.countKey] as number) : carried.length;
      const first = count - carried.length;
      const stored = latest.get(record.id)?.n ?? -1;
      carried.forEach((entry, i) => {
        if (first + i > stored) insert.run(record.id, first + i, JSON.stringify(entry));
      });
    },
    remove: db.prepare<[string]>(`DELETE FROM ${spec.table} WHERE record_id = ?`),
    before: db.prepare<[string, number, number], { n: number; entry: string }>(
      `SELECT n, entry FROM ${spec.table} WHERE record_id = ? AND n < ? ORDER BY n DESC LIMIT ?`,
    ),
  };
}

/** Thrown when the database holds something this SMS did not write (corruption, or a newer version). */
export class StorageCorruptError extends Error {
  override name = 'StorageCorruptError';
}

/**
 * Opens (creating if needed) the SMS database at `path`, or an in-memory one for ':memory:'.
 * WAL with synchronous=NORMAL: a commit survives a process crash, and the last few survive
 * a power cut only up to the latest checkpoint, which is the usual trade for a journal of this rate.
 */
export function openSqliteStorage(path: string, opts: SqliteOptions = {}): Storage {
  const kinds = opts.kinds ?? ENTITY_KINDS;
  const migrations = opts.migrations ?? SQLITE_MIGRATIONS;
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  try {
    migrate(db, path, migrations);
    checkKindTables(db, kinds);
  } catch (e) {
    db.close();
    throw e;
  }

  const settle = db.prepare<[string, string, number]>(
    `INSERT INTO archive_due (kind, id, settled_at) VALUES (?, ?, ?)
     ON CONFLICT (kind, id) DO UPDATE SET settled_at = excluded.settled_at`,
  );
  const unsettle = db.prepare<[string, string]>('DELETE FROM archive_due WHERE kind = ? AND id = ?');
  const dueForArchive = db.prepare<[number, number], { kind: string; id: string }>(
    'SELECT kind, id FROM archive_due WHERE settled_at <= ? ORDER BY settled_at LIMIT ?',
  );
  // A kind that archives keeps its removed records, flagged, out of what the SMS loads (migration 5).
  const tables = Object.entries(kinds).map(([kind, spec]) => ({
    kind,
    table: spec.table,
    schema: spec.schema,
    upsert: db.prepare<[string, string]>(
      `INSERT INTO ${spec.table} (id, data) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET data = excluded.data`,
    ),
    remove: db.prepare<[string]>(
      spec.archives ? `UPDATE ${spec.table} SET archived = 1 WHERE id = ?` : `DELETE FROM ${spec.table} WHERE id = ?`,
    ),
    all: db.prepare<[], { id: string; data: string }>(
      `SELECT id, data FROM ${spec.table} ${spec.archives ? 'WHERE archived = 0' : ''} ORDER BY id`,
    ),
    log: spec.appendLog ? appendLogStatements(db, spec.appendLog) : null,
    archives: spec.archives === true,
    history: spec.archives ? historyStatements(db, spec.table) : null,
  }));
  const historyOf = (kind: string) => {
    const history = tables.find((t) => t.kind === kind)?.history;
    if (!history) throw new Error(`Records of kind ${kind} are not archived.`);
    return history;
  };
  const insertEvent = db.prepare<[number, number, string, string]>(
    'INSERT INTO journal (seq, ts, type, payload) VALUES (?, ?, ?, ?)',
  );
  const latestSeq = db.prepare<[], { seq: number | null }>('SELECT max(seq) AS seq FROM journal');
  const oldestSeq = db.prepare<[], { seq: number | null }>('SELECT min(seq) AS seq FROM journal');
  const readEvents = db.prepare<[number, number], JournalRow>(
    'SELECT seq, ts, type, payload FROM journal WHERE seq > ? ORDER BY seq LIMIT ?',
  );
  const pruneJournal = db.prepare<[number, number]>(
    'DELETE FROM journal WHERE seq IN (SELECT seq FROM journal WHERE seq < ? ORDER BY seq LIMIT ?)',
  );
  const setMeta = db.prepare<[string, string]>(
    'INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value',
  );
  const getMeta = db.prepare<[string], { value: string }>('SELECT value FROM meta WHERE key = ?');
  const insertCommand = db.prepare<[string, string, string, string, number, string | null]>(
    'INSERT INTO commands (id, user_id, type, ack, at, payload_hash) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const findCommand = db.prepare<[string], CommandRow>(
    'SELECT id, user_id, type, ack, at, payload_hash FROM commands WHERE id = ?',
  );
  const pruneCommands = db.prepare<[number]>('DELETE FROM commands WHERE at < ?');
  const insertAudit = db.prepare<
    [string, string, string, string, string, string | null, string, string | null, string]
  >(
    `INSERT INTO audit (at, user_id, username, role, action, target_id, result, reason, detail)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  /** One prepared audit query per combination of filters, made on first use. */
  const auditQueries = new Map<string, Database.Statement<(string | number)[], AuditRow>>();
  const auditQuery = (filters: readonly (keyof typeof AUDIT_FILTER_COLUMNS)[]) => {
    const key = filters.join(',');
    let statement = auditQueries.get(key);
    if (!statement) {
      const where = filters.map((f) => `${AUDIT_FILTER_COLUMNS[f]} = ?`).join(' AND ');
      statement = db.prepare<(string | number)[], AuditRow>(
        `SELECT * FROM audit ${where === '' ? '' : `WHERE ${where}`} ORDER BY id DESC LIMIT ?`,
      );
      auditQueries.set(key, statement);
    }
    return statement;
  };
  const listUsers = db.prepare<[], UserRow>('SELECT id, username, role, password_hash FROM users ORDER BY username');
  const deleteUsers = db.prepare('DELETE FROM users');
  const insertUser = db.prepare<[string, string, string, string]>(
    'INSERT INTO users (id, username, role, password_hash) VALUES (?, ?, ?, ?)',
  );
  const insertSession = db.prepare<[string, string, string, string, number, number]>(
    `INSERT INTO sessions (id, user_id, username, role, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)`,
  );
  const liveSessions = db.prepare<[number], SessionRow>(
    'SELECT * FROM sessions WHERE revoked_at IS NULL AND expires_at > ? ORDER BY created_at',
  );
  const findSession = db.prepare<[string], SessionRow>('SELECT * FROM sessions WHERE id = ?');
  const setSessionExpiry = db.prepare<[number, string]>('UPDATE sessions SET expires_at = ? WHERE id = ?');
  const revokeSession = db.prepare<[number, string, string]>(
    'UPDATE sessions SET revoked_at = ?, revoked_why = ? WHERE id = ? AND revoked_at IS NULL',
  );
  const pruneSessions = db.prepare<[number, number, number]>(
    `DELETE FROM sessions WHERE id IN (
       SELECT id FROM sessions WHERE expires_at < ? OR revoked_at < ? LIMIT ?)`,
  );

  const auditBefore = db.prepare<[string, number], AuditRow>(
    'SELECT * FROM audit WHERE at < ? ORDER BY at, id LIMIT ?',
  );

  /** Latest journaled seq, kept here so that a commit need not ask the database. */
  let lastSeq = latestSeq.get()?.seq ?? 0;

  const COUNTERS_KEY = 'counters';
  const readCounters = (): Record<string, number> => {
    const row = getMeta.get(COUNTERS_KEY);
    return row ? CountersSchema.parse(JSON.parse(row.value)) : {};
  };

  const writeAudit = (records: readonly NewAuditRecord[]): void => {
    for (const r of records) {
      insertAudit.run(r.at, r.userId, r.username, r.role, r.action, r.targetId, r.result, r.reason, r.detail);
    }
  };

  const commitTx = db.transaction((c: Commit) => {
    const put = (c.records?.put ?? {}) as Readonly<Record<string, readonly { id: string }[] | undefined>>;
    const removed = (c.records?.removed ?? {}) as Readonly<Record<string, readonly string[] | undefined>>;
    for (const t of tables) {
      for (const x of put[t.kind] ?? []) {
        t.upsert.run(x.id, JSON.stringify(x));
        if (t.log) t.log.append(x);
      }
      for (const id of removed[t.kind] ?? []) {
        t.remove.run(id);
        if (t.archives) unsettle.run(t.kind, id);
        // An archived record keeps its log (the history reads it).
        else t.log?.remove.run(id);
      }
    }
    for (const x of c.settled ?? []) {
      if (x.at === null) unsettle.run(x.kind, x.id);
      else settle.run(x.kind, x.id, x.at);
    }
    if (c.events && c.events.length > 0) {
      // The seq contract is enforced here too: a gap or a rewind aborts the whole commit.
      let expected = lastSeq + 1;
      for (const e of c.events) {
        if (e.seq !== expected) throw new StorageCorruptError(`journal seq ${e.seq} does not follow ${expected - 1}`);
        insertEvent.run(e.seq, e.ts, e.type, JSON.stringify(e.payload));
        expected++;
      }
    }
    if (c.counters && Object.keys(c.counters).length > 0) {
      setMeta.run(COUNTERS_KEY, JSON.stringify({ ...readCounters(), ...c.counters }));
    }
    if (c.command) {
      const k = c.command;
      insertCommand.run(k.id, k.userId, k.type, JSON.stringify(k.ack), k.at, k.payloadHash);
    }
    if (c.audit) writeAudit(c.audit);
  });

  const loadRecords = (): RecordLists =>
    Object.fromEntries(
      tables.map((t) => [
        t.kind,
        t.all.all().map((row) => {
          const parsed = t.schema.safeParse(JSON.parse(row.data));
          if (!parsed.success) throw new StorageCorruptError(`${t.table} row ${row.id} does not match its schema.`);
          return parsed.data;
        }),
      ]),
    ) as RecordLists;

  return {
    load(): StoredState {
      return db.transaction(() => ({
        seq: latestSeq.get()?.seq ?? 0,
        records: loadRecords(),
        counters: readCounters(),
      }))();
    },
    commit(c: Commit): void {
      commitTx(c);
      // Only once the transaction has committed: a rolled-back commit leaves the journal where it was.
      lastSeq = c.events?.at(-1)?.seq ?? lastSeq;
    },
    readEvents(afterSeq: number, limit: number): EventEnvelope[] {
      // Rows are written only by commit(), from envelopes validated by the core, so they are not re-parsed.
      return readEvents
        .all(afterSeq, limit)
        .map(
          (row) => ({ seq: row.seq, ts: row.ts, type: row.type, payload: JSON.parse(row.payload) }) as EventEnvelope,
        );
    },
    oldestSeq(): number | null {
      return oldestSeq.get()?.seq ?? null;
    },
    pruneJournal(beforeSeq: number, maxRows: number): number {
      return pruneJournal.run(beforeSeq, maxRows).changes;
    },
    findCommand(id: string): StoredCommand | undefined {
      const row = findCommand.get(id);
      if (!row) return undefined;
      const ack = CommandAckSchema.parse(JSON.parse(row.ack)) as CommandAck;
      return { id: row.id, userId: row.user_id, type: row.type, ack, at: row.at, payloadHash: row.payload_hash };
    },
    pruneCommands(beforeMs: number): number {
      return pruneCommands.run(beforeMs).changes;
    },
    listUsers(): StoredUser[] {
      return listUsers.all().map((u) => ({
        id: u.id,
        username: u.username,
        role: RoleSchema.parse(u.role),
        passwordHash: u.password_hash,
      }));
    },
    replaceUsers(users: readonly StoredUser[]): void {
      db.transaction(() => {
        deleteUsers.run();
        for (const u of users) insertUser.run(u.id, u.username, u.role, u.passwordHash);
      })();
    },
    insertSession(x: SessionRecord): void {
      insertSession.run(x.id, x.userId, x.username, x.role, x.createdAt, x.expiresAt);
    },
    liveSessions(now: number): SessionRecord[] {
      return liveSessions.all(now).map(sessionOf);
    },
    findSession(id: string): SessionRecord | undefined {
      const row = findSession.get(id);
      return row && sessionOf(row);
    },
    setSessionExpiry(id: string, expiresAt: number): void {
      setSessionExpiry.run(expiresAt, id);
    },
    revokeSessions(ids: readonly string[], at: number, why: string): void {
      db.transaction(() => {
        for (const id of ids) revokeSession.run(at, why, id);
      })();
    },
    pruneSessions(beforeMs: number, maxRows: number): number {
      return pruneSessions.run(beforeMs, beforeMs, maxRows).changes;
    },
    appendAudit(records: readonly NewAuditRecord[]): void {
      db.transaction(writeAudit)(records);
    },
    queryAudit(q: AuditQuery): AuditRecord[] {
      const filters = AUDIT_FILTERS.filter((f) => q[f] !== undefined);
      const rows = auditQuery(filters).all(...filters.map((f) => q[f] ?? ''), q.limit);
      return rows.map(auditRecordOf);
    },
    auditBefore(beforeIso: string, limit: number, maxChars: number): AuditRecord[] {
      const out: AuditRecord[] = [];
      let chars = 0;
      for (const row of auditBefore.iterate(beforeIso, limit)) {
        out.push(auditRecordOf(row));
        chars += row.detail.length + (row.reason?.length ?? 0) + 200;
        if (chars >= maxChars) break;
      }
      return out;
    },
    deleteAudit(ids: readonly string[], meta: Readonly<Record<string, string>> = {}): number {
      const keys = ids.map(auditKey).filter((k): k is number => k !== null);
      return db.transaction(() => {
        let deleted = 0;
        for (let i = 0; i < keys.length; i += AUDIT_DELETE_BATCH) {
          const batch = keys.slice(i, i + AUDIT_DELETE_BATCH);
          deleted += db
            .prepare(`DELETE FROM audit WHERE id IN (${batch.map(() => '?').join(',')})`)
            .run(...batch).changes;
        }
        for (const [key, value] of Object.entries(meta)) setMeta.run(key, value);
        return deleted;
      })();
    },
    readRecordLog(kind: string, recordId: string, before: number, limit: number, maxChars: number): StoredLogEntry[] {
      const log = tables.find((t) => t.kind === kind)?.log;
      if (!log) throw new Error(`Records of kind ${kind} have no append-only log.`);
      const out: StoredLogEntry[] = [];
      let chars = 0;
      for (const row of log.before.iterate(recordId, before, limit)) {
        if (out.length > 0 && chars + row.entry.length > maxChars) break;
        chars += row.entry.length;
        out.push({ n: row.n, entry: JSON.parse(row.entry) });
      }
      return out.reverse();
    },
    dueForArchive(settledBefore: number, limit: number) {
      return dueForArchive.all(settledBefore, limit) as { kind: KindName; id: string }[];
    },
    findArchived(kind: KindName, id: string): unknown {
      return historyOf(kind).findArchived(id);
    },
    searchHistory(kind: KindName, search: HistorySearch): HistoryPage {
      return historyOf(kind).search(search);
    },
    getMeta(key: string): string | undefined {
      return getMeta.get(key)?.value;
    },
    setMeta(key: string, value: string): void {
      setMeta.run(key, value);
    },
    close(): void {
      if (!db.open) return;
      if (path !== ':memory:') db.pragma('wal_checkpoint(TRUNCATE)');
      db.close();
    },
  };
}
