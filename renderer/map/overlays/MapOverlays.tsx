import type { Map as MaplibreMap, MapMouseEvent, PointLike } from 'maplibre-gl';
import { useEffect, useRef, useState, type RefObject } from 'react';
import { createPortal } from 'react-dom';
import {
  OVERLAY_EDITOR_ROLES,
  OverlayDrawPayloadSchema,
  type MapOverlay,
  type OverlayKind,
  type Snapshot,
} from '../../../shared/protocol';
import { OVERLAY_KIND_NAME, overlayLabel, spaced } from '../../../shared/domain/labels';
import { useSendCommand } from '../../commands/CommandsContext';
import { useSession } from '../../session/SessionContext';
import { useSnapshotSelect } from '../../state/useSnapshotSelect';
import { select, useSelection } from '../../workstation/selection';
import { selectIncidents } from '../live/liveSnapshot';
import { OverlayCard } from '../ui/MapCard';
import { draftGeometry, draftProblem, withCorner, type Corner } from './overlayDraft';
import { OVERLAY_STYLE, overlayBounds, overlayFeatures } from './overlayFeatures';
import { installOverlayLayers, OVERLAY_HIT_LAYERS, setDraftData, setOverlayData } from './overlayLayers';
import { startPointerDrawing } from './pointerDraw';

interface Props {
  /** The live map, once created. */
  mapRef: RefObject<MaplibreMap | null>;
  /** Bumped each time the live map's style (and so its layers) is loaded. */
  styleReady: number;
  /** Set while a shape is being drawn, so the map's own clicks do not also select what is under them. */
  drawingRef?: RefObject<boolean>;
}

/** What is being drawn: an area (cordon or sector) or a point (rendezvous point). */
type Shape = 'area' | 'point';
type Step = { step: 'idle' } | { step: 'drawing'; shape: Shape } | { step: 'form'; shape: Shape };

const NONE: readonly MapOverlay[] = [];
const selectOverlays = (s: Snapshot): readonly MapOverlay[] => s.overlays ?? NONE;
/** The first live layer: overlays go under it, so every live symbol stays on top of a cordon. */
const FIRST_LIVE_LAYER = 'heat';

/**
 * Major-event overlays on the live map: cordons, sectors and rendezvous points drawn from the
 * SMS, a list to reach them by keyboard, their card, and (for supervisors and commanders) a
 * drawing tool: pointer corners by terra-draw, or the keyboard with a crosshair at the centre.
 */
