import { useId, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import {
  ALERT_PRIORITY_LABEL,
  GRADE_SHORT_NAMES,
  OVERLAY_KIND_NAME,
  OVERLAY_KIND_WORD,
  UNIT_KIND_LABEL,
  UNIT_STATUS_CODE,
  UNIT_STATUS_LABEL,
  spaced,
} from '../../../shared/domain/labels';
import type { Grade, Incident, OverlayKind } from '../../../shared/protocol';
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

/** How each overlay kind is drawn, in words beside its swatch. */
const OVERLAY_LEGEND: Record<OverlayKind, string> = {
  cordon: `${OVERLAY_KIND_NAME.cordon} (red dashed line): no entry`,
  sector: `${OVERLAY_KIND_NAME.sector} (blue line)`,
  rvp: `${OVERLAY_KIND_NAME.rvp} (yellow ring)`,
};

/** The keys of a table keyed by an enum, typed as that enum, in the table's order. */
const keysOf = <K extends string>(table: Record<K, unknown>) => Object.keys(table) as K[];

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
          {(Object.keys(GRADE_STYLE).map(Number) as Grade[]).map((grade) => (
            <li key={grade}>
              <Swatch colour={GRADE_STYLE[grade].colour} shape={GRADE_STYLE[grade].shape} /> Grade {grade}{' '}
              {GRADE_SHORT_NAMES[grade]}
            </li>
          ))}
          <li>
            <Swatch colour="#ffffff" shape="circle" /> “!” and “TARGET BREACHED”: attendance target missed
          </li>
        </ul>
        <h3>Units (status: colour and shape, label close in; letter = kind)</h3>
        <ul>
          {keysOf(UNIT_STATUS_STYLE).map((status) => (
            <li key={status}>
              <Swatch colour={UNIT_STATUS_STYLE[status].colour} shape={STATUS_SHAPE[status]} />{' '}
              {UNIT_STATUS_LABEL[status]} ({UNIT_STATUS_CODE[status]})
            </li>
          ))}
          {keysOf(UNIT_KIND_STYLE).map((kind) => (
            <li key={kind}>
              <span className="map-letter">{UNIT_KIND_STYLE[kind].letter}</span> {UNIT_KIND_LABEL[kind]}
            </li>
          ))}
        </ul>
        <h3>Cameras and alerts</h3>
        <ul>
          <li>
            <Swatch colour={CAMERA_STYLE.online.colour} shape="square" /> Camera online, cone = field of view
          </li>
          <li>
            <Swatch colour={CAMERA_STYLE.offline.colour} shape="square" /> Camera offline (crossed)
          </li>
          {keysOf(ALERT_PRIORITY_STYLE).map((priority) => (
            <li key={priority}>
              <Swatch colour={ALERT_PRIORITY_STYLE[priority].colour} shape="diamond" /> Alert:{' '}
              {ALERT_PRIORITY_LABEL[priority]}
            </li>
          ))}
          <li>
            <span className="map-letter">P</span> Digital Service Point
          </li>
        </ul>
        <h3>Cordons and sectors (labelled with their kind)</h3>
        <ul>
          {keysOf(OVERLAY_STYLE).map((kind) => (
            <li key={kind}>
              <span
                className={`map-overlay-swatch map-overlay-swatch--${kind}`}
                style={{ borderColor: OVERLAY_STYLE[kind].colour }}
              />{' '}
              {OVERLAY_KIND_WORD[kind]}: {OVERLAY_LEGEND[kind]}
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
                G{i.grade} {i.ref} {spaced(i.type)}
              </button>
            </li>
          ))}
        </ul>
      </details>
      {children}
    </aside>
  );
}
