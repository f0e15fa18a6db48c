import Hls, { type ErrorData } from 'hls.js';
import { catchUpRate } from './catchUp';
import { pictureAgeMs, programDateAt } from './frameClock';
import { LIVE_TUNING, type LiveTuning } from './liveConfig';
import { initialWatchdog, stepWatchdog, type RecoveryAction, type WatchdogInput, type WatchdogState } from './watchdog';

/** What a tile shows about its stream, refreshed once a second. */
export interface TileStats {
  phase: WatchdogState['phase'];
  problem: string | null;
  attempt: number;
  /** The wall-clock time of the picture on screen, from EXT-X-PROGRAM-DATE-TIME. */
  streamTime: Date | null;
  /**
   * Now minus the wall-clock time of the picture on screen: the delay an operator sees, ms. Read
   * from the last frame the browser presented (requestVideoFrameCallback), so a frozen picture's
   * latency grows as it should.
   */
  latencyMs: number | null;
}

export interface TilePlayerOptions {
  /** Absolute playlist URL. */
  url: string;
  /**
   * The bearer token to send with each HLS request, read per request: a tile plays for longer than
   * one token lasts, and the session's renewals hand out new ones (the SMS needs it on segments too).
   */
  token: () => string;
  /** hls.js configuration and catch-up; LIVE_TUNING by default (the benchmark compares with its baselines). */
  tuning?: LiveTuning;
  onStats: (stats: TileStats) => void;
  /**
   * Called for every frame presented, with how old its picture was when it reached the screen, ms
   * (the benchmark's latency samples).
   */
  onFrame?: (latencyMs: number) => void;
  /** Called for every hls.js error, fatal or not (the benchmark counts them by kind). */
  onPlayerError?: (details: string, fatal: boolean) => void;
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
  /** Media time of the last frame presented by this player (reset when the player is rebuilt). */
  private lastFrameMediaTime: number | null = null;
  private frameRequest: number | null = null;
  private readonly tuning: LiveTuning;
  private readonly onTimeUpdate = () => this.catchUp();

  constructor(
    private readonly video: HTMLVideoElement,
    private readonly opts: TilePlayerOptions,
  ) {
    this.now = opts.now ?? Date.now;
    this.tuning = opts.tuning ?? LIVE_TUNING;
    if (this.tuning.catchUp) video.addEventListener('timeupdate', this.onTimeUpdate);
    this.state = initialWatchdog(this.now());
    this.build();
    this.timer = setInterval(() => this.tick(), TICK_MS);
    this.watchFrames();
  }

  /** The live hls.js instance (benchmark and tests read its figures). */
  get instance(): Hls | null {
    return this.hls;
  }

  destroy(): void {
    this.destroyed = true;
    if (this.timer !== null) clearInterval(this.timer);
    this.timer = null;
    if (this.frameRequest !== null) this.video.cancelVideoFrameCallback(this.frameRequest);
    this.frameRequest = null;
    this.video.removeEventListener('timeupdate', this.onTimeUpdate);
    this.teardown();
    this.video.removeAttribute('src');
    this.video.load();
  }

  private build(): void {
    const { token } = this.opts;
    const hls = new Hls({
      ...this.tuning.hls,
      xhrSetup: (xhr) => xhr.setRequestHeader('Authorization', `Bearer ${token()}`),
    });
    hls.on(Hls.Events.ERROR, (_event, data: ErrorData) => this.onError(data));
    hls.attachMedia(this.video);
    hls.loadSource(this.opts.url);
    this.hls = hls;
    this.lastFrameMediaTime = null;
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
    this.opts.onPlayerError?.(data.details, data.fatal);
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
    const shown = this.lastFrameMediaTime === null ? null : this.programDate(this.lastFrameMediaTime);
    this.opts.onStats({
      phase: this.state.phase,
      problem: this.state.problem,
      attempt: this.state.attempt,
      streamTime: shown === null ? null : new Date(shown),
      latencyMs: pictureAgeMs(at, shown),
    });
  }

  /** Plays slightly faster while behind the live target (catchUp.ts), a few times a second. */
  private catchUp(): void {
    const hls = this.hls;
    if (!hls || !this.tuning.catchUp || this.video.paused) return;
    const b = this.video.buffered;
    const rate = catchUpRate(
      {
        latencyS: hls.latency,
        targetS: hls.targetLatency ?? Number.NaN,
        bufferAheadS: b.length ? b.end(b.length - 1) - this.video.currentTime : 0,
        rate: this.video.playbackRate,
      },
      this.tuning.catchUp,
    );
    if (rate !== this.video.playbackRate) this.video.playbackRate = rate;
  }

  /** The wall-clock time (ms) a media time of this player's timeline shows, from its playlist. */
  private programDate(mediaTime: number): number | null {
    return programDateAt(this.hls?.latestLevelDetails?.fragments ?? [], mediaTime);
  }

  /**
   * Follows every presented frame: one cheap callback per frame, no work beyond two numbers unless
   * the benchmark asks for samples.
   */
  private watchFrames(): void {
    const onFrame = (_now: number, meta: VideoFrameCallbackMetadata) => {
      if (this.destroyed) return;
      this.lastFrameMediaTime = meta.mediaTime;
      if (this.opts.onFrame) {
        const shown = this.programDate(meta.mediaTime);
        if (shown !== null) this.opts.onFrame(performance.timeOrigin + meta.expectedDisplayTime - shown);
      }
      this.frameRequest = this.video.requestVideoFrameCallback(onFrame);
    };
    this.frameRequest = this.video.requestVideoFrameCallback(onFrame);
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