export function MapOverlays({ mapRef, styleReady, drawingRef }: Props) {
  const { smsUrl, token, user } = useSession();
  const send = useSendCommand();
  const overlays = useSnapshotSelect(smsUrl, token, selectOverlays) ?? NONE;
  const incidents = useSnapshotSelect(smsUrl, token, selectIncidents);
  const selection = useSelection();
  const canEdit = OVERLAY_EDITOR_ROLES.includes(user.role);
  const [step, setStep] = useState<Step>({ step: 'idle' });
  const [corners, setCorners] = useState<Corner[]>([]);
  const [centre, setCentre] = useState<Corner | null>(null);
  const [kind, setKind] = useState<OverlayKind>('cordon');
  const [name, setName] = useState('');
  const [incidentId, setIncidentId] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [container, setContainer] = useState<HTMLElement | null>(null);
  const nameRef = useRef<HTMLInputElement>(null);
  const stepRef = useRef(step);
  useEffect(() => {
    stepRef.current = step;
    if (drawingRef) drawingRef.current = step.step === 'drawing';
  }, [step, drawingRef]);

  // Layers and data.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0) return;
    installOverlayLayers(map, FIRST_LIVE_LAYER);
    setOverlayData(map, overlayFeatures(overlays));
    setContainer(map.getContainer());
  }, [mapRef, styleReady, overlays]);
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0) return;
    setDraftData(map, step.step === 'idle' ? [] : corners);
  }, [mapRef, styleReady, corners, step]);

  // The workstation's selection, so the card follows across windows like every other card. An
  // overlay removed (here or elsewhere) loses its card.
  const selectedId = selection?.kind === 'overlay' ? selection.id : null;
  const selected = overlays.find((o) => o.id === selectedId) ?? null;

  const choose = (id: string) => select({ kind: 'overlay', id });

  // A click on an overlay with nothing live above it selects the overlay.
  useEffect(() => {
    const map = mapRef.current;
    if (!map || styleReady === 0) return;
    const onClick = (e: MapMouseEvent) => {
      if (stepRef.current.step !== 'idle') return;
      const box: [PointLike, PointLike] = [
        [e.point.x - 6, e.point.y - 6],
        [e.point.x + 6, e.point.y + 6],
      ];
      const top = map.queryRenderedFeatures(box)[0];
      if (top && OVERLAY_HIT_LAYERS.includes(top.layer.id)) choose(String(top.properties.id));
    };
    map.on('click', onClick);
    return () => {
      map.off('click', onClick);
    };
  }, [mapRef, styleReady]);

  const zoomTo = (overlay: MapOverlay) => {
    const [w, s, e, n] = overlayBounds(overlay);
    if (e - w < 0.0005 && n - s < 0.0005) mapRef.current?.flyTo({ center: [w, s], zoom: 17 });
    else mapRef.current?.fitBounds([w, s, e, n], { padding: 80, maxZoom: 17 });
  };

  const reset = () => {
    setStep({ step: 'idle' });
    setCorners([]);
    setProblem(null);
    setName('');
    setIncidentId('');
  };

  const toForm = (shape: Shape, drawn: Corner[]) => {
    const k: OverlayKind = shape === 'point' ? 'rvp' : kind === 'rvp' ? 'cordon' : kind;
    const why = draftProblem(k, drawn);
    setProblem(why);
    if (why) return;
    setKind(k);
    setCorners(drawn);
    setStep({ step: 'form', shape });
  };

  const addCentre = () => {
    const map = mapRef.current;
    if (!map || stepRef.current.step !== 'drawing') return;
    const c = map.getCenter();
    if (stepRef.current.shape === 'point') toForm('point', [[c.lng, c.lat]]);
    else setCorners((prev) => withCorner(prev, [c.lng, c.lat]));
  };

  // While drawing: terra-draw takes pointer corners (areas), a click places a point, and the
  // keyboard works on the map itself: arrows pan (maplibre), A adds the centre, Backspace
  // undoes a corner, Enter finishes, Escape cancels.
  const drawingShape = step.step === 'drawing' ? step.shape : null;
  const finishRef = useRef<() => void>(() => {});
  useEffect(() => {
    finishRef.current = () => {
      if (drawingShape === 'area') toForm('area', corners);
      else addCentre();
    };
  });
  useEffect(() => {
    const map = mapRef.current;
    if (!map || !drawingShape) return;
    const stopPointer = drawingShape === 'area' ? startPointerDrawing(map, (drawn) => toForm('area', drawn)) : () => {};
    const onPointClick = (e: MapMouseEvent) => {
      if (drawingShape === 'point') toForm('point', [[e.lngLat.lng, e.lngLat.lat]]);
    };
    const onMove = () => {
      const c = map.getCenter();
      setCentre([c.lng, c.lat]);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.ctrlKey || e.metaKey) return;
      if (e.key === 'a' || e.key === 'A') addCentre();
      else if (e.key === 'Enter') finishRef.current();
      else if (e.key === 'Backspace') setCorners((prev) => prev.slice(0, -1));
      else if (e.key === 'Escape') reset();
      else return;
      e.preventDefault();
      e.stopPropagation();
    };
    const target = map.getContainer();
    map.on('click', onPointClick);
    map.on('move', onMove);
    target.addEventListener('keydown', onKey);
    onMove();
    map.getCanvas().focus();
    return () => {
      stopPointer();
      map.off('click', onPointClick);
      map.off('move', onMove);
      target.removeEventListener('keydown', onKey);
    };
    // The handlers read the latest state through refs and setters; restarting terra-draw on every
    // corner would lose the pointer's shape.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [mapRef, drawingShape]);

  useEffect(() => {
    if (step.step === 'form') nameRef.current?.focus();
  }, [step.step]);

  const save = async () => {
    const parsed = OverlayDrawPayloadSchema.safeParse({
      kind,
      name,
      geometry: draftGeometry(kind, corners),
      incidentId: incidentId === '' ? null : incidentId,
    });
    if (!parsed.success) {
      setProblem(parsed.error.issues[0]?.message ?? 'The overlay is not valid.');
      return;
    }
    try {
      const { overlay } = await send('overlay.draw', parsed.data);
      reset();
      setDone(`Drawn: ${overlayLabel(overlay)}`);
      choose(overlay.id);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  const remove = async (overlay: MapOverlay) => {
    try {
      await send('overlay.remove', { overlayId: overlay.id });
      select(null);
      setDone(`Removed: ${overlayLabel(overlay)}`);
    } catch (e) {
      setProblem(e instanceof Error ? e.message : String(e));
    }
  };

  const openIncidents = (incidents ?? []).filter((i) => i.status !== 'closed');
  const incidentRef = (id: string | null) => incidents?.find((i) => i.id === id)?.ref ?? id;

  return (
    <>
      <section className="map-overlays" aria-label="Cordons and sectors">
        <h2>Cordons and sectors ({overlays.length})</h2>
        {overlays.length > 0 && (
          <ul aria-label="Overlays on the map">
            {overlays.map((o) => (
              <li key={o.id}>
                <button
                  type="button"
                  aria-pressed={o.id === selectedId}
                  onClick={() => {
                    choose(o.id);
                    zoomTo(o);
                  }}
                >
                  <span className="map-overlays__swatch" style={{ borderColor: OVERLAY_STYLE[o.kind].colour }} />
                  {overlayLabel(o)}
                </button>
              </li>
            ))}
          </ul>
        )}
        {canEdit && step.step === 'idle' && (
          <p className="map-overlays__actions">
            <button
              type="button"
              onClick={() => {
                setDone(null);
                setProblem(null);
                setStep({ step: 'drawing', shape: 'area' });
              }}
            >
              Draw cordon or sector
            </button>
            <button
              type="button"
              onClick={() => {
                setDone(null);
                setProblem(null);
                setStep({ step: 'drawing', shape: 'point' });
              }}
            >
              Mark rendezvous point
            </button>
          </p>
        )}
        {step.step === 'drawing' && (
          <div role="group" aria-label="Drawing">
            <p className="map-overlays__help">
              {step.shape === 'area'
                ? 'Click corners on the map (click the first to close), or on the map press the arrow keys to move it under the crosshair and A to add a corner; Backspace undoes one, Enter finishes, Escape cancels.'
                : 'Click the point on the map, or move the map under the crosshair with the arrow keys and press A or Enter.'}
            </p>
            <output aria-live="polite" className="map-overlays__count">
              {step.shape === 'area' ? `${corners.length} ${corners.length === 1 ? 'corner' : 'corners'}` : ''}
              {centre && ` · crosshair at ${centre[1].toFixed(5)}, ${centre[0].toFixed(5)}`}
            </output>
            <p className="map-overlays__actions">
              <button type="button" onClick={addCentre}>
                {step.shape === 'area' ? 'Add corner at crosshair' : 'Place at crosshair'}
              </button>
              {step.shape === 'area' && (
                <>
                  <button type="button" onClick={() => setCorners((prev) => prev.slice(0, -1))}>
                    Undo corner
                  </button>
                  <button type="button" onClick={() => toForm('area', corners)}>
                    Finish shape
                  </button>
                </>
              )}
              <button type="button" onClick={reset}>
                Cancel drawing
              </button>
            </p>
          </div>
        )}
        {step.step === 'form' && (
          <form
            aria-label="New overlay"
            onSubmit={(e) => {
              e.preventDefault();
              void save();
            }}
            onKeyDown={(e) => {
              if (e.key === 'Escape') reset();
            }}
          >
            <label>
              Kind{' '}
              <select
                value={kind}
                onChange={(e) => setKind(e.target.value as OverlayKind)}
                disabled={step.shape === 'point'}
              >
                {step.shape === 'point' ? (
                  <option value="rvp">{OVERLAY_KIND_NAME.rvp}</option>
                ) : (
                  <>
                    <option value="cordon">{OVERLAY_KIND_NAME.cordon}</option>
                    <option value="sector">{OVERLAY_KIND_NAME.sector}</option>
                  </>
                )}
              </select>
            </label>
            <label>
              Name{' '}
              <input ref={nameRef} value={name} onChange={(e) => setName(e.target.value)} required maxLength={100} />
            </label>
            <label>
              Incident{' '}
              <select value={incidentId} onChange={(e) => setIncidentId(e.target.value)}>
                <option value="">None</option>
                {openIncidents.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.ref} {spaced(i.type)}
                  </option>
                ))}
              </select>
            </label>
            <p className="map-overlays__actions">
              <button type="submit">Save overlay</button>
              <button type="button" onClick={reset}>
                Cancel
              </button>
            </p>
          </form>
        )}
        {problem && (
          <p role="alert" className="map-overlays__problem">
            {problem}
          </p>
        )}
        {done && <p role="status">{done}</p>}
      </section>
      {step.step === 'drawing' &&
        container &&
        createPortal(<div className="map-crosshair" aria-hidden="true" />, container)}
      {selected && (
        <OverlayCard
          overlay={selected}
          incidentRef={incidentRef(selected.incidentId)}
          canRemove={canEdit}
          onZoom={() => zoomTo(selected)}
          onRemove={() => void remove(selected)}
          onClose={() => select(null)}
        />
      )}
    </>
  );
}
