// The encode recipe: which ffmpeg arguments turn one camera and one profile into a loop of
// exact one-second segments, each five 200 ms fMP4 fragments (the low-latency parts). Pure, so the
// cache key can be the hash of the arguments themselves.
import { createHash } from 'node:crypto';
import type { Camera, CameraOwner } from '../../shared/protocol';
import { PART_MS } from './liveSource';
import { STREAM_PROFILES, type StreamProfileName } from './profiles';

/** Bumped when the output changes in a way the ffmpeg arguments do not show (e.g. a new verification). */
export const RECIPE_VERSION = 3;

/** Which of a camera's two streams. */
export type StreamKind = 'main' | 'sub';

/**
 * A short, cheap first rendition of a camera stream, encoded on demand while its full loop waits in
 * the prewarm queue: a couple of seconds at ultrafast take a fraction of a second, so the first
 * camera an operator opens on a cold cache plays at once.
 */
export const QUICK_LOOP_SECONDS = 2;

/** Which rendition of a camera stream a loop is: the full loop, or the quick first one. */
export type Rendition = 'full' | 'quick';

/** File names inside one loop's cache directory. */
export const LOOP_FILES = {
  init: 'init.mp4',
  label: 'label.txt',
  /** What ffmpeg writes (one fragmented MP4); cut into init and segments, then removed. */
  encoded: 'loop.mp4',
  manifest: 'loop.json',
  segment: (index: number): string => `seg${index}.m4s`,
} as const;

/** Encoder settings of one profile, beside the codec and size fixed in `STREAM_PROFILES`. */
export interface ProfileRecipe {
  fps: number;
  /** Declared peak bits per second (multivariant BANDWIDTH); the VBV keeps every 1 s segment under it. */
  bandwidth: number;
  /** ffmpeg video codec arguments; x264 and x265 run on one thread so the rest of the room stays fluid. */
  codecArgs: readonly string[];
  /** The same codec, profile and level at the cheapest preset, for the quick first rendition. */
  quickCodecArgs: readonly string[];
}

const x264 = (
  profile: string,
  level: string,
  fps: number,
  kbps: number,
  maxKbps: number,
  preset: readonly string[] = ['-preset', 'veryfast'],
): string[] => [
  ...['-c:v', 'libx264', ...preset, '-profile:v', profile, '-level:v', level],
  // No B-frames: decode order equals presentation order, so tiles decode with the least delay.
  ...['-bf', '0', '-g', String(fps), '-keyint_min', String(fps), '-sc_threshold', '0'],
  ...['-b:v', `${kbps}k`, '-maxrate', `${maxKbps}k`, '-bufsize', `${maxKbps}k`, '-threads', '1'],
];

/**
 * `ultrafast` with the 8x8 transform back on: ultrafast alone drops CABAC and 8x8, and x264 then
 * writes a Baseline SPS under `-profile:v high`, whose codec string would not be the advertised one.
 */
const ULTRAFAST_HIGH = ['-preset', 'ultrafast', '-x264-params', '8x8dct=1'];

/** x265 at ultrafast, closed one-second GOPs. */
const X265_ARGS: readonly string[] = [
  ...['-c:v', 'libx265', '-preset', 'ultrafast', '-tag:v', 'hvc1'],
  ...['-b:v', '800k', '-maxrate', '1000k', '-bufsize', '1000k'],
  // Closed GOPs so every segment starts with an IDR; one worker thread and one frame in flight.
  '-x265-params',
  'log-level=error:level-idc=3.1:keyint=25:min-keyint=25:scenecut=0:open-gop=0:bframes=0:pools=1:frame-threads=1',
];

