// Renders docs/protocol.md from the zod schemas in shared/protocol and the rules of the SMS, so the
// integrator's document cannot drift from the code: protocolDoc.test.ts fails when the file is stale
// or a generated table disagrees with the code it comes from, and the contract tests under
// test/integration/contract provoke what the text states.
import { z } from 'zod';
import { canIncidentMove } from '../shared/domain/incidentStatus';
import { canUnitMove } from '../shared/domain/unitStatus';
import {
  AlertHistoryQuerySchema,
  AlertHistoryResponseSchema,
  AlertSchema,
  AuditRecordSchema,
  CameraSchema,
  COMMAND_TYPES,
  CommandAckSchema,
  CommandEnvelopeSchema,
  CommandSchemas,
  AuditResponseSchema,
  AUDIT_LIMIT,
  ErrorCodeSchema,
  HealthResponseSchema,
  HISTORY_LIMIT,
  IncidentHistoryQuerySchema,
  IncidentHistoryResponseSchema,
  EVENT_TYPES,
  EventPayloadSchemas,
  HandshakeAuthSchema,
  HttpErrorSchema,
  INCIDENT_LOG_PAGE_DEFAULT,
  INCIDENT_LOG_PAGE_MAX,
  INCIDENT_LOG_TAIL,
  IncidentLogQuerySchema,
  IncidentLogResponseSchema,
  IncidentSchema,
  IncidentStatusSchema,
  LocationSchema,
  LogEntrySchema,
  MapOverlaySchema,
  PROTOCOL_VERSION,
  ROLES,
  ReadySchema,
  ResyncSchema,
  ServicePointSchema,
  SessionRequestSchema,
  SessionResponseSchema,
  SnapshotSchema,
  UnitPositionSchema,
  UnitSchema,
  UnitStatusSchema,
  UserSchema,
  WallPresetSchema,
  WallSchema,
  type CommandType,
  type EventType,
} from '../shared/protocol';
import { DEFAULT_ACCOUNT_FAILURE_RATE, DEFAULT_LOGIN_RATE } from '../sms/auth/loginLimits';
import { DEFAULT_SESSION_MAX_AGE_MS, DEFAULT_TOKEN_TTL_MS } from '../sms/auth/sessions';
import { COMMAND_ROLES } from '../sms/commands/permissions';
import { DEFAULT_ARCHIVE_AFTER_MS } from '../sms/core/archive';
import { HISTORY_PAGE_CHARS, HISTORY_SCAN_ROWS } from '../sms/http/historyRoute';
import { DEFAULT_COMMAND_RATE, DEFAULT_USER_COMMAND_RATE } from '../sms/socket/server';
import { GRANT_STEP_MS, LIVE_GRANT_MS, VOD_GRANT_MS } from '../sms/video/grants';
import { refusalsTable } from './refusals';

/** One line per event type; typed by the map so a new event cannot go undocumented. */
const EVENT_DOCS: Record<EventType, string> = {
  'incident.created': 'A new incident, with the whole record (its log bounded: see "Incident log").',
  'incident.updated':
    'Any change to an incident (grade, status, assignment, note, link, close): the whole record, its log bounded to the latest entries with `logCount` the number in all (see "Incident log").',
  'unit.status': "A unit's status or assignment changed: the whole unit.",
  'unit.positions': 'A batch of unit movements (id, lon, lat, heading, speed); at most one batch per simulator tick.',
  'alert.raised': 'A new alert.',
  'alert.updated': 'An alert was acknowledged, dismissed or converted into an incident.',
  'incident.archived':
    'A closed incident left the live state, `--archive-after-hours` (default 8) after its latest change: `{incidentId}`. Drop it; it stays in the SMS (`GET /api/history/incidents`) and commands naming it answer `not_found` saying it is archived.',
  'alert.archived':
    'A handled (acknowledged, dismissed or converted) alert left the live state, `--archive-after-hours` (default 8) after its latest change: `{alertId}`. Drop it; it stays in the SMS (`GET /api/history/alerts`) and commands naming it answer `not_found`.',
  'camera.updated': 'A camera went on or offline, or its PTZ moved.',
  'servicePoint.updated': 'A Digital Service Point changed status (idle, in_call, offline, fault).',
  'wall.updated':
    'A video wall changed (layout, tiles, focus, alarm pop-up, a tour started, stopped or stepped on): the whole wall.',
  'wall.presetSaved': 'A wall preset was created or changed: the whole preset.',
  'wall.presetDeleted': 'A wall preset was deleted: its id.',
  'overlay.updated':
    'A major-event overlay (cordon, sector, rendezvous point) was drawn or redrawn: the whole overlay.',
  'overlay.removed': 'A major-event overlay was removed: its id.',
};

