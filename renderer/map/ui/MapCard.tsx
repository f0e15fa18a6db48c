import { useCallback, useState } from 'react';
import type { Alert, Camera, Incident, MapOverlay, ServicePoint, Snapshot } from '../../../shared/protocol';
import {
  ALERT_PRIORITY_LABEL,
  SERVICE_POINT_STATUS_LABEL,
  UNIT_KIND_LABEL,
  UNIT_STATUS_LABEL,
  gradeLabel,
  overlayLabel,
  spaced,
} from '../../../shared/domain/labels';
import { useSession } from '../../session/SessionContext';
import { useSnapshotSelect } from '../../state/useSnapshotSelect';
import { select, showOnWall } from '../../workstation/selection';
import type { SelectionTarget } from '../../workstation/workstationBus';

interface Props {
  selection: SelectionTarget;
  incidents: readonly Incident[] | undefined;
  cameras: readonly Camera[] | undefined;
  alerts: readonly Alert[] | undefined;
  servicePoints: readonly ServicePoint[] | undefined;
  following: string | null;
  onFollow: (unitId: string | null) => void;
  onFitIncident: (incidentId: string) => void;
}

/** The card of whatever is selected in the workstation (in this window or another). */
export function MapCard(props: Props) {
  const { selection } = props;
  // An overlay's card is its own (OverlayCard, shown by the overlays).
  if (!selection || selection.kind === 'overlay') return null;
  return (
    <section className="map-card" aria-label="Selected on the map" aria-live="polite">
      <CardBody {...props} target={selection} />
      <button type="button" className="map-card__close" onClick={() => select(null)}>
        Clear selection
      </button>
    </section>
  );
}

function CardBody({
  target,
  incidents,
  cameras,
  alerts,
  servicePoints,
  following,
  onFollow,
  onFitIncident,
}: Props & { target: NonNullable<SelectionTarget> }) {
  switch (target.kind) {
    case 'unit':
      return <UnitCard id={target.id} following={following === target.id} onFollow={onFollow} />;
    case 'incident': {
      const i = incidents?.find((x) => x.id === target.id);
      if (!i) return <p>Incident not found.</p>;
      return (
        <>
          <h2>
            {i.ref} · {gradeLabel(i.grade)}
          </h2>
          <dl>
            <dt>Type</dt>
            <dd>{spaced(i.type)}</dd>
            <dt>Status</dt>
            <dd>{spaced(i.status)}</dd>
            <dt>Where</dt>
            <dd>{i.location.address ?? `${i.location.lat.toFixed(5)}, ${i.location.lon.toFixed(5)}`}</dd>
            <dt>Units</dt>
            <dd>{i.unitIds.length}</dd>
          </dl>
          <p>{i.summary}</p>
          <button type="button" onClick={() => onFitIncident(i.id)}>
            Fit to incident and its units
          </button>
        </>
      );
    }
    case 'camera': {
      const c = cameras?.find((x) => x.id === target.id);
      if (!c) return <p>Camera not found.</p>;
      return (
        <>
          <h2>Camera {c.name}</h2>
          <dl>
            <dt>State</dt>
            <dd>{c.online ? 'Online' : 'OFFLINE'}</dd>
            <dt>Owner</dt>
            <dd>{spaced(c.owner)}</dd>
            <dt>Facing</dt>
            <dd>
              {Math.round(c.ptzState?.pan ?? c.bearing)}° {c.ptz ? '(PTZ, live)' : ''}
            </dd>
          </dl>
          <button type="button" onClick={() => showOnWall([c.id])} disabled={!c.online}>
            Send to wall
          </button>
        </>
      );
    }
    case 'alert': {
      const a = alerts?.find((x) => x.id === target.id);
      if (!a) return <p>Alert not found.</p>;
      return (
        <>
          <h2>
            Alert · {ALERT_PRIORITY_LABEL[a.priority]} · {spaced(a.kind)}
          </h2>
          <dl>
            <dt>Source</dt>
            <dd>{spaced(a.source)}</dd>
            <dt>Status</dt>
            <dd>{a.status}</dd>
          </dl>
          <p>{a.detail}</p>
        </>
      );
    }
    case 'servicePoint': {
      const s = servicePoints?.find((x) => x.id === target.id);
      if (!s) return <p>Service point not found.</p>;
      return (
        <>
          <h2>Digital Service Point {s.name}</h2>
          <p>{SERVICE_POINT_STATUS_LABEL[s.status]}</p>
        </>
      );
    }
  }
}

