// What a PTZ camera sees: a synthetic 360° panorama (sky, a skyline drawn from the camera's id,
// compass letters on the horizon, a street with lane marks), of which the encoder crops the part the
// camera points at. Pure: the panorama's geometry, the ffmpeg arguments of a live encode, and the
// run-time commands that move the crop.
import { createHash } from 'node:crypto';
import type { Camera, PtzState } from '../../../shared/protocol';
import { STREAM_PROFILES } from '../profiles';
import { burnInLabel, escapeFilterValue, PROFILE_RECIPES, profileFor, type StreamKind } from '../recipe';

/** Horizontal field of view at zoom 1, degrees (a typical PTZ dome at its widest). */
export const HFOV_DEG = 60;
/** The panorama covers elevations from `SCENE_TOP_DEG` down to `SCENE_BOTTOM_DEG`. */
export const SCENE_TOP_DEG = 30;
export const SCENE_BOTTOM_DEG = -60;
/** Azimuths drawn before 0° and after 360° so that a view across north never leaves the picture. */
const WRAP_DEG = HFOV_DEG / 2;
/** Names of the filters that commands move (instance names in the filtergraph). */
export const CROP_FILTER = 'crop@ptz';
export const SCALE_FILTER = 'scale@ptz';

/** The panorama's pixels per degree for a stream: the crop at zoom 1 is the output size or a bit less. */
export function pixelsPerDegree(stream: StreamKind): number {
  return stream === 'sub' ? 8 : 16;
}

/** Size of the panorama picture of a stream. */
export function sceneSize(stream: StreamKind): { width: number; height: number } {
  const ppd = pixelsPerDegree(stream);
  return { width: (360 + 2 * WRAP_DEG) * ppd, height: (SCENE_TOP_DEG - SCENE_BOTTOM_DEG) * ppd };
}

const even = (n: number) => 2 * Math.round(n / 2);

/** Where the crop goes for a PTZ state: centre column and row in the panorama, and crop width. */
export interface CropTarget {
  centreX: number;
  centreY: number;
  width: number;
}

/** Pan wraps into [0, 360); tilt and zoom are clamped to the protocol's ranges (NaN counts as the middle). */
export function cropFor(state: PtzState, stream: StreamKind): CropTarget {
  const ppd = pixelsPerDegree(stream);
  const pan = Number.isFinite(state.pan) ? ((state.pan % 360) + 360) % 360 : 0;
  const tilt = Number.isFinite(state.tilt) ? Math.min(90, Math.max(-90, state.tilt)) : 0;
  const zoom = Number.isFinite(state.zoom) ? Math.min(30, Math.max(1, state.zoom)) : 1;
  return {
    centreX: Math.round((pan + WRAP_DEG) * ppd),
    // Rows outside the panorama are clamped by the crop filter itself (it keeps the window inside).
    centreY: Math.round((SCENE_TOP_DEG - tilt) * ppd),
    width: Math.max(16, even((HFOV_DEG * ppd) / zoom)),
  };
}

