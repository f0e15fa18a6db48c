// Which camera loops are ready, being encoded or failed, and the queues that encode them: one for
// full loops (prewarm, one at a time, in the background) and one for the quick first renditions an
// operator is waiting for, so that a quick encode never waits behind a full one. Requests never
// wait for an encode unless they ask to, and then for a bounded time.
import type { FastifyBaseLogger } from 'fastify';
import type { Camera } from '../../shared/protocol';
import { encodeLoop, readCachedLoop, type LoopManifest } from './encoder';
import { JobQueue, QueueClosedError } from './jobQueue';
import type { EncodePlan, EncoderSetup, Rendition, StreamKind } from './recipe';
import { PROFILE_RECIPES, QUICK_LOOP_SECONDS, planEncode, profileFor } from './recipe';

/** A failed encode is retried on request, but not more often than this (ms). */
const FAILED_RETRY_MS = 30_000;

/**
 * Where a loop stands. A failure carries no detail: ffmpeg's stderr names files and builds, so it
 * goes to the SMS log only, never to an HTTP caller.
 */
export type LoopStatus = { state: 'ready'; manifest: LoopManifest } | { state: 'encoding' } | { state: 'failed' };

/** Counts for health checks and tests. */
export interface LoopLibraryStats {
  /** Loops known to be in the cache. */
  ready: number;
  /** Encodes running or waiting. */
  queued: number;
  failed: number;
  /** Encodes that actually ran ffmpeg since start (cache hits excluded). */
  encoded: number;
}

/** What the library needs. */
export interface LoopLibraryOptions {
  cacheDir: string;
  setup: EncoderSetup;
  loopSeconds: number;
  log: Pick<FastifyBaseLogger, 'info' | 'warn' | 'error'>;
}

/** Keeps track of every camera loop and encodes missing ones through a one-at-a-time queue. */
export class LoopLibrary {
  readonly #options: LoopLibraryOptions;
  readonly #queue = new JobQueue<LoopManifest>(1);
  /**
   * Quick first renditions: a fraction of a second each, never behind a full encode, two at a time
   * (one per core) so a cold wall of sixteen fills twice as fast; each ffmpeg runs on one thread.
   */
  readonly #quickQueue = new JobQueue<LoopManifest>(2);
  readonly #ready = new Map<string, LoopManifest>();
  /** Settles (never rejects) when the encode queued under a key ends, however it ends. */
  readonly #settled = new Map<string, Promise<void>>();
  /** When each failed loop last failed (ms), to retry it no sooner than FAILED_RETRY_MS. */
  readonly #failed = new Map<string, number>();
  readonly #plans = new Map<string, EncodePlan>();
  #encoded = 0;

  constructor(options: LoopLibraryOptions) {
    this.#options = options;
  }