function UnitCard({
  id,
  following,
  onFollow,
}: {
  id: string;
  following: boolean;
  onFollow: (id: string | null) => void;
}) {
  const { smsUrl, token } = useSession();
  const unit = useSnapshotSelect(
    smsUrl,
    token,
    useCallback((s: Snapshot) => s.units.find((u) => u.id === id) ?? null, [id]),
  );
  if (!unit) return <p>Unit not found.</p>;
  return (
    <>
      <h2>
        Unit {unit.callsign} · {UNIT_KIND_LABEL[unit.kind]}
      </h2>
      <dl>
        <dt>Status</dt>
        <dd>{UNIT_STATUS_LABEL[unit.status]}</dd>
        <dt>Speed</dt>
        <dd>{Math.round(unit.speed * 3.6)} km/h</dd>
        <dt>Skills</dt>
        <dd>{unit.skills.map(spaced).join(', ') || 'none'}</dd>
      </dl>
      <button type="button" aria-pressed={following} onClick={() => onFollow(following ? null : unit.id)}>
        {following ? 'Stop following' : 'Follow this unit'}
      </button>
    </>
  );
}

/**
 * The card of a selected major-event overlay (selected in this window: overlays are not part of
 * the workstation's shared selection). Removing asks once more, since it removes it for everyone.
 */
export function OverlayCard({
  overlay,
  incidentRef,
  canRemove,
  onZoom,
  onRemove,
  onClose,
}: {
  overlay: MapOverlay;
  incidentRef: string | null;
  canRemove: boolean;
  onZoom: () => void;
  onRemove: () => void;
  onClose: () => void;
}) {
  const [confirming, setConfirming] = useState(false);
  const corners = overlay.geometry.type === 'Polygon' ? overlay.geometry.coordinates[0].length - 1 : 1;
  return (
    <section className="map-card" aria-label="Selected overlay" aria-live="polite">
      <h2>{overlayLabel(overlay)}</h2>
      <dl>
        <dt>Drawn by</dt>
        <dd>
          {overlay.createdBy} at {new Date(overlay.createdAt).toLocaleString('en-GB')}
        </dd>
        {overlay.updatedAt !== overlay.createdAt && (
          <>
            <dt>Changed by</dt>
            <dd>
              {overlay.updatedBy} at {new Date(overlay.updatedAt).toLocaleString('en-GB')}
            </dd>
          </>
        )}
        <dt>Incident</dt>
        <dd>{incidentRef ?? 'none'}</dd>
        <dt>{overlay.geometry.type === 'Polygon' ? 'Corners' : 'Point'}</dt>
        <dd>
          {overlay.geometry.type === 'Polygon'
            ? corners
            : `${overlay.geometry.coordinates[1].toFixed(5)}, ${overlay.geometry.coordinates[0].toFixed(5)}`}
        </dd>
      </dl>
      <button type="button" onClick={onZoom}>
        Zoom to overlay
      </button>
      {canRemove && !confirming && (
        <button type="button" className="map-card__close" onClick={() => setConfirming(true)}>
          Remove
        </button>
      )}
      {confirming && (
        <p role="group" aria-label="Confirm removal">
          Remove {overlayLabel(overlay)} from every map?{' '}
          <button type="button" onClick={onRemove}>
            Remove for everyone
          </button>{' '}
          <button type="button" onClick={() => setConfirming(false)}>
            Keep it
          </button>
        </p>
      )}
      <button type="button" className="map-card__close" onClick={onClose}>
        Clear selection
      </button>
    </section>
  );
}
