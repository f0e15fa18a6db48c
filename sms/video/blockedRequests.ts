// Requests the SMS holds open (blocking playlist reloads, preload-hinted parts, a first playlist
// waiting for its quick encode): bounded in number, each ended by its client going away or by the
// server closing, so thousands of hostile blocked reloads cost a counter, not memory or the loop.
import type { FastifyReply } from 'fastify';

/** One held request: its signal aborts when the client disconnects or the server closes. */
export interface HeldRequest {
  signal: AbortSignal;
  /** Must be called once the wait is over (whatever its outcome). */
  release(): void;
}

/** Counts and ends held requests. */
export class BlockedRequests {
  readonly #max: number;
  readonly #held = new Set<AbortController>();

  constructor(max: number) {
    if (!Number.isInteger(max) || max < 1) throw new RangeError('max must be a positive integer');
    this.#max = max;
  }

  /** How many requests are held now. */
  get size(): number {
    return this.#held.size;
  }

  /** Holds `reply`'s request, or returns null when `max` are already held (answer it at once instead). */
  hold(reply: FastifyReply): HeldRequest | null {
    if (this.#held.size >= this.#max) return null;
    const controller = new AbortController();
    this.#held.add(controller);
    // The response's close, not the request's: a request's 'close' also fires once its body is read.
    const gone = () => controller.abort(new Error('client went away'));
    reply.raw.once('close', gone);
    let released = false;
    return {
      signal: controller.signal,
      release: () => {
        if (released) return;
        released = true;
        reply.raw.off('close', gone);
        this.#held.delete(controller);
      },
    };
  }

  /** Ends every held request (the server is closing). */
  abortAll(): void {
    for (const controller of this.#held) controller.abort(new Error('server closing'));
  }
}
