import type { Alert } from '../../shared/protocol';
import { CommandFailure } from '../core/ports';
import type { CommandHandler } from '../core/pipeline';
import { withLog } from './incidentRecords';

/**
 * `incident.link`: a further report of an event the room already has. The alert (if any) is
 * converted to the incident and its camera joins the incident's; the caller and what they said
 * go into the log. A closed incident takes no links (the dispatcher reopens it or creates anew).
 */
export const linkIncident: CommandHandler<'incident.link'> = (d, p) => {
  const before = d.get('incident', p.incidentId);
  if (before.status === 'closed') throw new CommandFailure('conflict', `Incident ${before.ref} is closed.`);
  if (p.alertId === undefined && p.caller === undefined && !p.summary) {
    throw new CommandFailure('invalid', 'Nothing to link: give an alert, a caller or a summary.');
  }
  let alert: Alert | null = null;
  const parts: string[] = [];
  let incident = before;
  if (p.alertId !== undefined) {
    const found = d.get('alert', p.alertId);
    if (found.status === 'dismissed' || found.status === 'converted') {
      throw new CommandFailure('conflict', `Alert ${found.id} is already ${found.status}.`);
    }
    alert = d.put('alert', { ...found, status: 'converted', incidentId: before.id });
    incident = {
      ...incident,
      alertIds: incident.alertIds.includes(found.id) ? incident.alertIds : [...incident.alertIds, found.id],
      cameraIds:
        found.cameraId && !incident.cameraIds.includes(found.cameraId)
          ? [...incident.cameraIds, found.cameraId]
          : incident.cameraIds,
    };
    parts.push(`alert ${found.id} (${found.source.replaceAll('_', ' ')}, ${found.kind})`);
  }
  if (p.caller) {
    const who = [p.caller.name, p.caller.phone].filter(Boolean).join(', ');
    parts.push(who ? `caller ${who}` : 'an anonymous caller');
  }
  const text =
    `Linked ${parts.length ? parts.join(' and ') : 'a further report'}` + (p.summary ? `: ${p.summary}` : '');
  incident = d.put('incident', withLog(d, incident, 'link', text));
  return { incident, alert };
};
