/**
 * The SQLite schema as numbered migrations, applied in order at open, each in its own
 * transaction with `user_version` set to its number. Never edit a shipped migration: add the
 * next number. A new kind of record (shared/protocol/kinds.ts) needs one: `entityTable(name)`.
 */
export interface Migration {
  version: number;
  sql: string;
}

/**
 * The table of one kind of record: its id and the record as JSON. For the next migration that
 * adds a kind; until one does, only tests use it.
 * @public
 */
export function entityTable(table: string): string {
  return `CREATE TABLE ${table} (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;`;
}

/*
 * Version 1 is the schema as first shipped, with the entity tables added in place before
 * numbered migrations existed (walls, overlays, wall presets): every database of version 1
 * already holds them, so `IF NOT EXISTS` keeps this migration safe on those.
 */
const V1 = `
  CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  ${['incidents', 'units', 'cameras', 'alerts', 'service_points', 'walls', 'overlays', 'wall_presets']
    .map((t) => `CREATE TABLE IF NOT EXISTS ${t} (id TEXT PRIMARY KEY, data TEXT NOT NULL) STRICT;`)
    .join('\n')}
  CREATE TABLE IF NOT EXISTS journal (
    seq INTEGER PRIMARY KEY, ts INTEGER NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS commands (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL, type TEXT NOT NULL, ack TEXT NOT NULL, at INTEGER NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS commands_at ON commands (at);
  CREATE TABLE IF NOT EXISTS users (
    id TEXT PRIMARY KEY, username TEXT NOT NULL UNIQUE, role TEXT NOT NULL, password_hash TEXT NOT NULL
  ) STRICT;
  CREATE TABLE IF NOT EXISTS audit (
    id INTEGER PRIMARY KEY AUTOINCREMENT, at TEXT NOT NULL, user_id TEXT NOT NULL, username TEXT NOT NULL,
    role TEXT NOT NULL, action TEXT NOT NULL, target_id TEXT, result TEXT NOT NULL, reason TEXT,
    detail TEXT NOT NULL
  ) STRICT;
  CREATE INDEX IF NOT EXISTS audit_action ON audit (action, id);
`;

/*
 * Version 2: a command answer keeps the fingerprint of the payload it answered, so that an id sent
 * again with another payload is refused instead of answered (rows from before have none: NULL);
 * and the HLS gate reads one user's views of one camera without scanning everyone's.
 */
const V2 = `
  ALTER TABLE commands ADD COLUMN payload_hash TEXT;
  CREATE INDEX audit_action_user_target ON audit (action, user_id, target_id, id);
`;

/*
 * Version 3: server-side sessions, so that a sign-out, a disabled user or a changed role ends a
 * token at once, and a revocation survives a restart. Times are ms since the epoch (wall clock).
 */
const V3 = `
  CREATE TABLE sessions (
    id TEXT PRIMARY KEY, user_id TEXT NOT NULL, username TEXT NOT NULL, role TEXT NOT NULL,
    created_at INTEGER NOT NULL, expires_at INTEGER NOT NULL, revoked_at INTEGER, revoked_why TEXT
  ) STRICT;
  CREATE INDEX sessions_expires ON sessions (expires_at);
`;

/*
 * Version 4: bounded growth. An incident's whole log moves to an append-only table, numbered from
 * 0 (sms/storage/sqlite.ts appends to it whenever an incident is stored); the incident record
 * keeps its latest entries (at most 50 and 100,000 characters of text, always the latest one: the
 * values of INCIDENT_LOG_TAIL and INCIDENT_LOG_TAIL_CHARS when this shipped; `length` counts
 * characters where JavaScript counts UTF-16 units, which differs only for characters beyond the
 * BMP, and the SMS trims again on the next change) and the count of all its entries. Audit
 * retention reads the oldest rows by time (sms/core/auditRetention.ts), hence the index.
 */
const V4 = `
  CREATE TABLE incident_log (
    record_id TEXT NOT NULL, n INTEGER NOT NULL, entry TEXT NOT NULL, PRIMARY KEY (record_id, n)
  ) STRICT, WITHOUT ROWID;
  INSERT INTO incident_log (record_id, n, entry)
    SELECT i.id, l.key, l.value FROM incidents AS i, json_each(i.data, '$.log') AS l;
  UPDATE incidents SET data = json_set(
    data,
    '$.log', (
      SELECT json_group_array(json(value) ORDER BY key) FROM (
        SELECT key, value,
          row_number() OVER (ORDER BY key DESC) AS r,
          sum(length(json_extract(value, '$.text'))) OVER (ORDER BY key DESC) AS chars
        FROM json_each(incidents.data, '$.log')
      ) WHERE r = 1 OR (r <= 50 AND chars <= 100000)
    ),
    '$.logCount', json_array_length(data, '$.log')
  ) WHERE json_type(data, '$.logCount') IS NULL;
  CREATE INDEX audit_at ON audit (at);
`;

