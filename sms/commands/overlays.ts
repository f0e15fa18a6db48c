import type { MapOverlay } from '../../shared/protocol';
import type { CommandHandler } from '../core/pipeline';
import { entityId } from '../core/ids';

/**
 * `overlay.draw`: a new cordon, sector or rendezvous point, or a new shape, name or incident for
 * an existing one. Its incident, when given, must exist; who first drew it is kept on a redraw.
 */
export const drawOverlay: CommandHandler<'overlay.draw'> = (d, p) => {
  const before = p.overlayId === undefined ? undefined : d.get('overlay', p.overlayId);
  const incidentId = p.incidentId === undefined ? (before?.incidentId ?? null) : p.incidentId;
  if (incidentId !== null) d.get('incident', incidentId);
  const overlay: MapOverlay = {
    id: before?.id ?? entityId('overlay', d.next('overlay')),
    kind: p.kind,
    name: p.name,
    geometry: p.geometry,
    incidentId,
    createdBy: before?.createdBy ?? d.actor.username,
    createdAt: before?.createdAt ?? d.isoNow,
    updatedBy: d.actor.username,
    updatedAt: d.isoNow,
  };
  return { overlay: d.put('overlay', overlay) };
};

/** `overlay.remove`: takes an overlay off every map; removing one already gone is `not_found`. */
export const removeOverlay: CommandHandler<'overlay.remove'> = (d, p) => {
  const overlay = d.get('overlay', p.overlayId);
  d.remove('overlay', overlay.id);
  return { overlayId: overlay.id };
};
