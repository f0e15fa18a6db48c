import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import type { Incident, UnitStatus } from '../../../shared/protocol';
import { LAYER_GROUPS, type LayerGroup } from '../live/liveLayers';
import { ALERT_PRIORITY_STYLE, CAMERA_STYLE, GRADE_STYLE, UNIT_KIND_STYLE, UNIT_STATUS_STYLE } from '../live/symbology';
import { select } from '../../workstation/selection';
import { OVERLAY_STYLE } from '../overlays/overlayFeatures';
import { STATUS_SHAPE } from '../live/unitDots';

/** Below this width of the map pane the Layers panel starts closed, so it does not hide the map. */
export const NARROW_MAP_PX = 700;

interface Props {
  visible: Record<LayerGroup, boolean>;
  onToggle: (group: LayerGroup) => void;
  heatPeriod: string;
  heatPeriods: string[];
  onHeatPeriod: (period: string) => void;
  incidents: readonly Incident[] | undefined;
  /** Further panels (the finder), after the legend's own. */
  children?: ReactNode;
}

const Swatch = ({ colour, shape }: { colour: string; shape: string }) => (
  <span
    className={`map-swatch map-swatch--${shape}`}
    style={shape === 'ring' ? { borderColor: colour } : { background: colour }}
    aria-hidden="true"
  />
);

/** Layer toggles, the legend, and a keyboard-friendly list of open incidents to select from. */
export function MapLegend({ visible, onToggle, heatPeriod, heatPeriods, onHeatPeriod, incidents, children }: Props) {
  const asideRef = useRef<HTMLElement>(null);
  const layersId = useId();
  const [layersOpen, setLayersOpen] = useState(true);
  // Decided once, before the first paint, from the pane the map sits in; the operator decides after.
  useLayoutEffect(() => {
    const pane = asideRef.current?.parentElement;
    if (pane && pane.clientWidth > 0 && pane.clientWidth < NARROW_MAP_PX) setLayersOpen(false);
  }, []);
  const open = (incidents ?? [])
    .filter((i) => i.status !== 'closed')
    .sort((a, b) => a.grade - b.grade || a.createdAt.localeCompare(b.createdAt));
  return (
    <aside className="map-legend" aria-label="Map layers and legend" ref={asideRef}>
      <button
        type="button"
        className="map-legend__disclosure"
        aria-expanded={layersOpen}
        aria-controls={layersId}
        onClick={() => setLayersOpen(!layersOpen)}
      >
        Layers
      </button>
      <div id={layersId} hidden={!layersOpen}>
        <fieldset>
          <legend className="visually-hidden">Show layers</legend>
          {(Object.keys(LAYER_GROUPS) as LayerGroup[]).map((g) => (
            <label key={g}>
              <input type="checkbox" checked={visible[g]} onChange={() => onToggle(g)} /> {LAYER_GROUPS[g]}
            </label>
          ))}
          <label>
            Heat map period{' '}
            <select value={heatPeriod} onChange={(e) => onHeatPeriod(e.target.value)}>
              {heatPeriods.map((p) => (
                <option key={p} value={p}>
                  last {p}
                </option>
              ))}
            </select>
          </label>
        </fieldset>
      </div>
      <details>
        <summary>Legend</summary>
        <h3>Incidents</h3>
        <ul>
          {Object.values(GRADE_STYLE).map((g) => (
            <li key={g.label}>
              <Swatch colour={g.colour} shape={g.shape} /> {g.label}
            </li>
          ))}
          <li>
            <Swatch colour="#ffffff" shape="circle" /> “!” and “TARGET BREACHED”: attendance target missed
          </li>
        </ul>
        <h3>Units (status: colour and shape, label close in; letter = kind)</h3>
        <ul>
          {Object.entries(UNIT_STATUS_STYLE).map(([status, s]) => (
            <li key={s.label}>
              <Swatch colour={s.colour} shape={STATUS_SHAPE[status as UnitStatus]} /> {s.label} ({s.short})
            </li>
          ))}
          {Object.values(UNIT_KIND_STYLE).map((k) => (
            <li key={k.label}>
              <span className="map-letter">{k.letter}</span> {k.label}
            </li>
          ))}
        </ul>
        <h3>Cameras and alerts</h3>
        <ul>
          <li>
            <Swatch colour={CAMERA_STYLE.online.colour} shape="square" /> {CAMERA_STYLE.online.label}, cone = field of
            view
          </li>
          <li>
            <Swatch colour={CAMERA_STYLE.offline.colour} shape="square" /> {CAMERA_STYLE.offline.label}
          </li>
          {Object.values(ALERT_PRIORITY_STYLE).map((p) => (
            <li key={p.label}>
              <Swatch colour={p.colour} shape="diamond" /> Alert: {p.label}
            </li>
          ))}
          <li>
            <span className="map-letter">P</span> Digital Service Point
          </li>
        </ul>
        <h3>Cordons and sectors (labelled with their kind)</h3>
        <ul>
          {Object.entries(OVERLAY_STYLE).map(([kind, o]) => (
            <li key={kind}>
              <span className={`map-overlay-swatch map-overlay-swatch--${kind}`} style={{ borderColor: o.colour }} />{' '}
              {o.word}: {o.label}
            </li>
          ))}
        </ul>
      </details>
      <details>
        <summary>Open incidents ({open.length})</summary>
        <ul className="map-legend__incidents" aria-label="Open incidents">
          {open.slice(0, 100).map((i) => (
            <li key={i.id}>
              <button type="button" onClick={() => select({ kind: 'incident', id: i.id })}>
                G{i.grade} {i.ref} {i.type.replaceAll('_', ' ')}
              </button>
            </li>
          ))}
        </ul>
      </details>
      {children}
    </aside>
  );
}
