import Hls, { type ErrorData, type HlsConfig } from 'hls.js';
import { initialWatchdog, stepWatchdog, type RecoveryAction, type WatchdogInput, type WatchdogState } from './watchdog';

/** What a tile shows about its stream, refreshed once a second. */
export interface TileStats {
  phase: WatchdogState['phase'];
  problem: string | null;
  attempt: number;
  /** The stream's wall-clock time at the playhead, from EXT-X-PROGRAM-DATE-TIME. */
  streamTime: Date | null;
  /** Now minus the stream's wall-clock time: the delay an operator sees, ms. */
  latencyMs: number | null;
}

/**
 * Low-latency live tuning for 1 s segments: sit 1.8 s behind the end of the newest segment
 * (hls.js defaults to three target durations), catch up gently (at most 5 % faster: faster
 * catch-up dropped frames on a loaded machine), buffer at most 6 s ahead and keep 4 s behind the
 * playhead, so memory stays flat however long a tile runs. Measured by `npm run bench:video`.
 */
export const LIVE_CONFIG: Partial<HlsConfig> = {
  liveSyncDuration: 1.8,
  liveMaxLatencyDuration: 4,
  maxLiveSyncPlaybackRate: 1.05,
  maxBufferLength: 6,
  maxMaxBufferLength: 8,
  backBufferLength: 4,
  capLevelToPlayerSize: true,
  enableWorker: true,
  // Recovery is the watchdog's job; hls.js's own retries stay short so a fault reaches it soon.
  manifestLoadPolicy: {
    default: {
      maxTimeToFirstByteMs: 4_000,
      maxLoadTimeMs: 8_000,
      timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: 1, retryDelayMs: 500, maxRetryDelayMs: 1_000 },
    },
  },
  playlistLoadPolicy: {
    default: {
      maxTimeToFirstByteMs: 4_000,
      maxLoadTimeMs: 8_000,
      timeoutRetry: { maxNumRetry: 1, retryDelayMs: 0, maxRetryDelayMs: 0 },
      errorRetry: { maxNumRetry: 2, retryDelayMs: 500, maxRetryDelayMs: 1_000 },
    },
  },
};

export interface TilePlayerOptions {
  /** Absolute playlist URL. */
  url: string;
  /**
   * The bearer token to send with each HLS request, read per request: a tile plays for longer than
   * one token lasts, and the session's renewals hand out new ones (the SMS needs it on segments too).
   */
  token: () => string;
  /** hls.js configuration; LIVE_CONFIG by default (the benchmark compares with `{}`). */
  config?: Partial<HlsConfig>;
  onStats: (stats: TileStats) => void;
  now?: () => number;
}

const TICK_MS = 1_000;

/**
 * One tile's hls.js player with its watchdog. Owns the Hls instance and releases it (and the
 * video element's source) on `destroy`, so a tile that leaves the screen frees its decoder and
 * buffers. Errors stay inside: nothing here can throw into another tile.
 */
export class TilePlayer {
  private hls: Hls | null = null;
  private state: WatchdogState;
  private timer: ReturnType<typeof setInterval> | null = null;
  private readonly now: () => number;
  private destroyed = false;

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly opts: TilePlayerOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.state = initialWatchdog(this.now());
    this.build();
    this.timer = setInterval(() => this.tick(), TICK_MS);
  }

  /** The live hls.js instance (benchmark and tests read its figures). */
  get instance(): Hls | null {
    return this.hls;
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    this.teardown();
    this.video.removeAttribute('src');
    this.video.load();
  }

  private build(): void {
    const { token } = this.opts;
    const hls = new Hls({
      ...(this.opts.config ?? LIVE_CONFIG),
      xhrSetup: (xhr) => xhr.setRequestHeader('Authorization', `Bearer ${token()}`),
    });
    hls.on(Hls.Events.ERROR, (_event, data: ErrorData) => this.onError(data));
    hls.attachMedia(this.video);
    hls.loadSource(this.opts.url);
    this.hls = hls;
    this.video.muted = true;
    void this.video.play().catch(() => undefined);
  }

  private teardown(): void {
    try {
      this.hls?.destroy();
    } catch {
      // A player already torn down by a fatal error; nothing left to free.
    }
    this.hls = null;
  }

  private onError(data: ErrorData): void {
    const kind =
      data.type === Hls.ErrorTypes.MEDIA_ERROR
        ? 'media'
        : data.type === Hls.ErrorTypes.NETWORK_ERROR
          ? 'network'
          : 'other';
    this.feed({ type: 'error', at: this.now(), kind, fatal: data.fatal, detail: describe(data) });
  }

  private tick(): void {
    if (this.destroyed) return;
    const at = this.now();
    this.feed({ type: 'progress', at, position: this.video.currentTime });
    this.feed({ type: 'tick', at });
    if (this.video.paused && this.state.phase === 'playing') void this.video.play().catch(() => undefined);
    const date = this.hls?.playingDate ?? null;
    const streamTime = date && !Number.isNaN(date.getTime()) ? date : null;
    this.opts.onStats({
      phase: this.state.phase,
      problem: this.state.problem,
      attempt: this.state.attempt,
      streamTime,
      latencyMs: streamTime ? Math.max(0, at - streamTime.getTime()) : null,
    });
  }

  private feed(input: WatchdogInput): void {
    const { state, action } = stepWatchdog(this.state, input);
    this.state = state;
    if (action) this.act(action);
  }

  private act(action: RecoveryAction): void {
    if (this.destroyed) return;
    const hls = this.hls;
    if (action === 'recoverMedia' && hls) {
      hls.recoverMediaError();
      void this.video.play().catch(() => undefined);
    } else if (action === 'reloadStream' && hls) {
      hls.stopLoad();
      hls.loadSource(this.opts.url);
      hls.startLoad(-1);
    } else {
      this.teardown();
      this.build();
    }
  }
}

function describe(data: ErrorData): string {
  const status = data.response?.code;
  if (status === 503) return 'Camera stream unavailable (the SMS reports it offline)';
  if (status === 401) return 'Signed out: sign in again to view cameras';
  // A playlist refused (the view ended), or a segment whose grant ran out: the watchdog's reload
  // fetches the playlist again, which brings fresh grants while the view is open.
  if (status === 403) return 'Not allowed to view this camera';
  if (data.type === Hls.ErrorTypes.NETWORK_ERROR) return `Network problem (${data.details})`;
  if (data.type === Hls.ErrorTypes.MEDIA_ERROR) return `Decoder problem (${data.details})`;
  return `Player problem (${data.details})`;
}
