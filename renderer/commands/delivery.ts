import type { CommandType } from '../../shared/protocol';

/**
 * How a command reaches the SMS. `outbox`: it may wait (persisted, resent with its first id until
 * the SMS answers, shown under Pending actions). `direct`: it goes now or fails now, and the
 * surface that sent it shows the failure.
 */
export type Delivery = 'outbox' | 'direct';

/**
 * Which commands may wait, decided once. A command may wait when it records what an operator did
 * or decided, so losing it would lose the record, and applying it late is still right (the SMS
 * rejects one that no longer fits, and the refusal is shown). A command must not wait when it is
 * only right now (late, it would undo what others did since, or move a camera nobody watches any
 * more) or when the operator needs its answer to go on. Keyed by every command type, so a new one
 * does not compile until it is classified here.
 */
export const DELIVERY = {
  // A dispatcher's record of an incident: what was reported, who went, what happened. These are
  // what "never lose an action" is for, and the console shows them at once (optimistic).
  'incident.create': 'outbox',
  'incident.note': 'outbox',
  'incident.assign': 'outbox',
  'incident.status': 'outbox',
  'incident.grade': 'outbox',
  'incident.close': 'outbox',
  'incident.link': 'outbox',
  // A unit's status is the dispatcher's word on where it is; later is better than never.
  'unit.status': 'outbox',
  // Handling an alert must stick: an acknowledged or dismissed alert must not come back raised.
  'alert.acknowledge': 'outbox',
  'alert.dismiss': 'outbox',
  // The wall is a shared, live display: an arrangement applied minutes late would overwrite what
  // colleagues arranged since, and the operator sees at once whether the wall changed.
  'wall.layout': 'direct',
  'wall.tile': 'direct',
  'wall.swap': 'direct',
  'wall.focus': 'direct',
  'wall.alarmTile': 'direct',
  'wall.show': 'direct',
  'wall.presetApply': 'direct',
  'wall.tour': 'direct',
  // Preset changes are answered in the preset controls (a name clash, a role the sender lacks);
  // a save queued behind an offline link would leave the operator unsure which presets exist.
  'wall.presetSave': 'direct',
  'wall.presetDelete': 'direct',
  // Sent by the SMS's own tour timer, never by a window.
  'wall.tourStep': 'direct',
  // Stale when late: a camera moved after the moment has passed points at the wrong thing.
  'camera.ptz': 'direct',
  'camera.status': 'direct',
  // A view needs its answer (the view id) before the picture shows, and playback and snapshots
  // pass a reason gate the operator answers now; an audited view that opens late would record
  // watching that did not happen, and its end is recorded when it reaches the SMS.
  'camera.view': 'direct',
  'camera.viewEnd': 'direct',
  // The map's drawing tool shows the drawn overlay from the answer and a refusal beside the tool;
  // a cordon redrawn late would overwrite a colleague's newer one.
  'overlay.draw': 'direct',
  'overlay.remove': 'direct',
} as const satisfies { readonly [T in CommandType]: Delivery };

/** The commands that may wait in the outbox. */
export type QueuedCommandType = {
  [T in CommandType]: (typeof DELIVERY)[T] extends 'outbox' ? T : never;
}[CommandType];

/** The commands that go now or fail now. */
export type DirectCommandType = Exclude<CommandType, QueuedCommandType>;

/** Whether `type` may wait in the outbox. */
export function mayWait(type: CommandType): type is QueuedCommandType {
  return DELIVERY[type] === 'outbox';
}