/** Milliseconds since the epoch of an ISO time in SQL (for V5's back-fill only). */
const msOf = (iso: string) => `CAST(round((julianday(${iso}) - 2440587.5) * 86400000) AS INTEGER)`;

/*
 * Version 5: bounded live state (issue 17). A closed incident or a handled alert is archived some
 * hours after its latest change (sms/core/archive.ts): it stays in its table with `archived = 1`,
 * out of the live state the SMS loads (hence the partial indexes), and the history routes search it
 * by time, ward, type and reference through virtual columns over the record's JSON (`h_at` the time
 * it happened, ISO, which sorts as time; `h_text` what a free-text search reads). `archive_due`
 * holds when each live closed or handled record last changed, written in the transaction that
 * changed it; rows of before this version get the record's own latest time (an incident's
 * `updatedAt`; an alert's `acknowledgedAt`, else `raisedAt`, as alerts carry no later time).
 */
const V5 = `
  ALTER TABLE incidents ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE incidents ADD COLUMN h_at TEXT GENERATED ALWAYS AS (json_extract(data, '$.createdAt')) VIRTUAL;
  ALTER TABLE incidents ADD COLUMN h_ref TEXT GENERATED ALWAYS AS (json_extract(data, '$.ref')) VIRTUAL;
  ALTER TABLE incidents ADD COLUMN h_type TEXT GENERATED ALWAYS AS (json_extract(data, '$.type')) VIRTUAL;
  ALTER TABLE incidents ADD COLUMN h_ward TEXT GENERATED ALWAYS AS (json_extract(data, '$.location.ward')) VIRTUAL;
  ALTER TABLE incidents ADD COLUMN h_text TEXT GENERATED ALWAYS AS (
    concat_ws(' ', json_extract(data, '$.ref'), json_extract(data, '$.summary'), json_extract(data, '$.location.address'))
  ) VIRTUAL;
  CREATE INDEX incidents_live ON incidents (id) WHERE archived = 0;
  CREATE INDEX incidents_h_at ON incidents (h_at, id);
  CREATE INDEX incidents_h_ward ON incidents (h_ward, h_at, id);
  CREATE INDEX incidents_h_type ON incidents (h_type, h_at, id);
  CREATE INDEX incidents_h_ref ON incidents (h_ref);

  ALTER TABLE alerts ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;
  ALTER TABLE alerts ADD COLUMN h_at TEXT GENERATED ALWAYS AS (json_extract(data, '$.raisedAt')) VIRTUAL;
  ALTER TABLE alerts ADD COLUMN h_ref TEXT GENERATED ALWAYS AS (json_extract(data, '$.id')) VIRTUAL;
  ALTER TABLE alerts ADD COLUMN h_type TEXT GENERATED ALWAYS AS (json_extract(data, '$.source')) VIRTUAL;
  ALTER TABLE alerts ADD COLUMN h_ward TEXT GENERATED ALWAYS AS (json_extract(data, '$.location.ward')) VIRTUAL;
  ALTER TABLE alerts ADD COLUMN h_text TEXT GENERATED ALWAYS AS (
    concat_ws(' ', json_extract(data, '$.id'), json_extract(data, '$.kind'), json_extract(data, '$.detail'),
      json_extract(data, '$.location.address'))
  ) VIRTUAL;
  CREATE INDEX alerts_live ON alerts (id) WHERE archived = 0;
  CREATE INDEX alerts_h_at ON alerts (h_at, id);
  CREATE INDEX alerts_h_ward ON alerts (h_ward, h_at, id);
  CREATE INDEX alerts_h_type ON alerts (h_type, h_at, id);
  CREATE INDEX alerts_h_ref ON alerts (h_ref);

  CREATE TABLE archive_due (
    kind TEXT NOT NULL, id TEXT NOT NULL, settled_at INTEGER NOT NULL, PRIMARY KEY (kind, id)
  ) STRICT, WITHOUT ROWID;
  CREATE INDEX archive_due_settled ON archive_due (settled_at);
  INSERT INTO archive_due (kind, id, settled_at)
    SELECT 'incident', id, ${msOf("json_extract(data, '$.updatedAt')")} FROM incidents
    WHERE json_extract(data, '$.status') = 'closed';
  INSERT INTO archive_due (kind, id, settled_at)
    SELECT 'alert', id, ${msOf("coalesce(json_extract(data, '$.acknowledgedAt'), json_extract(data, '$.raisedAt'))")}
    FROM alerts WHERE json_extract(data, '$.status') <> 'raised';
`;

/** Every migration of the SMS's SQLite schema, oldest first. */
export const SQLITE_MIGRATIONS: readonly Migration[] = [
  { version: 1, sql: V1 },
  { version: 2, sql: V2 },
  { version: 3, sql: V3 },
  { version: 4, sql: V4 },
  { version: 5, sql: V5 },
];
