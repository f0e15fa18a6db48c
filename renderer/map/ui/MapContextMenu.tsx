import { useEffect, useMemo, useRef, useState } from 'react';
import type { Camera } from '../../../shared/protocol';
import { showOnWall, workstationBus } from '../../workstation/selection';
import { camerasSeeing } from '../geometry/fov';

export interface ContextPoint {
  lon: number;
  lat: number;
  /** Where on the map container the menu opens, in pixels. */
  x: number;
  y: number;
}

const WALL_MAX = 16;

/** Right-click on a point: create an incident there, or find the cameras that can see it. */
export function MapContextMenu({
  point,
  cameras,
  onClose,
}: {
  point: ContextPoint;
  cameras: readonly Camera[];
  onClose: () => void;
}) {
  const [showCameras, setShowCameras] = useState(false);
  const seeing = useMemo(() => camerasSeeing(point, cameras), [point, cameras]);
  // The nearest few are ticked to begin with; the menu is keyed by point, so this runs per point.
  const [chosen, setChosen] = useState<Set<string>>(() => new Set(seeing.slice(0, 4).map((s) => s.camera.id)));
  const firstRef = useRef<HTMLButtonElement>(null);
  useEffect(() => firstRef.current?.focus(), []);

  return (
    <div
      className="map-menu"
      role="dialog"
      aria-label="Actions at this point"
      style={{ left: point.x, top: point.y }}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onClose();
      }}
    >
      <p className="map-menu__where">
        {point.lat.toFixed(5)}, {point.lon.toFixed(5)}
      </p>
      <button
        ref={firstRef}
        type="button"
        onClick={() => {
          workstationBus.post({ type: 'createIncidentAt', lon: point.lon, lat: point.lat });
          onClose();
        }}
      >
        Create an incident here
      </button>
      <button type="button" aria-expanded={showCameras} onClick={() => setShowCameras((s) => !s)}>
        Cameras that can see this point
      </button>
      {showCameras && (
        <section aria-label="Cameras that can see this point" className="map-menu__cameras">
          {seeing.length === 0 ? (
            <p>No online camera covers this point.</p>
          ) : (
            <ul>
              {seeing.map(({ camera, distanceM }) => (
                <li key={camera.id}>
                  <label>
                    <input
                      type="checkbox"
                      checked={chosen.has(camera.id)}
                      onChange={() =>
                        setChosen((c) => {
                          const next = new Set(c);
                          if (next.has(camera.id)) next.delete(camera.id);
                          else next.add(camera.id);
                          return next;
                        })
                      }
                    />
                    {camera.name} <span className="map-menu__distance">{Math.round(distanceM)} m</span>
                  </label>
                </li>
              ))}
            </ul>
          )}
          <button
            type="button"
            disabled={chosen.size === 0}
            onClick={() => {
              showOnWall([...chosen].slice(0, WALL_MAX));
              onClose();
            }}
          >
            Send to wall ({chosen.size})
          </button>
        </section>
      )}
      <button type="button" onClick={onClose}>
        Close
      </button>
    </div>
  );
}
