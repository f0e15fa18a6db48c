import { useEffect, useRef, useState, type CSSProperties, type DragEvent, type KeyboardEvent } from 'react';
import type { Camera, CameraOwner } from '../../shared/protocol';
import { useSendCommand } from '../commands/CommandsContext';
import { behindLive } from './frameClock';
import { chooseStream, mediaSourceCheck } from './streamChoice';
import { TilePlayer, type TileStats } from './tilePlayer';
import { useCameraView } from './useCameraView';
import { ReasonForm } from './ReasonForm';
import { TileTools } from './TileTools';
import { PlaybackPanel } from './PlaybackPanel';

/** Drag data types: a camera from a list or the map, or another tile of this wall. */
export const CAMERA_DRAG_TYPE = 'application/x-jccr-camera-id';
export const TILE_DRAG_TYPE = 'application/x-jccr-wall-tile';

export const OWNER_LABELS: Record<CameraOwner, string> = {
  city_police: 'City of London Police',
  corporation: 'City Corporation',
  tfl: 'Transport for London',
  third_party: 'Third-party premises',
};

export interface VideoTileProps {
  index: number;
  /** The camera on the tile; null for an empty tile. */
  camera: Camera | null;
  /** The id the wall names when the camera is unknown here. */
  cameraId: string | null;
  alertId: string | null;
  /** Set while an SMS tour steps this tile (its own tour or the wall's), in words for the caption. */
  touring: string | null;
  focused: boolean;
  selected: boolean;
  /** Whether the window is visible; hidden tiles stop and release their player. */
  visible: boolean;
  style: CSSProperties;
  smsUrl: string;
  /** The session's newest token (see SessionInfo.currentToken). */
  token: () => string;
  operator: string;
  /** A reason already given for this camera (or the alarm it pops up for). */
  reason: string | null;
  onReason: (cameraId: string, reason: string) => void;
  onSelect: () => void;
  onToggleFocus: () => void;
  onClear: () => void;
  onDropCamera: (cameraId: string) => void;
  onDropTile: (from: number) => void;
  onAcknowledge: (alertId: string) => void;
}

const LONDON_TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/** A live indicator never relies on colour: each state has its own word and shape. */
function liveIndicator(online: boolean, stats: TileStats | null): { label: string; shape: string; tone: string } {
  if (!online) return { label: 'OFFLINE', shape: '▲', tone: 'bad' };
  if (!stats || stats.phase === 'starting') return { label: 'CONNECTING', shape: '◌', tone: 'muted' };
  if (stats.phase === 'stalled') return { label: 'STALLED', shape: '■', tone: 'warn' };
  return { label: 'LIVE', shape: '●', tone: 'ok' };
}

