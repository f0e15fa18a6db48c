import type { Incident } from '../../../shared/protocol';
import { LAYER_GROUPS, type LayerGroup } from '../live/liveLayers';
import { ALERT_PRIORITY_STYLE, CAMERA_STYLE, GRADE_STYLE, UNIT_KIND_STYLE, UNIT_STATUS_STYLE } from '../live/symbology';
import { select } from '../../workstation/selection';

interface Props {
  visible: Record<LayerGroup, boolean>;
  onToggle: (group: LayerGroup) => void;
  heatPeriod: string;
  heatPeriods: string[];
  onHeatPeriod: (period: string) => void;
  incidents: readonly Incident[] | undefined;
}

const Swatch = ({ colour, shape }: { colour: string; shape: string }) => (
  <span className={`map-swatch map-swatch--${shape}`} style={{ background: colour }} aria-hidden="true" />
);

/** Layer toggles, the legend, and a keyboard-friendly list of open incidents to select from. */
export function MapLegend({ visible, onToggle, heatPeriod, heatPeriods, onHeatPeriod, incidents }: Props) {
  const open = (incidents ?? [])
    .filter((i) => i.status !== 'closed')
    .sort((a, b) => a.grade - b.grade || a.createdAt.localeCompare(b.createdAt));
  return (
    <aside className="map-legend" aria-label="Map layers and legend">
      <details open>
        <summary>Layers</summary>
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
      </details>
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
        <h3>Units (letter = kind, colour and label = status)</h3>
        <ul>
          {Object.values(UNIT_STATUS_STYLE).map((s) => (
            <li key={s.label}>
              <Swatch colour={s.colour} shape="circle" /> {s.label} ({s.short})
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
    </aside>
  );
}
