import { useState, type RefObject } from 'react';
import type { Camera } from '../../shared/protocol';
import { useSendCommand } from '../commands/CommandsContext';
import { ReasonForm } from './ReasonForm';
import { download, snapshotPng } from './snapshot';

interface TileToolsProps {
  camera: Camera;
  index: number;
  focused: boolean;
  video: RefObject<HTMLVideoElement | null>;
  operator: string;
  streamTime: Date | null;
  onToggleFocus: () => void;
  onClear: () => void;
  /** Opens recorded playback once the audited view with its reason is accepted (its view id). */
  onPlayback: (viewId: string) => void;
}

const PAN_STEP = 15;

/** The tile's buttons: full screen, clear, snapshot (with a reason), and PTZ when focused. */
export function TileTools(props: TileToolsProps) {
  const send = useSendCommand();
  const { camera, index } = props;
  const [asking, setAsking] = useState<'snapshot' | 'playback' | null>(null);
  const [note, setNote] = useState<string | null>(null);

  const playback = async (reason: string) => {
    setAsking(null);
    try {
      const view = await send('camera.view', {
        cameraId: camera.id,
        screen: `wall:${index + 1}`,
        mode: 'playback',
        reason,
      });
      props.onPlayback(view.viewId);
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e));
    }
  };

  const snapshot = async (reason: string) => {
    setAsking(null);
    const video = props.video.current;
    if (!video) return;
    try {
      // Audited first: the SMS refuses a snapshot without a reason, and then nothing is exported.
      await send('camera.view', { cameraId: camera.id, screen: `wall:${index + 1}`, mode: 'snapshot', reason });
      const time = props.streamTime ?? new Date();
      const png = await snapshotPng(video, { camera: camera.name, time, operator: props.operator, reason });
      download(png, `${camera.id}-${time.toISOString().replace(/[:.]/g, '-')}.png`);
      setNote('Snapshot exported');
    } catch (e) {
      setNote(e instanceof Error ? e.message : String(e));
    }
  };

  const ptz = (move: { pan?: number; tilt?: number; zoom?: number; preset?: number }) => {
    send('camera.ptz', { cameraId: camera.id, ...move }).catch((e: unknown) =>
      setNote(e instanceof Error ? e.message : String(e)),
    );
  };
  const state = camera.ptzState ?? { pan: camera.bearing, tilt: 0, zoom: 1 };
  const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, v));

  return (
    <div className="tile-tools" onDoubleClick={(e) => e.stopPropagation()}>
      <div className="tile-tools__row">
        <button type="button" onClick={props.onToggleFocus}>
          {props.focused ? `Back to grid` : `Full screen tile ${index + 1}`}
        </button>
        <button type="button" onClick={props.onClear}>
          Clear tile {index + 1}
        </button>
        <button type="button" onClick={() => setAsking('snapshot')}>
          Snapshot
        </button>
        <button type="button" onClick={() => setAsking('playback')}>
          Playback
        </button>
      </div>
      {props.focused && camera.ptz && (
        <div className="tile-tools__row" role="group" aria-label={`PTZ ${camera.name}`}>
          <button type="button" aria-label="Pan left" onClick={() => ptz({ pan: (state.pan + 360 - PAN_STEP) % 360 })}>
            ◀
          </button>
          <button type="button" aria-label="Pan right" onClick={() => ptz({ pan: (state.pan + PAN_STEP) % 360 })}>
            ▶
          </button>
          <button type="button" aria-label="Tilt up" onClick={() => ptz({ tilt: clamp(state.tilt + 5, -90, 90) })}>
            ▲
          </button>
          <button type="button" aria-label="Tilt down" onClick={() => ptz({ tilt: clamp(state.tilt - 5, -90, 90) })}>
            ▼
          </button>
          <button type="button" aria-label="Zoom in" onClick={() => ptz({ zoom: clamp(state.zoom * 1.5, 1, 30) })}>
            +
          </button>
          <button type="button" aria-label="Zoom out" onClick={() => ptz({ zoom: clamp(state.zoom / 1.5, 1, 30) })}>
            −
          </button>
          {[1, 2, 3, 4].map((preset) => (
            <button key={preset} type="button" onClick={() => ptz({ preset })}>
              Preset {preset}
            </button>
          ))}
          <span className="tile-tools__ptz">
            Pan {Math.round(state.pan)}° · tilt {Math.round(state.tilt)}° · zoom {state.zoom.toFixed(1)}×
          </span>
        </div>
      )}
      {asking === 'snapshot' && (
        <ReasonForm
          why="A snapshot leaves the live view"
          action="Export snapshot"
          onReason={(r) => void snapshot(r)}
          onCancel={() => setAsking(null)}
        />
      )}
      {asking === 'playback' && (
        <ReasonForm
          why="Playback shows recorded video"
          action="Open playback"
          onReason={(r) => void playback(r)}
          onCancel={() => setAsking(null)}
        />
      )}
      {note && (
        <p className="tile-tools__note" role="status">
          {note}
        </p>
      )}
    </div>
  );
}
