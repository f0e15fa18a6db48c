import type { Stream } from '../../shared/protocol';

/**
 * The synthetic cameras' stream profiles. The simulator puts these into each Camera record
 * and the HLS encoder must produce exactly these codecs and sizes, so they live in one place.
 */
export const STREAM_PROFILES = {
  /** Main stream, H.264 High 3.1, 1280x720. */
  mainH264: { codec: 'avc1.64001f', width: 1280, height: 720 },
  /**
   * Main stream of a "4K-class" camera, H.265 Main 3.1 (Chromium cannot decode it: the tile falls back to sub).
   * Constraint byte 0x90 (progressive, frame-only, not "non-packed") is what x265 writes into hvcC.
   */
  mainH265: { codec: 'hvc1.1.6.L93.90', width: 1280, height: 720 },
  /** Sub stream for grid tiles, H.264 Constrained Baseline 2.1, 480x270. */
  sub: { codec: 'avc1.42c015', width: 480, height: 270 },
} as const satisfies Record<string, Omit<Stream, 'url'>>;

export type StreamProfileName = keyof typeof STREAM_PROFILES;

/** URL (relative to the SMS origin) of a camera's multivariant playlist for one stream. */
export function streamUrl(cameraId: string, which: 'main' | 'sub'): string {
  return `/hls/${encodeURIComponent(cameraId)}/${which}.m3u8`;
}
