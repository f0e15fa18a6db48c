import type { Camera, Stream } from '../../shared/protocol';

/** Which of a camera's streams a tile plays, and why, in words, when it is not the one wanted. */
export interface StreamChoice {
  kind: 'main' | 'sub';
  stream: Stream;
  /** Shown on the tile when the wanted stream cannot be played here. */
  note: string | null;
}

/** Whether Media Source can decode this codec in fMP4 (`MediaSource.isTypeSupported`). */
export type CodecCheck = (mimeType: string) => boolean;

function mimeOf(stream: Stream): string {
  return `video/mp4; codecs="${stream.codec}"`;
}

function codecName(codec: string): string {
  return /^(hvc1|hev1)/.test(codec) ? 'H.265' : /^avc/.test(codec) ? 'H.264' : codec;
}

/**
 * The sub stream on grid tiles; the main stream when focused. Before loading, the playlist's
 * CODECS (as the camera record states them) are checked: a main stream this browser cannot
 * decode (H.265 without a hardware decoder) falls back to the H.264 sub stream, saying so.
 */
export function chooseStream(camera: Camera, wantMain: boolean, canPlay: CodecCheck): StreamChoice | { error: string } {
  const { main, sub } = camera.streams;
  if (wantMain && canPlay(mimeOf(main))) return { kind: 'main', stream: main, note: null };
  if (canPlay(mimeOf(sub))) {
    const note = wantMain
      ? `Main stream is ${codecName(main.codec)}, which this browser cannot decode: falling back to the ${codecName(sub.codec)} sub stream`
      : null;
    return { kind: 'sub', stream: sub, note };
  }
  return { error: `This browser cannot decode ${codecName(sub.codec)} video from this camera` };
}

/** The browser's own check; false where Media Source is missing. */
export function mediaSourceCheck(mimeType: string): boolean {
  return typeof MediaSource !== 'undefined' && MediaSource.isTypeSupported(mimeType);
}
