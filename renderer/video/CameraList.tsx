import { useId, useMemo, useState } from 'react';
import { mayTour } from '../../shared/domain/viewPolicy';
import type { Camera } from '../../shared/protocol';
import { CAMERA_DRAG_TYPE, OWNER_LABELS } from './VideoTile';

/** The cameras, to drag onto a tile or put on the selected tile with a button (keyboard too). */
export function CameraList(props: {
  cameras: readonly Camera[];
  selectedTile: number;
  onPut: (cameraId: string) => void;
  /** Tours the selected tile through the listed cameras (third-party ones left out: each needs a reason). */
  onTour: (cameraIds: string[], at: number) => void;
}) {
  const id = useId();
  const [filter, setFilter] = useState('');
  const shown = useMemo(() => {
    const f = filter.trim().toLowerCase();
    const list = f ? props.cameras.filter((c) => c.name.toLowerCase().includes(f) || c.id.includes(f)) : props.cameras;
    return [...list].sort((a, b) => a.name.localeCompare(b.name)).slice(0, 200);
  }, [props.cameras, filter]);
  return (
    <nav className="camera-list" aria-label="Cameras">
      <label htmlFor={id}>Find camera</label>
      <input id={id} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} />
      <button
        type="button"
        className="camera-list__tour"
        disabled={shown.length < 2}
        onClick={(e) =>
          props.onTour(
            shown.filter(mayTour).map((c) => c.id),
            performance.timeOrigin + e.timeStamp,
          )
        }
      >
        ▶ Tour tile {props.selectedTile + 1} through these cameras
      </button>
      <ul>
        {shown.map((camera) => (
          <li
            key={camera.id}
            draggable
            onDragStart={(e) => {
              e.dataTransfer.setData(CAMERA_DRAG_TYPE, camera.id);
              e.dataTransfer.effectAllowed = 'copy';
            }}
          >
            {/* Named by what it shows, the camera first (voice control says what it sees: WCAG
                2.5.3); the action follows for screen readers only. */}
            <button type="button" onClick={() => props.onPut(camera.id)}>
              <span className="camera-list__name">{camera.name}</span>
              <span className="visually-hidden">, </span>
              <span className="camera-list__meta">
                {OWNER_LABELS[camera.owner]}
                {camera.ptz ? ' · PTZ' : ''}
                {camera.online ? null : (
                  <>
                    {' · '}
                    <span aria-hidden="true">▲</span> offline
                  </>
                )}
              </span>
              <span className="visually-hidden">: put on tile {props.selectedTile + 1}</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