/** Encoder settings per profile. `veryfast`, not `ultrafast`: the latter drops CABAC and 8x8, which would make "High" Baseline. */
export const PROFILE_RECIPES: Record<StreamProfileName, ProfileRecipe> = {
  mainH264: {
    fps: 25,
    bandwidth: 1_400_000,
    codecArgs: x264('high', '3.1', 25, 1000, 1200),
    quickCodecArgs: x264('high', '3.1', 25, 1000, 1200, ULTRAFAST_HIGH),
  },
  mainH265: {
    fps: 25,
    bandwidth: 1_200_000,
    codecArgs: X265_ARGS,
    // Already ultrafast: the quick rendition differs only by its length.
    quickCodecArgs: X265_ARGS,
  },
  sub: {
    fps: 15,
    bandwidth: 450_000,
    codecArgs: x264('baseline', '2.1', 15, 300, 360),
    quickCodecArgs: x264('baseline', '2.1', 15, 300, 360, ['-preset', 'ultrafast']),
  },
};

/** The profile a camera's stream is encoded with: its main codec family decides H.264 or H.265. */
export function profileFor(camera: Pick<Camera, 'streams'>, stream: StreamKind): StreamProfileName {
  if (stream === 'sub') return 'sub';
  const codec = camera.streams.main.codec;
  return codec.startsWith('hvc1') || codec.startsWith('hev1') ? 'mainH265' : 'mainH264';
}

/** Per-camera variation so that tiles of a wall look different at a glance, and do not wrap together. */
export interface CameraLook {
  /** Hue rotation in degrees applied to the test pattern. */
  hue: number;
  /** Any non-negative integer; the loop phase is this modulo the loop's segment count. */
  phaseSeed: number;
}

/** Derives a camera's look from its id alone, so main and sub streams show the same picture. */
export function cameraLook(cameraId: string): CameraLook {
  const digest = createHash('sha256').update(cameraId).digest();
  return { hue: digest.readUInt16BE(0) % 360, phaseSeed: digest.readUInt32BE(4) };
}

const OWNER_LABELS: Record<CameraOwner, string> = {
  city_police: 'City of London Police',
  corporation: 'City of London Corporation',
  tfl: 'TfL',
  third_party: 'Third-party premises',
};

const MAX_LABEL_LINE = 44;

/** One line of burnt-in text: control characters removed, cut to what fits a 480-pixel-wide sub stream. */
function labelLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what must go
  const clean = text.replace(/[\u0000-\u001f\u007f]+/g, ' ').trim();
  return clean.length > MAX_LABEL_LINE ? `${clean.slice(0, MAX_LABEL_LINE - 1)}…` : clean;
}

/** The two lines burnt into every frame: the camera's name, then its id and owner. */
export function burnInLabel(camera: Pick<Camera, 'id' | 'name' | 'owner'>): string {
  return `${labelLine(camera.name)}\n${labelLine(`${camera.id} · ${OWNER_LABELS[camera.owner]}`)}`;
}

/**
 * Escapes a value for a filter option inside an ffmpeg filtergraph: once for the option parser
 * (`\ ' :`), then again for the graph parser (`\ ' [ ] , ;`), as ffmpeg-filters documents.
 */
