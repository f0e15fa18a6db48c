// One watched PTZ camera stream: a live ffmpeg encode of the camera's view of its panorama, moved
// by commands on ffmpeg's stdin as the camera's ptzState changes, cut into parts kept in a short
// ring. Implements LiveMediaSource, so the low-latency playlist and routes serve it like a loop.
//
// Bounded: one ffmpeg, a ring of a few seconds (bytes capped), at most MAX_WAITERS blocked
// reloads; ffmpeg is killed on stop, restarted with back-off when it dies or stalls, and given up
// on after repeated failures (the stream then serves nothing until its session ends).
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Camera, PtzState } from '../../../shared/protocol';
import type { Logger } from '../../core/log';
import { Mp4FormatError } from '../mp4Inspect';
import { PART_MS, type LiveMediaSource, type PartRef } from '../liveSource';
import { STREAM_PROFILES } from '../profiles';
import { profileFor, type StreamKind } from '../recipe';
import { Fmp4Splitter, initTimescale } from './fmp4Stream';
import { indexOf, PartRing, type PartRingLimits } from './partRing';
import { cropFor, cropSteps, ptzEncodeArgs, stepLines, type CropTarget } from './scene';

/** How a session starts ffmpeg (tests give a fake). */
export type SpawnEncoder = (ffmpegPath: string, args: readonly string[]) => ChildProcessWithoutNullStreams;

const defaultSpawn: SpawnEncoder = (ffmpegPath, args) => spawn(ffmpegPath, args, { stdio: ['pipe', 'pipe', 'pipe'] });

/** What a session needs from its registry. */
export interface PtzSessionDeps {
  ffmpegPath: string;
  fontFile: string | null;
  log: Logger;
  /** Wall clock (ms since the epoch); ffmpeg stamps frames by the system clock, so this must be it. */
  now: () => number;
  ring: PartRingLimits;
  spawn?: SpawnEncoder;
}

/** Blocked reloads waiting on one session at most; more answer "not yet" at once. */
export const MAX_WAITERS = 500;
/** No fragment for this long from a running encoder: it is stuck, kill it. */
const STALL_MS = 5_000;
/**
 * Media time 0 is the first whole second at least this far ahead of the spawn (about ffmpeg's
 * start-up when the machine is quiet). Starting later than that is harmless: `fps` pads the start,
 * so the first parts come in a burst, still on the wall clock.
 */
const STARTUP_MS = 400;
/** Commands ffmpeg has not confirmed after this long are taken as read (it prints a prompt for each). */
const COMMAND_ACK_MS = 1_000;
/** A zoom is queued this far ahead of the media clock: both its commands must have been read by then. */
const ZOOM_LEAD_S = 0.35;
const MAX_FAILURES = 6;
const STDERR_TAIL = 2_000;

/** One ffmpeg run and the media it made: a new run has a new key (new URIs, a new timeline). */
interface Generation {
  key: string;
  process: ChildProcessWithoutNullStreams;
  originMs: number;
  splitter: Fmp4Splitter;
  init: Uint8Array | null;
  timescale: number;
  ring: PartRing;
  /** Where ffmpeg's crop is (as told so far). */
  told: CropTarget;
  /** Command lines written and not yet confirmed by a prompt on stderr. */
  inFlight: number;
  inFlightSince: number;
  stderrTail: string;
  lastFragmentAt: number;
  exited: Promise<void>;
  stopping: boolean;
  /** Its exit (or failure to start) has been handled: 'error' and 'exit' may both come. */
  ended: boolean;
}

interface Waiter {
  index: number;
  resolve: (complete: boolean) => void;
}

export type PtzSessionState = 'starting' | 'live' | 'failed' | 'stopped';

