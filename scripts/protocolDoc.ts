// Renders docs/protocol.md from the zod schemas in shared/protocol, so the integrator's
// document cannot drift from the code: protocolDoc.test.ts fails when the file is stale.
import { z } from 'zod';
import {
  AlertSchema,
  AuditRecordSchema,
  CameraSchema,
  COMMAND_TYPES,
  CommandAckSchema,
  CommandEnvelopeSchema,
  CommandSchemas,
  AuditResponseSchema,
  ErrorCodeSchema,
  HealthResponseSchema,
  EVENT_TYPES,
  EventPayloadSchemas,
  HandshakeAuthSchema,
  HttpErrorSchema,
  IncidentSchema,
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
  UserSchema,
  WallPresetSchema,
  WallSchema,
  type CommandType,
  type EventType,
} from '../shared/protocol';
import { COMMAND_ROLES } from '../sms/commands/permissions';

/** One line per event type; typed by the map so a new event cannot go undocumented. */
const EVENT_DOCS: Record<EventType, string> = {
  'incident.created': 'A new incident, with the whole record.',
  'incident.updated': 'Any change to an incident (grade, status, assignment, note, link, close): the whole record.',
  'unit.status': "A unit's status or assignment changed: the whole unit.",
  'unit.positions': 'A batch of unit movements (id, lon, lat, heading, speed); at most one batch per simulator tick.',
  'alert.raised': 'A new alert.',
  'alert.updated': 'An alert was acknowledged, dismissed or converted into an incident.',
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
    "Close the sender's view with this `viewId` (the one `camera.view` answered); the audit then holds who watched which camera from when to when. An end naming no view of the sender's closes nothing.",
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

function registry(except?: z.ZodType) {
  const reg = z.registry<{ id: string }>();
  for (const [id, schema] of ENTITIES) if (schema !== except) reg.add(schema, { id });
  return reg;
}

/** JSON Schema of one zod schema, entities referenced by name, without noise an integrator does not need. */
function jsonSchema(schema: z.ZodType, self?: z.ZodType): string {
  const json = z.toJSONSchema(schema, {
    metadata: registry(self),
    io: 'output',
    unrepresentable: 'any',
    // The registry above holds only the entity ids: a schema's own `.describe()` text comes from zod's.
    override: ({ zodSchema, jsonSchema }) => {
      const description = z.globalRegistry.get(zodSchema)?.description;
      if (description !== undefined) jsonSchema.description = description;
    },
  });
  const tidy = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(tidy);
    if (node === null || typeof node !== 'object') return node;
    const out: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(node)) {
      if (key === '$schema' || key === '$defs') continue;
      if (key === 'pattern' && (node as { format?: string }).format === 'date-time') continue;
      if (key === '$ref' && typeof value === 'string') {
        out[key] = value.replace('#/$defs/', '#').toLowerCase();
        continue;
      }
      out[key] = tidy(value);
    }
    return out;
  };
  return '```json\n' + JSON.stringify(tidy(json), null, 2) + '\n```\n';
}

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

## HTTP
| request | answer |
|---|---|
| \`POST /api/session\` with JSON \`{username, password}\` | 200 \`{token, user: {id, username, role}, protocolVersion}\`, or 401 |
| \`GET /api/snapshot\` with header \`Authorization: Bearer <token>\` | 200 \`{seq, incidents, units, cameras, alerts, servicePoints}\`, or 401 |
| \`GET /api/health\` | 200 \`{status, seq, protocolVersion}\` |
| \`GET /api/audit?limit=&action=\` (supervisor, admin) | 200 \`{records: AuditRecord[]}\`, 403 for other roles |

Roles: \`dispatcher\`, \`supervisor\`, \`commander\`, \`viewer\`, \`admin\`. Errors answer \`HttpError\`.

### SessionRequest\n${jsonSchema(SessionRequestSchema)}
### SessionResponse\n${jsonSchema(SessionResponseSchema)}
### Snapshot\n${jsonSchema(SnapshotSchema)}
### HealthResponse\n${jsonSchema(HealthResponseSchema)}
### AuditResponse\n${jsonSchema(AuditResponseSchema)}
### HttpError\n${jsonSchema(HttpErrorSchema)}
Other HTTP answers: 400 \`invalid\` (malformed JSON or fields), 413 \`too_large\` (bodies over 64 KiB),
415 \`unsupported_media_type\` (the API takes JSON only), 429 \`rate_limited\` (login attempts per address),
404 \`not_found\`; all in the \`HttpError\` shape. Pages of other origins may call the API when the SMS
allows their origin (CORS; the Electron app's \`jccr://app\` always is).

## socket.io
Same origin as HTTP, default namespace and path. Handshake \`auth\`:
${jsonSchema(HandshakeAuthSchema)}
A missing, forged or expired token is refused with \`connect_error\` whose message is \`unauthorized\`.

Server to client:
- \`event\`: an event envelope \`{seq, ts, type, payload}\`, \`ts\` in milliseconds since the Unix epoch.
  With \`since: N\` in the handshake, every event with \`seq > N\` comes first, in order, then live events.
- \`ready\`: the replay after \`since\` is complete; every later \`event\` is live. Also sent, with
  \`replayed: 0\`, to a client that connected without \`since\`.
${jsonSchema(ReadySchema)}
- \`resync\`: the journal no longer reaches back to \`since\` (or \`since\` is ahead of it): reload \`GET /api/snapshot\`
  and continue from its \`seq\`. The socket already receives live events when \`resync\` arrives: drop those
  with \`seq\` at or below the reloaded snapshot's.
${jsonSchema(ResyncSchema)}
Client to server:
- \`command\` with an acknowledgement callback:
${jsonSchema(CommandEnvelopeSchema)}
  answered with
${jsonSchema(CommandAckSchema)}
  Error codes: ${ErrorCodeSchema.options.map((c) => `\`${c}\``).join(', ')}.

  Retrying an \`id\` returns the first answer when it was \`ok\`, \`invalid\`, \`not_found\` or \`conflict\`;
  after \`forbidden\`, \`rate_limited\`, \`unauthorized\` or \`internal\` nothing was done and the retry runs
  afresh. An \`id\` already used by another user answers \`conflict\`; so does an \`id\` sent again with another
  type or payload (payloads compared as JSON with keys sorted), with the message "This command id was already
  used for a different command." and nothing run. A retry is audited with result \`retry\`, the first outcome
  in its \`detail\`. A command without an acknowledgement
  callback is ignored. Commands are rate limited per connection (20 a second, bursts of 50). A malformed
  \`since\` is refused with a \`connect_error\` whose message starts \`invalid handshake\`; when a token
  expires the SMS disconnects the socket.

## Events
`);
  for (const type of EVENT_TYPES) {
    h(`### \`${type}\`\n${EVENT_DOCS[type]}\n\nPayload:\n${jsonSchema(EventPayloadSchemas[type])}`);
  }
  h(`## Who may send each command\n\n${rolesTable()}\nA role not marked answers \`forbidden\`. Some commands
also check the record itself (who may arrange a wall, share a preset): those answers are in each command's
text below. A command no role may send is run only by the SMS itself.\n`);
  h('## Commands\n');
  for (const type of COMMAND_TYPES) {
    const { payload, result } = CommandSchemas[type];
    h(`### \`${type}\`\n${COMMAND_DOCS[type]}\n\nPayload:\n${jsonSchema(payload)}\nResult:\n${jsonSchema(result)}`);
  }
  h('## Entities\n');
  for (const [id, schema] of ENTITIES) h(`### ${id}\n${jsonSchema(schema, schema)}`);
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