export function escapeFilterValue(value: string): string {
  const optionLevel = value.replace(/[\\':]/g, (c) => `\\${c}`);
  return optionLevel.replace(/[\\'[\],;]/g, (c) => `\\${c}`);
}

/** What is encoded: everything that changes the picture. */
export interface LoopSpec {
  cameraId: string;
  name: string;
  owner: CameraOwner;
  profile: StreamProfileName;
  /** Loop length; each second is one segment. */
  loopSeconds: number;
  /** The full loop, or the quick first rendition (cheapest preset; its length is in loopSeconds). */
  rendition: Rendition;
}

/** The encoder installation a plan is made for. */
export interface EncoderSetup {
  ffmpegPath: string;
  /** Part of the cache key: a different ffmpeg build may produce different bytes. */
  ffmpegVersion: string;
  /** A TrueType font for the burnt-in text, or null for ffmpeg's fontconfig default. */
  fontFile: string | null;
}

/** A ready-to-run encode: ffmpeg arguments relative to the output directory, the label file, the cache key. */
export interface EncodePlan {
  /** 16 hex digits: the hash of the recipe version, ffmpeg version, arguments and label. */
  key: string;
  spec: LoopSpec;
  args: readonly string[];
  label: string;
}

/** Every picture is drawn at the main size, so a sub stream is the main picture scaled down, as on a real camera. */
const CANVAS = STREAM_PROFILES.mainH264;

/**
 * Where a loop's picture is drawn: the main canvas, except for a quick rendition, drawn at its own
 * size with the text scaled to match (a third of the work for a sub stream; the picture looks the same).
 */
function canvasOf(spec: LoopSpec): { width: number; height: number } {
  return spec.rendition === 'quick' ? STREAM_PROFILES[spec.profile] : CANVAS;
}

/** The video filter: hue-shifted test pattern, the label on top, the loop time below, scaled to the profile. */
function videoFilter(spec: LoopSpec, fontFile: string | null): string {
  const { width, height } = STREAM_PROFILES[spec.profile];
  const canvas = canvasOf(spec);
  const look = cameraLook(spec.cameraId);
  const font = fontFile ? `fontfile=${escapeFilterValue(fontFile)}:` : '';
  // Sized for the 1280x720 canvas; 40 px becomes 15 px in the 480x270 sub stream, still legible on a tile.
  const unit = (px: number) => Math.round((px * canvas.width) / CANVAS.width);
  const margin = unit(36);
  const size = unit(40);
  const box = `fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=${unit(8)}`;
  return [
    `hue=h=${look.hue}`,
    `drawtext=${font}textfile=${LOOP_FILES.label}:expansion=none:x=${margin}:y=${margin}:fontsize=${size}:${box}`,
    // The loop time and frame number make motion visible; the wall clock is in EXT-X-PROGRAM-DATE-TIME.
    `drawtext=${font}text='%{pts\\:hms}  %{n}':x=${margin}:y=${canvas.height - margin - size}:fontsize=${size}:${box}`,
    ...(width === canvas.width && height === canvas.height ? [] : [`scale=${width}:${height}`]),
    'format=yuv420p',
  ].join(',');
}

/** Plans the encode of one loop. The arguments name files relative to the working directory. */
export function planEncode(spec: LoopSpec, setup: Omit<EncoderSetup, 'ffmpegPath'>): EncodePlan {
  const recipe = PROFILE_RECIPES[spec.profile];
  const args = [
    ...['-hide_banner', '-loglevel', 'error', '-nostdin', '-y'],
    ...['-f', 'lavfi', '-i', `testsrc2=size=${canvasOf(spec).width}x${canvasOf(spec).height}:rate=${recipe.fps}`],
    ...['-frames:v', String(spec.loopSeconds * recipe.fps), '-vf', videoFilter(spec, setup.fontFile)],
    ...(spec.rendition === 'quick' ? recipe.quickCodecArgs : recipe.codecArgs),
    ...['-force_key_frames', 'expr:gte(t,n_forced*1)', '-an', '-sn', '-dn'],
    // One fragmented MP4 with a fragment every 200 ms (5 frames at 25 fps, 3 at 15: exact) and at
    // every key frame (each second): the encoder cuts it into 1 s segments of five parts. The mp4
    // muxer, not hls: the hls muxer of the ffmpeg builds we ship cuts one fragment per segment and
    // takes no fragment duration. default_base_moof makes each fragment stand alone as a part.
    ...['-f', 'mp4', '-movflags', 'empty_moov+default_base_moof+frag_keyframe'],
    ...['-frag_duration', String((PART_MS * 1000).toFixed(0)), LOOP_FILES.encoded],
  ];
  const label = burnInLabel({ id: spec.cameraId, name: spec.name, owner: spec.owner });
  const key = createHash('sha256')
    .update(JSON.stringify({ recipe: RECIPE_VERSION, ffmpeg: setup.ffmpegVersion, args, label }))
    .digest('hex')
    .slice(0, 16);
  return { key, spec, args, label };
}