  /** The encode plan of one camera stream's rendition (memoised: planning hashes the ffmpeg arguments). */
  plan(
    camera: Pick<Camera, 'id' | 'name' | 'owner' | 'streams'>,
    stream: StreamKind,
    rendition: Rendition = 'full',
  ): EncodePlan {
    const spec = {
      cameraId: camera.id,
      name: camera.name,
      owner: camera.owner,
      profile: profileFor(camera, stream),
      loopSeconds:
        rendition === 'quick' ? Math.min(QUICK_LOOP_SECONDS, this.#options.loopSeconds) : this.#options.loopSeconds,
      rendition,
    };
    const memo = JSON.stringify(spec);
    let plan = this.#plans.get(memo);
    if (!plan) {
      plan = planEncode(spec, this.#options.setup);
      this.#plans.set(memo, plan);
    }
    return plan;
  }

  /** The loop's state; a loop that is neither cached nor queued is queued, urgently when asked. */
  async status(plan: EncodePlan, options: { urgent: boolean }): Promise<LoopStatus> {
    const ready = this.#ready.get(plan.key);
    if (ready) return { state: 'ready', manifest: ready };
    const failedAt = this.#failed.get(plan.key);
    if (failedAt !== undefined && Date.now() - failedAt < FAILED_RETRY_MS) return { state: 'failed' };
    if (!this.#queueOf(plan).has(plan.key)) {
      const cached = await readCachedLoop(this.#options.cacheDir, plan.key);
      if (cached) {
        this.#ready.set(plan.key, cached);
        return { state: 'ready', manifest: cached };
      }
    }
    this.#request(plan, options.urgent);
    return { state: 'encoding' };
  }

  /** A loop known to be ready, without touching the disk (null when not known ready). */
  ready(key: string): LoopManifest | null {
    return this.#ready.get(key) ?? null;
  }

  /**
   * Resolves when the encode queued under `key` ends (ready or failed), at once when none is queued,
   * or after `timeoutMs` or on `signal`'s abort, whichever comes first. Never rejects.
   */
  settled(key: string, timeoutMs: number, signal: AbortSignal): Promise<void> {
    const pending = this.#settled.get(key);
    if (!pending || signal.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const done = () => {
        clearTimeout(timer);
        signal.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, timeoutMs);
      signal.addEventListener('abort', done, { once: true });
      void pending.then(done);
    });
  }

  /** Queues loops behind any urgent request, in the order given. */
  prewarm(plans: Iterable<EncodePlan>): void {
    for (const plan of plans) if (!this.#ready.has(plan.key)) this.#request(plan, false);
  }

  /** A finished loop by key, from memory or the cache (segments of a loop that is no longer current stay servable). */
  async manifest(key: string): Promise<LoopManifest | null> {
    const known = this.#ready.get(key);
    if (known) return known;
    const cached = await readCachedLoop(this.#options.cacheDir, key);
    if (cached) this.#ready.set(key, cached);
    return cached;
  }

  /** Counts of loops by state. */
  stats(): LoopLibraryStats {
    const full = this.#queue.stats();
    const quick = this.#quickQueue.stats();
    return {
      ready: this.#ready.size,
      queued: full.running + full.waiting + quick.running + quick.waiting,
      failed: this.#failed.size,
      encoded: this.#encoded,
    };
  }

  /** Stops the queues and kills a running ffmpeg; resolves once its partial output is removed. */
  async close(): Promise<void> {
    await Promise.all([this.#queue.close(), this.#quickQueue.close()]);
  }

  #queueOf(plan: EncodePlan): JobQueue<LoopManifest> {
    return plan.spec.rendition === 'quick' ? this.#quickQueue : this.#queue;
  }

  #request(plan: EncodePlan, urgent: boolean): void {
    const queue = this.#queueOf(plan);
    if (queue.has(plan.key)) {
      if (urgent) queue.promote(plan.key);
      return;
    }
    const { cacheDir, setup, log } = this.#options;
    const job = queue
      .run(
        plan.key,
        async (signal) => {
          const { manifest, encoded } = await encodeLoop(plan, setup, cacheDir, signal);
          if (encoded) {
            this.#encoded++;
            log.info(
              {
                cameraId: plan.spec.cameraId,
                profile: plan.spec.profile,
                rendition: plan.spec.rendition,
                seconds: manifest.encodeMs / 1000,
              },
              'hls loop encoded',
            );
            if (manifest.peakBitsPerSecond > PROFILE_RECIPES[plan.spec.profile].bandwidth) {
              log.warn({ key: plan.key, peak: manifest.peakBitsPerSecond }, 'hls loop exceeds its declared bandwidth');
            }
          }
          return manifest;
        },
        { urgent },
      )
      .then(
        (manifest) => {
          this.#ready.set(plan.key, manifest);
          this.#failed.delete(plan.key);
        },
        (error: unknown) => {
          if (error instanceof QueueClosedError) return;
          const message = error instanceof Error ? error.message : String(error);
          this.#failed.set(plan.key, Date.now());
          log.error(
            { cameraId: plan.spec.cameraId, profile: plan.spec.profile, rendition: plan.spec.rendition, err: message },
            'hls loop encode failed',
          );
        },
      )
      .finally(() => this.#settled.delete(plan.key));
    this.#settled.set(plan.key, job);
  }
}
