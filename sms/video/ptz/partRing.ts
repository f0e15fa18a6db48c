// A short ring of one live encode's parts, in memory: fragments from the encoder are filed into the
// 200 ms parts of the wall clock they start in, a part is complete once its fragments cover it, and
// old segments go when there are too many or they hold too many bytes.
import { PART_MS, PARTS_PER_SEGMENT, type PartRef } from '../liveSource';

/** One fragment as the ring takes it: its bytes and its place on the wall clock. */
export interface TimedFragment {
  bytes: Uint8Array;
  /** Wall time of its first sample, ms since the epoch. */
  startMs: number;
  durationMs: number;
  startsWithSync: boolean;
}

/** A part held by the ring. */
export interface StoredPart {
  ref: PartRef;
  fragments: Uint8Array[];
  bytes: number;
  startMs: number;
  /** End of its last fragment so far. */
  endMs: number;
  /** Starts with a key frame at the part's start (EXT-X-PART INDEPENDENT=YES). */
  independent: boolean;
  complete: boolean;
}

/** What `add` did with a fragment. */
export type AddResult =
  /** Filed; `completed` lists parts it completed, oldest first. */
  | { ok: true; completed: PartRef[] }
  /** Dropped while waiting for a key frame at a segment's start (nothing is listed before one). */
  | { ok: false; why: 'waiting_for_key' }
  /** Does not follow the previous fragment, or straddles parts: the encode must start a new timeline. */
  | { ok: false; why: 'discontinuity' | 'misaligned' | 'too_large' };

/** Tolerance for the float arithmetic of ticks to ms (a tick at 90 kHz is 0.011 ms). */
const EPS_MS = 0.5;

export function partIndexOf(ms: number): number {
  return Math.floor((ms + EPS_MS) / PART_MS);
}

export function refOf(index: number): PartRef {
  const msn = Math.floor(index / PARTS_PER_SEGMENT);
  return { msn, part: index - msn * PARTS_PER_SEGMENT };
}

export function indexOf(ref: PartRef): number {
  return ref.msn * PARTS_PER_SEGMENT + ref.part;
}

/** Limits of a ring. */
export interface PartRingLimits {
  /** Whole segments kept (older ones go). At least 2. */
  maxSegments: number;
  /** Bytes kept; older segments go first, the newest segment always stays unless it alone is larger. */
  maxBytes: number;
}

/** The parts of one encode (one key), contiguous from a segment that starts with a key frame. */
export class PartRing {
  readonly #limits: PartRingLimits;
  /** Parts by index (msn·5 + part), contiguous from #first to #last. */
  readonly #parts = new Map<number, StoredPart>();
  #first = -1;
  #last = -1;
  #bytes = 0;

  constructor(limits: PartRingLimits) {
    if (!(limits.maxSegments >= 2) || !(limits.maxBytes > 0)) throw new RangeError('ring limits too small');
    this.#limits = limits;
  }

  get bytes(): number {
    return this.#bytes;
  }

  get(ref: PartRef): StoredPart | undefined {
    return this.#parts.get(indexOf(ref));
  }

  /** The newest complete part, or null. */
  newestComplete(): PartRef | null {
    for (let i = this.#last; i >= this.#first && i >= 0; i--) {
      if (this.#parts.get(i)?.complete) return refOf(i);
    }
    return null;
  }

  /** The oldest segment held, or null when the ring is empty. */
  oldestSegment(): number | null {
    return this.#first < 0 ? null : refOf(this.#first).msn;
  }

  /** A whole segment's bytes, when all its parts are complete. */
  segment(msn: number): Uint8Array | null {
    const chunks: Uint8Array[] = [];
    for (let part = 0; part < PARTS_PER_SEGMENT; part++) {
      const stored = this.get({ msn, part });
      if (!stored?.complete) return null;
      chunks.push(...stored.fragments);
    }
    return Buffer.concat(chunks);
  }

  add(fragment: TimedFragment): AddResult {
    const index = partIndexOf(fragment.startMs);
    const partEnd = (index + 1) * PART_MS;
    const endMs = fragment.startMs + fragment.durationMs;
    if (endMs > partEnd + EPS_MS) return { ok: false, why: 'misaligned' };
    if (fragment.bytes.byteLength > this.#limits.maxBytes) return { ok: false, why: 'too_large' };
    const atPartStart = Math.abs(fragment.startMs - index * PART_MS) < EPS_MS;

    if (this.#last < 0) {
      if (!(fragment.startsWithSync && atPartStart && refOf(index).part === 0)) {
        return { ok: false, why: 'waiting_for_key' };
      }
      this.#first = index;
    } else {
      const previous = this.#parts.get(this.#last) as StoredPart;
      if (Math.abs(fragment.startMs - previous.endMs) >= EPS_MS) return { ok: false, why: 'discontinuity' };
    }

    const completed: PartRef[] = [];
    let stored = this.#parts.get(index);
    if (!stored) {
      // A new part: the one before it is complete now, whatever its fragments covered.
      const before = this.#parts.get(index - 1);
      if (before && !before.complete) {
        before.complete = true;
        completed.push(before.ref);
      }
      stored = {
        ref: refOf(index),
        fragments: [],
        bytes: 0,
        startMs: fragment.startMs,
        endMs: fragment.startMs,
        independent: fragment.startsWithSync && atPartStart,
        complete: false,
      };
      this.#parts.set(index, stored);
      this.#last = index;
    }
    stored.fragments.push(fragment.bytes);
    stored.bytes += fragment.bytes.byteLength;
    stored.endMs = endMs;
    this.#bytes += fragment.bytes.byteLength;
    if (endMs >= partEnd - EPS_MS) {
      stored.complete = true;
      completed.push(stored.ref);
    }
    this.#evict();
    return { ok: true, completed };
  }

  /** Drops whole segments from the oldest while over a limit, keeping the newest segment. */
  #evict(): void {
    const newestSegment = refOf(this.#last).msn;
    for (;;) {
      const oldest = refOf(this.#first).msn;
      if (oldest >= newestSegment) return;
      const over = newestSegment - oldest + 1 > this.#limits.maxSegments || this.#bytes > this.#limits.maxBytes;
      if (!over) return;
      for (let part = 0; part < PARTS_PER_SEGMENT; part++) {
        const index = oldest * PARTS_PER_SEGMENT + part;
        const stored = this.#parts.get(index);
        if (stored) this.#bytes -= stored.bytes;
        this.#parts.delete(index);
      }
      this.#first = (oldest + 1) * PARTS_PER_SEGMENT;
    }
  }
}
