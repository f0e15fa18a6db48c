import { CommandFailure } from '../core/ports';
import type { CommandHandler } from '../core/pipeline';

/** `alert.acknowledge`: someone in the room has it; only a freshly raised alert can be acknowledged. */
export const acknowledgeAlert: CommandHandler<'alert.acknowledge'> = (d, p) => {
  const before = d.get('alert', p.alertId);
  if (before.status !== 'raised')
    throw new CommandFailure('conflict', `Alert ${before.id} is already ${before.status}.`);
  const alert = d.put('alert', {
    ...before,
    status: 'acknowledged',
    acknowledgedAt: d.isoNow,
    acknowledgedBy: d.actor.username,
  });
  return { alert };
};

/** `alert.dismiss`: no action needed, with the reason; dismissing also counts as having seen it. */
export const dismissAlert: CommandHandler<'alert.dismiss'> = (d, p) => {
  const before = d.get('alert', p.alertId);
  if (before.status === 'dismissed' || before.status === 'converted') {
    throw new CommandFailure('conflict', `Alert ${before.id} is already ${before.status}.`);
  }
  const alert = d.put('alert', {
    ...before,
    status: 'dismissed',
    dismissReason: p.reason,
    acknowledgedAt: before.acknowledgedAt ?? d.isoNow,
    acknowledgedBy: before.acknowledgedBy ?? d.actor.username,
  });
  return { alert };
};