export class PtzSession implements LiveMediaSource {
  readonly cameraId: string;
  readonly stream: StreamKind;
  readonly #camera: Pick<Camera, 'id' | 'name' | 'owner' | 'streams'>;
  readonly #deps: PtzSessionDeps;
  readonly #outWidth: number;
  /** The generation served (has media), and one starting to replace it after a restart. */
  #serving: Generation | null = null;
  #running: Generation | null = null;
  #wanted: PtzState;
  #waiters = new Set<Waiter>();
  #failures = 0;
  #restartTimer: ReturnType<typeof setTimeout> | null = null;
  #watchdog: ReturnType<typeof setInterval> | null = null;
  #state: PtzSessionState = 'starting';
  /** Wall time of the last request for this stream. */
  lastRequestAt: number;
  /** ffmpeg runs started (the first and every restart). */
  spawns = 0;
  /** When it gave up (state 'failed'). */
  failedAt = 0;

  constructor(camera: Camera, stream: StreamKind, deps: PtzSessionDeps) {
    this.cameraId = camera.id;
    this.stream = stream;
    this.#camera = { id: camera.id, name: camera.name, owner: camera.owner, streams: camera.streams };
    this.#deps = deps;
    this.#outWidth = STREAM_PROFILES[profileFor(camera, stream)].width;
    this.#wanted = camera.ptzState ?? { pan: camera.bearing, tilt: 0, zoom: 1 };
    this.lastRequestAt = deps.now();
  }

  get state(): PtzSessionState {
    return this.#state;
  }

  /** Pid of the running ffmpeg (tests check it is gone after stop). */
  get pid(): number | null {
    return this.#running?.process.pid ?? null;
  }

