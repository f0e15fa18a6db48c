// The refusals a client meets and the code each answers, as docs/protocol.md states them. Every
// row is provoked on a real SMS by test/integration/contract/refusals.test.ts, which fails when
// the SMS answers another code or a row has no provocation: the table cannot drift from the code.
import type { ErrorCode } from '../shared/protocol';
import { MAX_COMMAND_PAYLOAD_BYTES, MAX_COMMAND_PAYLOAD_DEPTH } from '../sms/core/submission';

export interface Refusal {
  /** What the sender did. */
  when: string;
  /** The `error.code` of the acknowledgement. */
  code: ErrorCode;
}

/** Every documented refusal, by a key the contract test provokes it under. */
export const REFUSALS = {
  unknownType: { when: 'A command `type` the SMS does not know.', code: 'invalid' },
  malformedEnvelope: {
    when: 'A malformed envelope: an `id` shorter than 8 characters, a missing `type`, an unknown key.',
    code: 'invalid',
  },
  badPayload: {
    when: 'A payload that fails its schema: a missing field, a wrong type, a value out of range, an unknown key at any depth (named in the message, e.g. `payload.location: unknown key "lattitude"`).',
    code: 'invalid',
  },
  hugePayload: {
    when: `A payload nested deeper than ${MAX_COMMAND_PAYLOAD_DEPTH} levels of arrays and objects, or larger than ${MAX_COMMAND_PAYLOAD_BYTES / 1024} KiB as JSON.`,
    code: 'invalid',
  },
  roleForbidden: {
    when: 'A command the sender\'s role may not send (see "Who may send each command"); `wall.tourStep` from any client.',
    code: 'forbidden',
  },
  unknownRecord: {
    when: 'An id that names no record: incident, unit, alert, camera, wall preset, overlay.',
    code: 'not_found',
  },
  closedIncident: {
    when: 'Assigning, regrading or closing a closed incident, or linking a report to it (notes are still taken).',
    code: 'conflict',
  },
  incidentMove: {
    when: '`incident.status` to a status the rules do not allow from the current one (see "Status transitions"), the same status included.',
    code: 'conflict',
  },
  incidentCloseByStatus: {
    when: '`incident.status` to `closed`: closing needs `incident.close` and its result code.',
    code: 'invalid',
  },
  unitMove: {
    when: '`unit.status` to a status the rules do not allow from the current one (see "Status transitions").',
    code: 'conflict',
  },
  unitWithoutIncident: {
    when: '`unit.status` to `dispatched`, `en_route` or `on_scene` for a unit on no incident.',
    code: 'conflict',
  },
  unitNotAvailable: { when: '`incident.assign` of a unit that is not `available`.', code: 'conflict' },
  repeatedAcknowledge: {
    when: '`alert.acknowledge` of an alert that is no longer `raised` (acknowledged again, dismissed, converted); `alert.dismiss` of one dismissed or converted.',
    code: 'conflict',
  },
  missingDismissReason: { when: '`alert.dismiss` without a reason (or an empty one).', code: 'invalid' },
  missingViewReason: {
    when: '`camera.view` of a third-party camera, or in `playback` or `snapshot` mode, without a `reason`.',
    code: 'invalid',
  },
  unknownViewId: {
    when: "`camera.viewEnd` naming a view the sender did not open of that camera (another user's, an unknown id).",
    code: 'not_found',
  },
  unknownWallId: {
    when: "A wall command naming a wall id that is not `wall-room`, the sender's own `wall-user-<user id>` or an existing wall.",
    code: 'invalid',
  },
  othersWall: {
    when: "A wall command on another user's personal wall (one that exists: before its owner's first use, its id names no wall and answers `invalid`).",
    code: 'forbidden',
  },
  fixedCameraPtz: { when: '`camera.ptz` of a fixed camera.', code: 'conflict' },
  reusedId: {
    when: 'A command `id` sent again with another type or payload, or an `id` another user used.',
    code: 'conflict',
  },
  rateLimited: {
    when: 'More commands than the rate limits allow, per connection or per user (see "socket.io"); the error carries `retryAfterMs`.',
    code: 'rate_limited',
  },
} as const satisfies Record<string, Refusal>;

export type RefusalKey = keyof typeof REFUSALS;

/** The table as the document shows it. */
export function refusalsTable(): string {
  const rows = Object.values(REFUSALS).map((r: Refusal) => `| ${r.when} | \`${r.code}\` |`);
  return `| refused when | code |\n|---|---|\n${rows.join('\n')}\n`;
}