const COMMAND_DOCS: Record<CommandType, string> = {
  'incident.create':
    'Create an incident. With `alertId`, the alert becomes `converted` and is linked. Result: the new incident.',
  'incident.note': 'Add a note (1 to 10,000 characters) to the incident log.',
  'incident.assign':
    'Assign units that are `available`; they become `dispatched` and the incident `dispatched`. `conflict` if a unit is not available.',
  'incident.status':
    'Move the incident to another status allowed by the rules (`closed` only through `incident.close`).',
  'incident.grade': 'Regrade the incident (1–4).',
  'incident.close': 'Close with a result code; assigned units are released to `available`.',
  'incident.link':
    'Link a report to an existing incident instead of duplicating it: an alert (it becomes `converted`) and/or a further caller and what they said, logged as `link`. Result: the incident and the alert, or null.',
  'unit.status': 'Change a unit status along the allowed transitions.',
  'alert.acknowledge': 'Acknowledge a raised alert.',
  'alert.dismiss': 'Dismiss an alert with a reason.',
  'wall.layout':
    "Whoever may arrange the wall: change its layout (`custom` with its cells). Wall ids, for every `wallId`: the room's wall is `wall-room`, arranged by supervisor and above; each user's personal wall is `wall-user-<user id>`, arranged (and sent to) by that user only, whatever the others' role. These two are created on first use. Any other id must name a wall that exists (`walls` in the snapshot; supervisor and above arrange it), else every wall command answers `invalid` and creates nothing: `invalid` rather than `forbidden` because the id is wrong whoever sends it (a guessed `wall-*` would be a wall no workstation shows), so a retry keeps the answer. The id is checked first; then a wall the sender may not arrange answers `forbidden`.",
  'wall.tile':
    'Whoever may arrange the wall (see `wall.layout`): put a camera on a tile or clear it (`cameraId: null`).',
  'wall.swap': 'Whoever may arrange the wall (see `wall.layout`): swap two tiles.',
  'wall.focus': 'Whoever may arrange the wall (see `wall.layout`): show one tile full-screen, or none.',
  'wall.alarmTile':
    'Whoever may arrange the wall (see `wall.layout`): designate the tile that alarm pop-ups (alerts with a camera) go to.',
  'wall.show':
    "\"Send to wall\": any operator to the room's wall `wall-room`, from any workstation, and to their own personal wall; any other wall only if they may arrange it (another user's personal wall answers `forbidden`, an id that names no wall `invalid`: see `wall.layout`). Puts the cameras on the first tiles of the wall, widening the layout when needed. Stops the wall's tour and the tours of the tiles it fills.",
  'wall.presetSave':
    "Save a wall preset (layout, a camera or camera tour per tile, an optional whole-wall tour): `scope.kind: user` as the sender's own (any operator), `role` shared with everyone of that role (supervisor and above). With `presetId`, or the name of one in the same scope, replaces that preset. At most 50 per scope (`conflict`). Result: the preset.",
  'wall.presetDelete':
    'Delete a wall preset: the owner their own, supervisor and above a shared one (admins any). A wall touring through it moves on without it.',
  'wall.presetApply':
    "Put a preset meant for the sender (their own or their role's; admins any) on a wall they may arrange, in one change: layout, cameras, and its tours started now. Alarm pop-ups keep their tiles.",
  'wall.tour':
    "Start a tour of the whole wall (`tile: null`: pages of cameras, or presets in turn) or of one tile (cameras), each step shown `dwellSeconds`; `plan: null` stops it. Wall and tile tours exclude each other. The SMS advances tours on its clock and publishes `wall.updated` at each step; a `wall.tile` or `wall.swap` by an operator stops the tours of the tiles it touches (and the wall's). Third-party cameras are not toured.",
  'wall.tourStep':
    "Run by the SMS's tour timer only (refused to every role): put the wall at the step its tours want now.",
  'camera.ptz': 'Move a PTZ camera (pan, tilt, zoom or a preset 1–8); its `ptzState` and `bearing` follow.',
  'camera.status': 'Supervisor and above: take a camera offline or bring it back (its HLS answers 503 while offline).',
  'camera.view':
    'Open an audited view of a camera (screen, mode). Third-party cameras, `playback` and `snapshot` need a `reason`. Result: the view id.',
  'camera.viewEnd':
    "Close the sender's view with this `viewId` (the one `camera.view` answered) of this camera; the audit then holds who watched which camera from when to when. An end naming a view the sender did not open of that camera (another user's, an id the SMS never gave) answers `not_found` and closes nothing; ending a view already ended answers `ok` again. A client may treat `not_found` as done: there is no such view open.",
  'overlay.draw':
    'Supervisor, commander and admin: draw a cordon or sector (a closed polygon ring of 4–500 positions inside Greater London) or a rendezvous point (`rvp`, a point), named, optionally linked to an incident; with `overlayId`, redraw that overlay. Result: the overlay.',
  'overlay.remove': 'Supervisor, commander and admin: remove an overlay. `not_found` if it is already gone.',
};