/** A small deterministic generator (mulberry32) seeded from the camera id: the same city every run. */
function rng(cameraId: string): () => number {
  let a = createHash('sha256').update(`ptz-scene:${cameraId}`).digest().readUInt32BE(0);
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

const hex = (r: number, g: number, b: number) =>
  `0x${[r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('')}`;

const COMPASS = ['N', 'NE', 'E', 'SE', 'S', 'SW', 'W', 'NW'] as const;

/**
 * The filters drawing the panorama once (one frame): each feature is drawn at its azimuth and again
 * 360° on where that still falls inside the picture, so the seam at north cannot be seen.
 */
export function sceneFilters(cameraId: string, stream: StreamKind, fontFile: string | null): string[] {
  const ppd = pixelsPerDegree(stream);
  const { width, height } = sceneSize(stream);
  const random = rng(cameraId);
  const col = (az: number) => Math.round((az + WRAP_DEG) * ppd);
  const row = (elevation: number) => Math.round((SCENE_TOP_DEG - elevation) * ppd);
  const copies = (az: number, w: number) =>
    [az - 360, az, az + 360].filter((a) => col(a) + w * ppd > 0 && col(a) < width);
  const filters = [`color=c=0x8fb4d8:s=${width}x${height}:r=1`];
  const box = (x: number, y: number, w: number, h: number, colour: string) =>
    `drawbox=x=${x}:y=${y}:w=${Math.max(1, Math.round(w))}:h=${Math.max(1, Math.round(h))}:c=${colour}:t=fill`;
  // The street: everything below -20° elevation, with a dash every 10° of azimuth.
  filters.push(box(0, row(-20), width, height - row(-20), '0x3a3a3a'));
  for (let az = 0; az < 360; az += 10) {
    for (const a of copies(az, 4)) filters.push(box(col(a), row(-38), 4 * ppd, 1.2 * ppd, '0xe8e8e8'));
  }
  // The skyline: buildings of random width, height and colour, each with a band of lit windows.
  for (let az = 0; az < 360;) {
    // Buildings stop at 360°, so the copies either side of north overlap nothing drawn later.
    const w = Math.min(4 + random() * 10, 360 - az);
    const top = 2 + random() * 22;
    const shade = 60 + random() * 120;
    const colour = hex(shade, shade * (0.8 + random() * 0.3), shade * (0.7 + random() * 0.5));
    const windowRow = top - 2 - random() * Math.max(1, top - 4);
    for (const a of copies(az, w)) {
      filters.push(box(col(a), row(top), w * ppd, row(-20) - row(top), colour));
      filters.push(box(col(a + w * 0.15), row(windowRow), w * 0.7 * ppd, 1.5 * ppd, '0xf2d27a'));
    }
    az += w + random() * 3;
  }
  const font = fontFile ? `fontfile=${escapeFilterValue(fontFile)}:` : '';
  for (const [i, name] of COMPASS.entries()) {
    for (const a of copies(i * 45, 3)) {
      filters.push(
        `drawtext=${font}text=${name}:x=${col(a)}-tw/2:y=${row(27)}:fontsize=${4 * ppd}:fontcolor=white:box=1:boxcolor=0x203040@0.8:boxborderw=${ppd / 2}`,
      );
    }
  }
  return filters;
}

/** Everything a live encode of one PTZ camera stream is made from. */
export interface PtzEncodeSpec {
  camera: Pick<Camera, 'id' | 'name' | 'owner' | 'streams'>;
  stream: StreamKind;
  /** Where the camera points when the encoder starts. */
  state: PtzState;
  /** Wall time (ms since the epoch, a whole second) that media time 0 stands for. */
  originMs: number;
  fontFile: string | null;
}

/**
 * ffmpeg arguments of a live encode to fragmented MP4 on stdout. The panorama is drawn once and
 * repeated; `realtime` paces it; each frame is stamped with the wall clock it passes at (RTCTIME,
 * relative to `originMs`) and `fps` puts it on the frame grid from `originMs` (padding the start
 * if ffmpeg came up late), so key frames and fragments fall on the wall clock's seconds and 200 ms
 * parts. The crop and scale are named so that commands on stdin can move them while it runs.
 */
export function ptzEncodeArgs(spec: PtzEncodeSpec): string[] {
  if (!Number.isInteger(spec.originMs / 1000)) throw new RangeError('originMs must be a whole second');
  const profile = profileFor(spec.camera, spec.stream);
  const recipe = PROFILE_RECIPES[profile];
  const { width, height } = STREAM_PROFILES[profile];
  const crop = cropFor(spec.state, spec.stream);
  const font = spec.fontFile ? `fontfile=${escapeFilterValue(spec.fontFile)}:` : '';
  const label = escapeFilterValue(burnInLabel(spec.camera));
  const margin = Math.round(height / 20);
  const fontSize = Math.round(height / 18);
  const boxed = `fontcolor=white:box=1:boxcolor=black@0.6:boxborderw=${Math.round(fontSize / 5)}`;
  const graph = [
    ...sceneFilters(spec.camera.id, spec.stream, spec.fontFile),
    'trim=end_frame=1',
    'loop=loop=-1:size=1',
    'settb=AVTB',
    `setpts=N/${recipe.fps}/TB`,
    'realtime',
    `setpts=(RTCTIME-${spec.originMs * 1000})/1000000/TB`,
    `fps=fps=${recipe.fps}:start_time=0`,
    `${CROP_FILTER}=w=${crop.width}:h=ow*${height}/${width}:x=${crop.centreX}-ow/2:y=${crop.centreY}-oh/2`,
    `${SCALE_FILTER}=${width}:${height}`,
    `drawtext=${font}text=${label}:expansion=none:x=${margin}:y=${margin}:fontsize=${fontSize}:${boxed}`,
    `drawtext=${font}text=PTZ %{localtime}:x=${margin}:y=h-${margin}-${fontSize}:fontsize=${fontSize}:${boxed}`,
    'format=yuv420p',
  ].join(',');
  return [
    ...['-hide_banner', '-loglevel', 'error'],
    ...['-filter_complex', `${graph}[v]`, '-map', '[v]'],
    ...recipe.codecArgs,
    // No look-ahead or frame threads: every frame leaves the encoder as soon as it is made.
    ...['-tune', 'zerolatency'],
    ...['-force_key_frames', 'expr:lt(mod(t+0.01,1),0.02)', '-an', '-sn', '-dn'],
    ...['-f', 'mp4', '-movflags', 'frag_keyframe+empty_moov+default_base_moof', '-frag_duration', '200000'],
    'pipe:1',
  ];
}

/**
 * One ffmpeg keyboard command (its CLI reads one per ~100 ms from stdin): `c` runs it now on the
 * first filter of that name, `C` queues it for every such filter at media time `at` seconds.
 */
export function commandLine(filter: string, command: string, arg: string, at: number | null): string {
  if (!/^[\w@]+$/.test(filter) || !/^\w+$/.test(command) || !/^[\w.+\-*/]+$/.test(arg)) {
    throw new RangeError(`unsafe ffmpeg command ${filter} ${command} ${arg}`);
  }
  return at === null ? `c${filter} -1 ${command} ${arg}\n` : `C${filter} ${at.toFixed(3)} ${command} ${arg}\n`;
}

/** A step of moving the crop: the commands are sent one at a time (see commandLine). */
export type CropStep =
  | { kind: 'x'; value: number }
  | { kind: 'y'; value: number }
  /** Crop width and the scale's reconfiguration must change on the same frame: both are queued. */
  | { kind: 'zoom'; width: number };

/** The steps from crop `from` to `to`, pan first (what an operator steers by most). */
export function cropSteps(from: CropTarget, to: CropTarget): CropStep[] {
  const steps: CropStep[] = [];
  if (from.centreX !== to.centreX) steps.push({ kind: 'x', value: to.centreX });
  if (from.centreY !== to.centreY) steps.push({ kind: 'y', value: to.centreY });
  if (from.width !== to.width) steps.push({ kind: 'zoom', width: to.width });
  return steps;
}

/**
 * The command lines of a step. `at` is the media time (s) a zoom takes effect at: the crop's new
 * width and the scale's re-reading of its input size must apply to the same frame, or a frame
 * would be scaled from the old size. The x and y expressions depend on the crop's size (ow, oh),
 * so a zoom keeps the centre.
 */
export function stepLines(step: CropStep, outWidth: number, at: number): string[] {
  switch (step.kind) {
    case 'x':
      return [commandLine(CROP_FILTER, 'x', `${step.value}-ow/2`, null)];
    case 'y':
      return [commandLine(CROP_FILTER, 'y', `${step.value}-oh/2`, null)];
    case 'zoom':
      return [
        commandLine(CROP_FILTER, 'w', String(step.width), at),
        commandLine(SCALE_FILTER, 'w', String(outWidth), at),
      ];
  }
}