  start(): void {
    if (this.#state === 'stopped' || this.#running) return;
    this.#spawn();
    this.#watchdog ??= setInterval(() => this.#checkStall(), 1_000);
    this.#watchdog.unref();
  }

  touch(): void {
    this.lastRequestAt = this.#deps.now();
  }

  /** Points the picture at `state` (the camera's ptzState); cheap when nothing changed. */
  follow(state: PtzState): void {
    this.#wanted = state;
    this.#pump();
  }

  async stop(): Promise<void> {
    this.#state = 'stopped';
    if (this.#restartTimer) clearTimeout(this.#restartTimer);
    if (this.#watchdog) clearInterval(this.#watchdog);
    this.#restartTimer = null;
    this.#watchdog = null;
    for (const waiter of this.#waiters) waiter.resolve(false);
    this.#waiters.clear();
    const running = this.#running;
    this.#running = null;
    this.#serving = null;
    if (running) await this.#kill(running);
  }

  // ---- LiveMediaSource ----

  key(): string | null {
    return this.#serving?.key ?? null;
  }

  newestPart(): PartRef | null {
    return this.#serving?.ring.newestComplete() ?? null;
  }

  oldestSegment(now: number): number {
    return this.#serving?.ring.oldestSegment() ?? Math.floor(now / 1000);
  }

  independent(ref: PartRef): boolean {
    return this.#serving?.ring.get(ref)?.independent ?? false;
  }

  partDurationMs(ref: PartRef): number {
    const stored = this.#serving?.ring.get(ref);
    return stored?.complete ? stored.endMs - stored.startMs : PART_MS;
  }

  init(key: string): Promise<Uint8Array | null> {
    this.touch();
    const generation = this.#generation(key);
    return Promise.resolve(generation?.init ?? null);
  }

  part(key: string, ref: PartRef): Promise<Uint8Array | null> {
    this.touch();
    const stored = this.#generation(key)?.ring.get(ref);
    return Promise.resolve(stored?.complete ? Buffer.concat(stored.fragments) : null);
  }

  segment(key: string, msn: number): Promise<Uint8Array | null> {
    this.touch();
    return Promise.resolve(this.#generation(key)?.ring.segment(msn) ?? null);
  }

  waitFor(ref: PartRef, timeoutMs: number, signal: AbortSignal): Promise<boolean> {
    this.touch();
    const index = indexOf(ref);
    if (this.#reached(index)) return Promise.resolve(true);
    if (signal.aborted || timeoutMs <= 0 || this.#waiters.size >= MAX_WAITERS || this.#state === 'stopped') {
      return Promise.resolve(false);
    }
    return new Promise((resolve) => {
      const waiter: Waiter = {
        index,
        resolve: (complete) => {
          clearTimeout(timer);
          signal.removeEventListener('abort', aborted);
          this.#waiters.delete(waiter);
          resolve(complete);
        },
      };
      const aborted = () => waiter.resolve(false);
      const timer = setTimeout(() => waiter.resolve(false), timeoutMs);
      signal.addEventListener('abort', aborted, { once: true });
      this.#waiters.add(waiter);
    });
  }

  // ---- internals ----

  #generation(key: string): Generation | null {
    if (this.#serving?.key === key) return this.#serving;
    return null;
  }

  #reached(index: number): boolean {
    const newest = this.newestPart();
    return newest !== null && indexOf(newest) >= index;
  }

  #spawn(): void {
    const now = this.#deps.now();
    const originMs = Math.ceil((now + STARTUP_MS) / 1000) * 1000;
    const told = cropFor(this.#wanted, this.stream);
    const args = ptzEncodeArgs({
      camera: this.#camera,
      stream: this.stream,
      state: this.#wanted,
      originMs,
      fontFile: this.#deps.fontFile,
    });
    const process = (this.#deps.spawn ?? defaultSpawn)(this.#deps.ffmpegPath, args);
    this.spawns += 1;
    let exited: () => void = () => {};
    const generation: Generation = {
      key: randomBytes(8).toString('hex'),
      process,
      originMs,
      splitter: new Fmp4Splitter(),
      init: null,
      timescale: 0,
      ring: new PartRing(this.#deps.ring),
      told,
      inFlight: 0,
      inFlightSince: 0,
      stderrTail: '',
      lastFragmentAt: now,
      exited: new Promise((resolve) => (exited = resolve)),
      stopping: false,
      ended: false,
    };
    this.#running = generation;
    process.stdout.on('data', (chunk: Buffer) => this.#onData(generation, chunk));
    process.stderr.on('data', (chunk: Buffer) => this.#onStderr(generation, chunk));
    // A write to a dead ffmpeg's stdin fails with EPIPE: its exit is handled below.
    process.stdin.on('error', () => {});
    process.on('error', (error) => {
      this.#deps.log.error(`ptz encoder ${this.cameraId}/${this.stream} could not run`, error);
      exited();
      this.#onExit(generation, null);
    });
    process.on('exit', (code, signal) => {
      exited();
      this.#onExit(generation, code ?? signal);
    });
  }

  #onData(generation: Generation, chunk: Buffer): void {
    if (generation.stopping) return;
    try {
      for (const unit of generation.splitter.push(chunk)) {
        if (unit.kind === 'init') {
          generation.init = unit.bytes;
          generation.timescale = initTimescale(unit.bytes);
          continue;
        }
        generation.lastFragmentAt = this.#deps.now();
        const ticksToMs = 1000 / generation.timescale;
        const added = generation.ring.add({
          bytes: unit.bytes,
          startMs: generation.originMs + Number(unit.info.decodeTime) * ticksToMs,
          durationMs: unit.info.duration * ticksToMs,
          startsWithSync: unit.info.startsWithSync,
        });
        if (!added.ok) {
          if (added.why === 'waiting_for_key') continue;
          this.#deps.log.warn(`ptz encoder ${this.cameraId}/${this.stream}: ${added.why}; restarting it`);
          void this.#kill(generation);
          return;
        }
        if (added.completed.length > 0) this.#onParts(generation);
      }
    } catch (error) {
      if (!(error instanceof Mp4FormatError)) throw error;
      this.#deps.log.error(`ptz encoder ${this.cameraId}/${this.stream} wrote bad MP4; restarting it`, error);
      void this.#kill(generation);
    }
  }

  #onParts(generation: Generation): void {
    if (this.#serving !== generation) {
      // A restarted encode takes over once it has media; the old one is gone already.
      this.#serving = generation;
    }
    this.#state = 'live';
    this.#failures = 0;
    for (const waiter of [...this.#waiters]) if (this.#reached(waiter.index)) waiter.resolve(true);
  }

  #onStderr(generation: Generation, chunk: Buffer): void {
    const text = chunk.toString('utf8');
    // ffmpeg prompts once for each command line it reads: that confirms a line.
    const prompts = text.split('Enter command:').length - 1;
    if (prompts > 0) {
      generation.inFlight = Math.max(0, generation.inFlight - prompts);
      this.#pump();
    }
    generation.stderrTail = (generation.stderrTail + text).slice(-STDERR_TAIL);
  }

  /** Sends the next command moving ffmpeg's crop towards the wanted state, one step at a time. */
  #pump(): void {
    const generation = this.#running;
    if (!generation || generation.stopping) return;
    const now = this.#deps.now();
    if (generation.inFlight > 0 && now - generation.inFlightSince < COMMAND_ACK_MS) return;
    generation.inFlight = 0;
    const [step] = cropSteps(generation.told, cropFor(this.#wanted, this.stream));
    if (!step) return;
    const at = (now - generation.originMs) / 1000 + ZOOM_LEAD_S;
    const lines = stepLines(step, this.#outWidth, Math.max(0, at));
    generation.process.stdin.write(lines.join(''));
    generation.inFlight = lines.length;
    generation.inFlightSince = now;
    generation.told =
      step.kind === 'x'
        ? { ...generation.told, centreX: step.value }
        : step.kind === 'y'
          ? { ...generation.told, centreY: step.value }
          : { ...generation.told, width: step.width };
  }

  #checkStall(): void {
    const generation = this.#running;
    if (!generation || generation.stopping) return;
    if (this.#deps.now() - generation.lastFragmentAt > STALL_MS) {
      this.#deps.log.warn(`ptz encoder ${this.cameraId}/${this.stream} stalled; restarting it`);
      void this.#kill(generation);
    } else {
      this.#pump();
    }
  }

  #onExit(generation: Generation, how: number | string | null): void {
    if (generation.ended) return;
    generation.ended = true;
    if (this.#running === generation) this.#running = null;
    if (this.#state === 'stopped') return;
    if (!generation.stopping) {
      this.#deps.log.warn(
        `ptz encoder ${this.cameraId}/${this.stream} exited (${String(how)}): ${generation.stderrTail.trim().slice(-300)}`,
      );
    }
    this.#failures += 1;
    if (this.#failures >= MAX_FAILURES) {
      this.#state = 'failed';
      this.failedAt = this.#deps.now();
      this.#serving = null;
      this.#deps.log.error(`ptz encoder ${this.cameraId}/${this.stream} failed ${this.#failures} times; giving up`);
      for (const waiter of this.#waiters) waiter.resolve(false);
      return;
    }
    const delay = Math.min(8_000, 250 * 2 ** this.#failures);
    this.#restartTimer = setTimeout(() => {
      this.#restartTimer = null;
      if (this.#state !== 'stopped' && !this.#running) this.#spawn();
    }, delay);
    this.#restartTimer.unref();
  }

  /** SIGTERM, then SIGKILL if ffmpeg has not gone within 2 s; resolves once it has exited. */
  async #kill(generation: Generation): Promise<void> {
    generation.stopping = true;
    const { process } = generation;
    if (process.exitCode === null && process.signalCode === null) {
      process.kill('SIGTERM');
      const hard = setTimeout(() => process.kill('SIGKILL'), 2_000);
      hard.unref();
      await generation.exited;
      clearTimeout(hard);
    }
  }
}