const ENTITIES: [string, z.ZodType][] = [
  ['User', UserSchema],
  ['Location', LocationSchema],
  ['LogEntry', LogEntrySchema],
  ['Incident', IncidentSchema],
  ['Unit', UnitSchema],
  ['UnitPosition', UnitPositionSchema],
  ['Camera', CameraSchema],
  ['Alert', AlertSchema],
  ['ServicePoint', ServicePointSchema],
  ['Wall', WallSchema],
  ['WallPreset', WallPresetSchema],
  ['MapOverlay', MapOverlaySchema],
  ['AuditRecord', AuditRecordSchema],
];

/**
 * Which way a schema is read. A client writes `in` schemas: read as their input (`io: 'input'`),
 * so an optional field with a default is optional, and `additionalProperties: false` stands
 * exactly where the SMS refuses unknown keys (its strict objects). A client reads `out` schemas:
 * what the SMS sends (`io: 'output'`), open to fields a later version adds.
 */
type Direction = 'in' | 'out';

function registry(except?: z.ZodType) {
  const reg = z.registry<{ id: string }>();
  for (const [id, schema] of ENTITIES) if (schema !== except) reg.add(schema, { id });
  return reg;
}

/** Whether a zod schema is an object that refuses unknown keys (`z.strictObject`, `.strict()`). */
function isStrictObject(schema: z.core.$ZodType): boolean {
  const def = schema._zod.def as { type: string; catchall?: z.core.$ZodType };
  return def.type === 'object' && def.catchall?._zod.def.type === 'never';
}

/**
 * The JSON Schema (draft 2020-12) of one zod schema as a self-contained document: `$schema`
 * names the draft, and the entities it uses are in its own `$defs`, referenced as
 * `#/$defs/<Entity>`, so any JSON Schema tool resolves every `$ref` from the block alone.
 */
export function jsonSchemaOf(schema: z.ZodType, direction: Direction, self?: z.ZodType): Record<string, unknown> {
  const json = z.toJSONSchema(schema, {
    target: 'draft-2020-12',
    metadata: registry(self),
    io: direction === 'in' ? 'input' : 'output',
    unrepresentable: 'any',
    override: ({ zodSchema, jsonSchema }) => {
      // The registry above holds only the entity ids: a schema's own `.describe()` text comes from zod's.
      const description = z.globalRegistry.get(zodSchema)?.description;
      if (description !== undefined) jsonSchema.description = description;
      // zod's output mode closes every object; what the SMS sends is open to later additions.
      if (direction === 'out' && !isStrictObject(zodSchema)) delete jsonSchema.additionalProperties;
    },
  });
  const tidy = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(tidy);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      // zod's own pattern for ISO times restates `format: date-time` unreadably.
      if (key === 'pattern' && (node as { format?: string }).format === 'date-time') continue;
      out[key] = tidy(value);
    }
    return out;
  };
  return tidy(json) as Record<string, unknown>;
}

function jsonSchema(schema: z.ZodType, direction: Direction, self?: z.ZodType): string {
  return '```json\n' + JSON.stringify(jsonSchemaOf(schema, direction, self), null, 2) + '\n```\n';
}

