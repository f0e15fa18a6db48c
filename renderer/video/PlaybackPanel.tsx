import Hls from 'hls.js';
import { useEffect, useId, useRef, useState } from 'react';
import type { Camera } from '../../shared/protocol';

/** How much recent recording the scrubber covers. */
export const PLAYBACK_WINDOW_MS = 30 * 60_000;
/** Least time between two playlist reloads for fresh segment grants (a refusal that persists is shown). */
const GRANT_RELOAD_MS = 60_000;

const TIME = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/London',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
});

/**
 * Recorded playback of the last half hour (the SMS's VOD playlist for that range) with a time
 * scrubber and bookmarks. Opened only after an audited `camera.view` in `playback` mode with a
 * reason; the SMS serves the recording only to a viewer who gave one.
 */
export function PlaybackPanel(props: { camera: Camera; smsUrl: string; token: () => string; onClose: () => void }) {
  const { camera, smsUrl, token } = props;
  const videoRef = useRef<HTMLVideoElement>(null);
  const sliderId = useId();
  const [range] = useState(() => {
    const to = Date.now();
    return { from: to - PLAYBACK_WINDOW_MS, to };
  });
  const [position, setPosition] = useState(0);
  const [duration, setDuration] = useState(0);
  const [paused, setPaused] = useState(false);
  const [bookmarks, setBookmarks] = useState<number[]>([]);
  const [problem, setProblem] = useState<string | null>(null);

  useEffect(() => {
    const video = videoRef.current;
    if (!video) return;
    const base = camera.streams.sub.url.replace(/[^/]+$/, '');
    const url = new URL(`${base}sub/vod.m3u8?from=${range.from}&to=${range.to}`, smsUrl).toString();
    const hls = new Hls({ xhrSetup: (xhr) => xhr.setRequestHeader('Authorization', `Bearer ${token()}`) });
    let reloadedAt = -Infinity;
    hls.on(Hls.Events.ERROR, (_e, data) => {
      // The playlist's segment grants last 30 minutes (sms/video/grants.ts); a recording paused or
      // scrubbed for longer meets a refused segment: load the playlist again, for fresh grants
      // while the playback view is open, and carry on where it was.
      const now = Date.now();
      if (
        data.details === Hls.ErrorDetails.FRAG_LOAD_ERROR &&
        data.response?.code === 403 &&
        now - reloadedAt > GRANT_RELOAD_MS
      ) {
        reloadedAt = now;
        hls.config.startPosition = video.currentTime;
        hls.loadSource(url);
        return;
      }
      if (data.fatal) setProblem(`Recording unavailable (${data.details})`);
    });
    hls.attachMedia(video);
    hls.loadSource(url);
    const onTime = () => {
      setPosition(video.currentTime);
      setDuration(Number.isFinite(video.duration) ? video.duration : 0);
    };
    video.addEventListener('timeupdate', onTime);
    video.muted = true;
    void video.play().catch(() => undefined);
    return () => {
      video.removeEventListener('timeupdate', onTime);
      hls.destroy();
    };
  }, [camera.streams.sub.url, smsUrl, token, range]);

  const at = (seconds: number) => new Date(range.from + seconds * 1000);
  const seek = (seconds: number) => {
    const video = videoRef.current;
    if (video) video.currentTime = seconds;
    setPosition(seconds);
  };
  const toggle = () => {
    const video = videoRef.current;
    if (!video) return;
    if (video.paused) void video.play().catch(() => undefined);
    else video.pause();
    setPaused(!video.paused);
  };

  return (
    <div className="playback" onClick={(e) => e.stopPropagation()} onDoubleClick={(e) => e.stopPropagation()}>
      <video ref={videoRef} className="wall-tile__video" muted playsInline aria-label={`Recording of ${camera.name}`} />
      <p className="playback__badge">
        <span aria-hidden="true">◆</span> PLAYBACK {TIME.format(at(position))}
      </p>
      {problem && <p className="wall-tile__message wall-tile__message--bad">{problem}</p>}
      <div className="playback__controls">
        <button type="button" onClick={toggle}>
          {paused ? 'Play' : 'Pause'}
        </button>
        <label htmlFor={sliderId}>Playback position</label>
        <input
          id={sliderId}
          type="range"
          min={0}
          max={Math.max(1, Math.floor(duration))}
          step={1}
          value={Math.floor(position)}
          aria-valuetext={TIME.format(at(position))}
          onChange={(e) => seek(Number(e.target.value))}
          onKeyDown={(e) => e.stopPropagation()}
        />
        <button type="button" onClick={() => setBookmarks((b) => [...b, position])}>
          Bookmark
        </button>
        <button type="button" onClick={props.onClose}>
          Back to live
        </button>
      </div>
      {bookmarks.length > 0 && (
        <ul className="playback__bookmarks" aria-label="Bookmarks">
          {bookmarks.map((b, i) => (
            <li key={`${b}-${i}`}>
              <button type="button" onClick={() => seek(b)}>
                Go to bookmark {TIME.format(at(b))}
              </button>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