/** One tile of the wall: its player, its audited view, and what an operator needs to trust it. */
export function VideoTile(props: VideoTileProps) {
  const { camera, index, focused, visible, smsUrl, token } = props;
  const screen = `wall:${index + 1}`;
  const view = useCameraView(camera, screen, props.reason);
  const videoRef = useRef<HTMLVideoElement>(null);
  const [stats, setStats] = useState<TileStats | null>(null);
  const [dropping, setDropping] = useState(false);
  // The open playback view; it ends (camera.viewEnd) when the panel closes or the tile changes,
  // which also ends the SMS's permission to serve the recording.
  const [playbackView, setPlaybackView] = useState<{ viewId: string; cameraId: string } | null>(null);
  const send = useSendCommand();
  const cameraId = camera?.id ?? null;
  const playback = playbackView?.cameraId === cameraId ? playbackView.viewId : null;
  useEffect(() => {
    if (playback === null || cameraId === null) return;
    return () => void send('camera.viewEnd', { viewId: playback, cameraId, screen }).catch(() => undefined);
  }, [playback, cameraId, screen, send]);

  const choice = camera ? chooseStream(camera, focused, mediaSourceCheck) : null;
  const url = choice && 'stream' in choice ? new URL(choice.stream.url, smsUrl).toString() : null;
  const playing = view.status === 'open' && url !== null && visible;

  // Each time the SMS says the camera is back, the player starts afresh at once instead of at its
  // watchdog's next back-off step (up to 10 s later). The watchdog still recovers everything else.
  const online = camera?.online ?? false;
  const [seenOnline, setSeenOnline] = useState(online);
  const [returns, setReturns] = useState(0);
  if (online !== seenOnline) {
    setSeenOnline(online);
    if (online) setReturns((n) => n + 1);
  }

  useEffect(() => {
    const video = videoRef.current;
    if (!playing || !video || url === null) return;
    const player = new TilePlayer(video, { url, token, onStats: setStats });
    return () => {
      player.destroy();
      setStats(null);
    };
  }, [playing, url, token, returns]);

  const name = camera?.name ?? (props.cameraId ? `Unknown camera ${props.cameraId}` : null);
  const indicator = camera ? liveIndicator(camera.online, stats) : null;
  const notLive = indicator !== null && indicator.label !== 'LIVE';
  const label = `Tile ${index + 1}${name ? `: ${name}` : ', empty'}${indicator ? `, ${indicator.label.toLowerCase()}` : ''}`;

  const onKeyDown = (e: KeyboardEvent<HTMLElement>) => {
    if (e.target !== e.currentTarget) return;
    if (e.key === 'Enter') props.onToggleFocus();
    else if (e.key === 'Escape' && focused) props.onToggleFocus();
    else if ((e.key === 'Delete' || e.key === 'Backspace') && props.cameraId) props.onClear();
    else return;
    e.preventDefault();
  };
  const onDrop = (e: DragEvent<HTMLElement>) => {
    setDropping(false);
    const cameraId = e.dataTransfer.getData(CAMERA_DRAG_TYPE);
    const tile = e.dataTransfer.getData(TILE_DRAG_TYPE);
    if (cameraId) props.onDropCamera(cameraId);
    else if (tile !== '' && Number(tile) !== index) props.onDropTile(Number(tile));
    else return;
    e.preventDefault();
  };
  const accepts = (e: DragEvent<HTMLElement>) =>
    e.dataTransfer.types.includes(CAMERA_DRAG_TYPE) || e.dataTransfer.types.includes(TILE_DRAG_TYPE);

  const classes = [
    'wall-tile',
    props.selected ? 'wall-tile--selected' : '',
    props.alertId ? 'wall-tile--alarm' : '',
    notLive ? 'wall-tile--not-live' : '',
    dropping ? 'wall-tile--drop' : '',
  ].join(' ');

  return (
    // A div, not a figure: a figure may not be a group (ARIA in HTML), and the tile is one.
    <div
      className={classes}
      style={props.style}
      role="group"
      aria-label={label}
      // The tile the camera list puts cameras on: said, not only drawn in the accent colour.
      aria-current={props.selected ? 'true' : undefined}
      tabIndex={0}
      draggable={props.cameraId !== null}
      onFocus={(e) => e.target === e.currentTarget && props.onSelect()}
      onClick={props.onSelect}
      onDoubleClick={props.onToggleFocus}
      onKeyDown={onKeyDown}
      onDragStart={(e) => e.dataTransfer.setData(TILE_DRAG_TYPE, String(index))}
      onDragOver={(e) => {
        if (!accepts(e)) return;
        e.preventDefault();
        setDropping(true);
      }}
      onDragLeave={() => setDropping(false)}
      onDrop={onDrop}
    >
      <video ref={videoRef} className="wall-tile__video" muted playsInline aria-hidden="true" />
      {name === null ? (
        <p className="wall-tile__empty">
          Tile {index + 1}: empty. Drag a camera here, or select the tile and choose a camera.
        </p>
      ) : (
        <>
          <div className="wall-tile__caption">
            <span className="wall-tile__name">{name}</span>
            {camera && <span className="wall-tile__owner">{OWNER_LABELS[camera.owner]}</span>}
            {props.touring && <span className="wall-tile__touring">↻ {props.touring}</span>}
          </div>
          {indicator && (
            // Spoken words in the text, not in aria-label: a paragraph's aria-label is ignored by
            // screen readers (ARIA prohibits naming it). The shape, not only the colour, tells the state.
            <p className={`wall-tile__live wall-tile__live--${indicator.tone}`}>
              <span className="visually-hidden">Stream </span>
              <span aria-hidden="true">{indicator.shape}</span> {indicator.label}
            </p>
          )}
          <p className="wall-tile__clock">
            {stats?.streamTime ? (
              <>
                <span className="wall-tile__time">
                  <span className="visually-hidden">Stream time </span>
                  <span>{LONDON_TIME.format(stats.streamTime)}</span>
                </span>
                {stats.latencyMs !== null && (
                  // The picture's real delay, in words: a small tile keeps this and drops the clock.
                  <span className="wall-tile__latency">
                    <span className="wall-tile__sep" aria-hidden="true">
                      {' · '}
                    </span>
                    {behindLive(stats.latencyMs)}
                  </span>
                )}
              </>
            ) : null}
          </p>
          <TileMessage
            view={view}
            choice={choice}
            stats={stats}
            online={camera?.online ?? false}
            onReason={(reason) => camera && props.onReason(camera.id, reason)}
          />
          {props.alertId && (
            <div className="wall-tile__alarm">
              <span>⚠ ALARM</span>
              <button type="button" onClick={() => props.alertId && props.onAcknowledge(props.alertId)}>
                Acknowledge alarm
              </button>
            </div>
          )}
          {camera && (
            <TileTools
              camera={camera}
              index={index}
              focused={focused}
              video={videoRef}
              operator={props.operator}
              streamTime={stats?.streamTime ?? null}
              onToggleFocus={props.onToggleFocus}
              onClear={props.onClear}
              onPlayback={(viewId) => setPlaybackView({ viewId, cameraId: camera.id })}
            />
          )}
          {camera && playback !== null && (
            <PlaybackPanel camera={camera} smsUrl={smsUrl} token={token} onClose={() => setPlaybackView(null)} />
          )}
        </>
      )}
    </div>
  );
}

function TileMessage(props: {
  view: ReturnType<typeof useCameraView>;
  choice: ReturnType<typeof chooseStream> | null;
  stats: TileStats | null;
  online: boolean;
  onReason: (reason: string) => void;
}) {
  const { view, choice, stats } = props;
  if (view.status === 'needsReason')
    return (
      <div className="wall-tile__message">
        <ReasonForm why={view.why} action="View camera" onReason={props.onReason} />
      </div>
    );
  if (view.status === 'refused') return <p className="wall-tile__message wall-tile__message--bad">{view.message}</p>;
  if (choice && 'error' in choice) return <p className="wall-tile__message wall-tile__message--bad">{choice.error}</p>;
  const lines: string[] = [];
  if (choice && 'note' in choice && choice.note) lines.push(choice.note);
  if (!props.online) lines.push('Camera offline: no live picture. Reconnecting by itself when it returns.');
  else if (stats?.phase === 'stalled')
    lines.push(`${stats.problem ?? 'No new frames'}: not live. Reconnecting (attempt ${stats.attempt}).`);
  if (lines.length === 0) return null;
  return (
    <p className="wall-tile__message" role="status">
      {lines.join(' ')}
    </p>
  );
}