const hours = (ms: number) => `${ms / 3_600_000} h`;
const days = (ms: number) => `${ms / 86_400_000} days`;
const minutes = (ms: number) => `${ms / 60_000} minutes`;
const perSecond = (r: { perSecond: number; burst: number }) =>
  r.perSecond >= 1 ? `${r.perSecond} a second` : `one every ${Math.round(1 / r.perSecond)} s`;

export function renderProtocolDoc(): string {
  const parts: string[] = [];
  const h = (s: string) => parts.push(s);
  h(`# JCCR ⇄ SMS protocol, version ${PROTOCOL_VERSION}\n`);
  h(
    '<!-- Generated by `npm run docs:protocol` from shared/protocol. Do not edit by hand: a test fails when it drifts. -->\n',
  );
  h(`This is the contract between the JCCR application and any Security Management System (SMS). The reference SMS
in \`sms/\` implements it; a vendor adapter must implement the same. All names below are fixed. Every message,
either way, is validated against these schemas; times are ISO-8601 UTC strings unless stated.

## Guarantees
- Every state change is an event in one journal with a strictly increasing \`seq\` (+1 across the whole SMS).
- A client that reconnects with the last \`seq\` it applied receives exactly the events it missed, in order,
  with no gap and no duplicate, also across SMS restarts. If the journal no longer reaches back that far the
  SMS emits \`resync\` and the client reloads the snapshot.
- Every operator action is a command with a client-generated \`id\`; retrying the same \`id\` returns the first
  answer and never acts twice, also after a restart. An \`id\` names one command: sent again with another type
  or payload it answers \`conflict\`.
- Every command is audited (who, what, when, target, result). Roles are enforced by the SMS (see "Who may
  send each command"): a \`viewer\` reads and watches, and every command it sends answers \`forbidden\`
  except \`camera.view\` and \`camera.viewEnd\`. Watching a camera is what a viewer is for, and every view is
  audited (who, which camera, which screen, and the reason where one is needed), so a viewer's views are
  commands like anyone's rather than unrecorded reads.
- What a client sends is strict; what the SMS sends is open. Every object a client writes (the login body,
  the handshake \`auth\`, the command envelope, every command payload at any depth) refuses a key it does not
  define: \`invalid\` (HTTP 400 for the login), with the key named, e.g. \`payload.location: unknown key
  "lattitude"\`. A misspelt optional field is refused instead of dropped while the sender believes it was
  read. Records and answers may gain fields in a later version of the protocol: a client ignores keys it
  does not know.

## Reading the schemas
Each schema below is a JSON Schema, draft 2020-12, complete in its block: \`$schema\` names the draft, and the
entities it uses are in its own \`$defs\` (\`"$ref": "#/$defs/Incident"\`), so a JSON Schema tool resolves it
from that block alone. What a client sends is given as the SMS reads it (zod's input side): optional fields
may be left out, and \`"additionalProperties": false\` stands exactly where the SMS refuses unknown keys.
What the SMS sends is given as it writes it (the output side): fields in \`required\` are always there, and
no object is closed, since a later version may add fields.

## HTTP
| request | answer |
|---|---|
| \`POST /api/session\` with JSON \`{username, password}\` | 200 \`SessionResponse\` (\`{token, user: {id, username, role}, protocolVersion, expiresAt}\`); 400 \`invalid\`; 401 \`unauthorized\` for a wrong username or password; 429 \`rate_limited\` |
| \`POST /api/session/renew\` with \`Authorization: Bearer <token>\` | 200 \`SessionResponse\`: a fresh token for the same session; 401 when the session is no longer valid |
| \`DELETE /api/session\` with \`Authorization: Bearer <token>\` | 204: signed out (see "Sessions"); 401 when the session is no longer valid |
| \`GET /api/snapshot\` with \`Authorization: Bearer <token>\` | 200 \`Snapshot\`, or 401 |
| \`GET /api/incidents/:id/log?before=&limit=\` (Bearer, any role) | 200 \`IncidentLogResponse\`; 400 \`invalid\` for a malformed id or query; 404 \`not_found\` for an unknown incident; 401 |
| \`GET /api/history/incidents?q=&from=&to=&ward=&type=&cursor=&limit=\` (Bearer, any role) | 200 \`IncidentHistoryResponse\`; 400 \`invalid\` for an unknown, repeated or malformed parameter or a cursor of another search; 401 |
| \`GET /api/history/alerts?q=&from=&to=&ward=&type=&cursor=&limit=\` (Bearer, any role) | 200 \`AlertHistoryResponse\`; as above, \`type\` being the alert's source |
| \`GET /api/health\` | 200 \`{status, seq, protocolVersion}\` |
| \`GET /api/audit?limit=&action=\` (supervisor, admin) | 200 \`{records: AuditRecord[]}\`; 400 \`invalid\` for a bad \`limit\`; 403 for other roles; 401 |

Roles: ${ROLES.map((r) => `\`${r}\``).join(', ')}. Errors answer \`HttpError\`.

### Sessions
A sign-in opens a session on the SMS, kept across SMS restarts. Its token is valid while the session has not
expired, has not been signed out or revoked, and its user still exists, is not disabled and has the role it
signed in with. A session expires ${hours(DEFAULT_TOKEN_TTL_MS)} (one shift; the SMS's \`tokenTtlMs\`) after the
sign-in or after its latest renewal, and never later than ${days(DEFAULT_SESSION_MAX_AGE_MS)} after the sign-in:
then sign in again. \`expiresAt\` in \`SessionResponse\` says when (ISO 8601, UTC, on the wall clock). A client
renews while it is in use (\`POST /api/session/renew\`; the JCCR app every 10 minutes and when a window becomes
visible again); the new token replaces the old for the next requests and handshakes; the old one stays valid
until the \`expiresAt\` it came with (or the session ends).
Sign-out (\`DELETE /api/session\`) ends the session: REST answers 401 to its tokens at once, and every socket
of that session is disconnected within 2 s; a reconnect is refused with \`connect_error\` \`unauthorized\`.
The SMS revokes every session of a user, also within 2 s, when its users file changes (re-read when the
file changes and on SIGHUP): a user removed, disabled (\`"disabled": true\`) or given another role. A socket
is disconnected when its session expires. Audited: \`session.login\`, \`session.renew\`, \`session.logout\`,
\`session.revoked\` (with why: \`user_removed\`, \`user_disabled\`, \`role_changed\`).

### Sign-in limits
Sign-ins are limited per client address (${perSecond(DEFAULT_LOGIN_RATE)}, bursts of ${DEFAULT_LOGIN_RATE.burst})
and, for failed attempts, per account (${perSecond(DEFAULT_ACCOUNT_FAILURE_RATE)}, bursts of
${DEFAULT_ACCOUNT_FAILURE_RATE.burst}). A refused sign-in answers 429 \`rate_limited\` with the header
\`Retry-After: <seconds>\` (a whole number, rounded up) and \`retryAfterMs\` (whole milliseconds) in the
\`HttpError\` body; while limited, the password is not checked at all. Refused sign-ins are audited at most
once a minute per address and per account, saying how many were refused since the last record.

### Audit
\`GET /api/audit\` answers the newest records first (by when they were written). \`limit\` is how many, a whole number
from ${AUDIT_LIMIT.min} to ${AUDIT_LIMIT.max} (default ${AUDIT_LIMIT.default}); a value that does not read as one
answers 400 \`invalid\`. \`action\` keeps only records of exactly that action (a command type, \`session.login\`,
\`camera.view\`…). Any other query parameter answers 400 \`invalid\` naming it.

### Incident log
An incident record (\`incident.created\`, \`incident.updated\`, the snapshot) carries the latest
${INCIDENT_LOG_TAIL} entries of its log at most (fewer when they are long), oldest first, and \`logCount\`,
the number of entries in all. The whole log is read with \`GET /api/incidents/:id/log\`: entries numbered
from 0 (the first ever written), oldest first; \`before=<n>\` gives entries numbered below n (default: all),
\`limit\` at most that many (1 to ${INCIDENT_LOG_PAGE_MAX}, default ${INCIDENT_LOG_PAGE_DEFAULT}), the latest
of them. Earlier pages: \`before\` set to the first entry's \`n\`.

### History
Closed incidents and handled (acknowledged, dismissed, converted) alerts leave the live state (the snapshot,
every client) \`--archive-after-hours\` (default ${DEFAULT_ARCHIVE_AFTER_MS / 3_600_000}) hours of the SMS clock after their latest change, with
\`incident.archived\` / \`alert.archived\`. They stay in the SMS: \`GET /api/history/incidents\` and
\`GET /api/history/alerts\` search every record, live and archived (\`archived\` says which), newest first by
\`createdAt\` (\`raisedAt\`). \`q\` is a reference (\`CAD-yyyy-nnnnnn\`, an alert id: exact) or text found in the
reference, summary (detail, kind) or address (ASCII case-insensitive); \`from\` (inclusive) and \`to\` (exclusive) are
ISO times; \`ward\` exact; \`type\` an incident type or an alert source; \`limit\` ${HISTORY_LIMIT.min} to ${HISTORY_LIMIT.max}
(default ${HISTORY_LIMIT.default}). A page reads at most ${HISTORY_SCAN_ROWS} records and holds about ${HISTORY_PAGE_CHARS.toLocaleString('en-GB')} characters of them at most: it may hold fewer than \`limit\` items, even none, and still give a
\`nextCursor\`; \`nextCursor: null\` means nothing more can match. A cursor is opaque and valid only with the same other
parameters. A command naming an archived record answers \`not_found\` saying it is archived.

### SessionRequest (sent)\n${jsonSchema(SessionRequestSchema, 'in')}
### SessionResponse\n${jsonSchema(SessionResponseSchema, 'out')}
### Snapshot\n${jsonSchema(SnapshotSchema, 'out')}
### IncidentLogQuery (sent, as the query string)\n${jsonSchema(IncidentLogQuerySchema, 'in')}
### IncidentLogResponse\n${jsonSchema(IncidentLogResponseSchema, 'out')}
### IncidentHistoryQuery (sent, as the query string)\n${jsonSchema(IncidentHistoryQuerySchema, 'in')}
### IncidentHistoryResponse\n${jsonSchema(IncidentHistoryResponseSchema, 'out')}
### AlertHistoryQuery (sent, as the query string)\n${jsonSchema(AlertHistoryQuerySchema, 'in')}
### AlertHistoryResponse\n${jsonSchema(AlertHistoryResponseSchema, 'out')}
### HealthResponse\n${jsonSchema(HealthResponseSchema, 'out')}
### AuditResponse\n${jsonSchema(AuditResponseSchema, 'out')}
### HttpError\n${jsonSchema(HttpErrorSchema, 'out')}
Other HTTP answers: 400 \`invalid\` (malformed JSON or fields), 413 \`too_large\` (bodies over 64 KiB),
415 \`unsupported_media_type\` (the API takes JSON only), 404 \`not_found\`; all in the \`HttpError\` shape.
Pages of other origins may call the API when the SMS allows their origin (CORS; the Electron app's
\`jccr://app\` always is).

## socket.io
Same origin as HTTP, default namespace and path. Handshake \`auth\` (sent):
${jsonSchema(HandshakeAuthSchema, 'in')}
A missing, forged or expired token, or one of a session that has ended, is refused with \`connect_error\`
whose message is \`unauthorized\`. A malformed \`auth\` (a \`since\` that is not a whole number ≥ 0, an unknown
key) is refused with a \`connect_error\` whose message starts \`invalid handshake\` and names the field.

Server to client:
- \`event\`: an event envelope \`{seq, ts, type, payload}\`, \`ts\` in milliseconds since the Unix epoch (on the
  SMS clock: see "Time"). With \`since: N\` in the handshake, every event with \`seq > N\` comes first, in
  order, then live events.
- \`ready\`: the replay after \`since\` is complete; every later \`event\` is live. \`ready.seq\` is the journal's
  latest \`seq\` when live delivery began: the last event replayed, or \`since\` itself when there was nothing to
  replay, or (without \`since\`) the latest \`seq\` when the socket joined; every event after \`ready\` has a
  greater \`seq\`. \`replayed\` counts the events replayed (0 without \`since\`). A connection gets \`ready\` or
  \`resync\`, never both.
${jsonSchema(ReadySchema, 'out')}
- \`resync\`: the journal no longer reaches back to \`since\` (or \`since\` is ahead of it): reload \`GET /api/snapshot\`
  and continue from its \`seq\`. No \`ready\` follows a \`resync\`: the socket already receives live events when
  \`resync\` arrives; drop those with \`seq\` at or below the reloaded snapshot's.
${jsonSchema(ResyncSchema, 'out')}
Client to server:
- \`command\` with an acknowledgement callback (sent):
${jsonSchema(CommandEnvelopeSchema, 'in')}
  answered with
${jsonSchema(CommandAckSchema, 'out')}
  Error codes: ${ErrorCodeSchema.options.map((c) => `\`${c}\``).join(', ')}; which refusal answers which is in
  "Refusals".

  Retrying an \`id\` returns the first answer when it was \`ok\`, \`invalid\`, \`not_found\` or \`conflict\`;
  after \`forbidden\`, \`rate_limited\`, \`unauthorized\` or \`internal\` nothing was done and the retry runs
  afresh. An \`id\` already used by another user answers \`conflict\`; so does an \`id\` sent again with another
  type or payload (payloads compared as JSON with keys sorted), with the message "This command id was already
  used for a different command." and nothing run. A retry is audited with result \`retry\`, the first outcome
  in its \`detail\`. A command without an acknowledgement callback is ignored. Commands are rate limited per
  connection (${perSecond(DEFAULT_COMMAND_RATE)}, bursts of ${DEFAULT_COMMAND_RATE.burst}) and per user across
  all of their connections (${perSecond(DEFAULT_USER_COMMAND_RATE)}, bursts of ${DEFAULT_USER_COMMAND_RATE.burst}):
  a command over either answers \`rate_limited\` with \`retryAfterMs\`, the whole milliseconds until one more
  would be accepted. A command on a connection whose session has expired answers \`unauthorized\`.

## Refusals
The code each refusal answers (\`{ok: false, error: {code, message}}\`); the message says what to fix.

${refusalsTable()}
## Status transitions
The moves \`incident.status\` and \`unit.status\` accept (shared/domain/incidentStatus.ts, unitStatus.ts),
from the status in the row to the status in the column. A move not marked answers \`conflict\`.

Incidents (\`incident.status\`; \`closed\` is reached only through \`incident.close\`, which needs a result code:
\`incident.status\` to \`closed\` answers \`invalid\`; a closed incident reopens to \`open\`):

${transitionsTable(IncidentStatusSchema.options, canIncidentMove)}
Units (\`unit.status\`; the same status again changes nothing and answers \`ok\`; \`dispatched\`, \`en_route\` and
\`on_scene\` also need the unit to be on an incident, else \`conflict\`). Assigning (\`incident.assign\`) takes
\`available\` units to \`dispatched\`; closing an incident returns its units to \`available\`. An incident's status
also follows its units': \`on_scene\` when one is, \`dispatched\` while one is on its way, \`open\` when none is
(where the incident table allows the move).

${transitionsTable(UnitStatusSchema.options, canUnitMove)}
## Time
The SMS keeps one clock for what it records: every event's \`ts\`, and every time in records and the audit
(\`createdAt\`, \`updatedAt\`, \`closedAt\`, log entries' \`at\`, \`raisedAt\`, \`acknowledgedAt\`, tours' \`startedAt\`,
audit \`at\`), and tours advance on it. It is the wall clock, except while the reference SMS runs its simulator
with \`--speed N\`: then it runs N times faster, starting from now or, after an earlier accelerated run, just
after the journal's latest time, so it never runs back across a restart. Compare these times with each other,
or with the SMS's \`ts\`, not with the client's own clock. The wall clock, whatever the speed: session expiry
(\`expiresAt\`) and renewal, sign-in and command rate limits, video (the HLS live edge and segment grants).

## Video (HLS)
Streams are HLS, at the URL in each camera's \`streams\`. Every /hls request (playlists, init and media
segments) needs \`Authorization: Bearer <token>\` of a live session: without one it answers 401 with
\`WWW-Authenticate: Bearer\`. Where a view must be open it answers 403 without one: a third-party camera's
live stream (an open \`camera.view\` of it with a reason, in \`live\` or \`playback\` mode) and any recording
(an open \`playback\` view with a reason). Every init and segment URL, as a media playlist gives it, carries
\`?grant=<grant>\`: a signed grant bound to the user, camera, stream and expiry (${minutes(LIVE_GRANT_MS)} in a
live playlist, which the player reloads every second, so each reload carries fresh grants;
${minutes(VOD_GRANT_MS)} in a recording's playlist; expiries are rounded down to ${GRANT_STEP_MS / 1000} s so
reloads within a step keep the same URLs). An init or segment without a valid grant for the token's user
answers 403 (an expired one says so: load the media playlist again). Segments are \`Cache-Control: private\`
for as long as their grant lasts; media playlists are \`no-store\`. Ending the view (\`camera.viewEnd\`) stops
new grants within 2 s; grants already given run out with their life. Errors have the \`HttpError\` body;
\`offline\` (503, camera offline) and \`encoding\` (503, the stream is being prepared) come with
\`Retry-After\`. /hls follows the same CORS policy as /api.

A live media playlist (\`<stream>/live.m3u8\`) is low-latency HLS (RFC 8216bis): one-second segments of
five 200 ms parts (\`EXT-X-PART-INF:PART-TARGET=0.200\`, \`EXT-X-PART\` for the last three segments with
\`INDEPENDENT=YES\` on key-frame parts, one \`EXT-X-PRELOAD-HINT:TYPE=PART\`), and
\`EXT-X-SERVER-CONTROL:CAN-BLOCK-RELOAD=YES,PART-HOLD-BACK=0.6,HOLD-BACK=3.0\`. Parts are at
\`<stream>/<key>/<msn>.<part>.m4s?grant=\` under the same grant rules as segments. A reload with \`_HLS_msn\`
(and optionally \`_HLS_part\`) is held until that part exists; it answers 400 \`invalid\` when malformed or
more than two segments ahead, 503 \`timeout\` after three target durations (3 s), and 503 \`busy\` when the
SMS already holds its limit of waiting requests. A player that does not speak low-latency HLS ignores these
tags and plays the segments. A new \`EXT-X-MAP\` inside a playlist marks a change of encoding (a camera's
quick first rendition giving way to its full loop); media time stays wall-clock time throughout. A PTZ
camera's live picture follows its \`ptzState\`; its recordings come from its fixed loop.

## Events
`);
  for (const type of EVENT_TYPES) {
    h(`### \`${type}\`\n${EVENT_DOCS[type]}\n\nPayload:\n${jsonSchema(EventPayloadSchemas[type], 'out')}`);
  }
  h(`## Who may send each command\n\n${rolesTable()}\nA role not marked answers \`forbidden\`. Some commands
also check the record itself (who may arrange a wall, share a preset): those answers are in each command's
text below. A command no role may send is run only by the SMS itself.\n`);
  h('## Commands\n');
  for (const type of COMMAND_TYPES) {
    const { payload, result } = CommandSchemas[type];
    h(
      `### \`${type}\`\n${COMMAND_DOCS[type]}\n\nPayload (sent):\n${jsonSchema(payload, 'in')}\nResult:\n${jsonSchema(result, 'out')}`,
    );
  }
  h('## Entities\n');
  for (const [id, schema] of ENTITIES) h(`### ${id}\n${jsonSchema(schema, 'out', schema)}`);
  return parts.join('\n');
}

/** The roles of every command as the SMS enforces them (sms/commands/permissions.ts), as a table. */
function rolesTable(): string {
  const head = `| command | ${ROLES.join(' | ')} |\n|---|${ROLES.map(() => '---|').join('')}\n`;
  const rows = COMMAND_TYPES.map(
    (type) => `| \`${type}\` | ${ROLES.map((r) => (COMMAND_ROLES[type].includes(r) ? 'yes' : '—')).join(' | ')} |`,
  );
  return `${head}${rows.join('\n')}\n`;
}

/** Which status may follow which, from the shared rule the SMS applies: rows from, columns to. */
function transitionsTable<S extends string>(statuses: readonly S[], canMove: (from: S, to: S) => boolean): string {
  const head = `| from \\ to | ${statuses.map((s) => `\`${s}\``).join(' | ')} |\n|---|${statuses.map(() => '---|').join('')}\n`;
  const rows = statuses.map(
    (from) => `| \`${from}\` | ${statuses.map((to) => (canMove(from, to) ? 'yes' : '—')).join(' | ')} |`,
  );
  return `${head}${rows.join('\n')}\n`;
}
