import type { Camera } from '../../../shared/protocol';
import { STREAM_PROFILES } from '../profiles';
import {
  commandLine,
  cropFor,
  cropSteps,
  HFOV_DEG,
  pixelsPerDegree,
  ptzEncodeArgs,
  sceneFilters,
  sceneSize,
  stepLines,
} from './scene';

const camera: Pick<Camera, 'id' | 'name' | 'owner' | 'streams'> = {
  id: 'cam-9',
  name: "Bank junction: 'PTZ' [north], east; side",
  owner: 'city_police',
  streams: {
    main: { url: '/hls/cam-9/main.m3u8', ...STREAM_PROFILES.mainH264 },
    sub: { url: '/hls/cam-9/sub.m3u8', ...STREAM_PROFILES.sub },
  },
};

describe('cropFor', () => {
  it('points the crop at the pan and tilt, its width the field of view over the zoom', () => {
    const ppd = pixelsPerDegree('sub');
    const at90 = cropFor({ pan: 90, tilt: 0, zoom: 1 }, 'sub');
    const at100 = cropFor({ pan: 100, tilt: 0, zoom: 1 }, 'sub');
    expect(at100.centreX - at90.centreX).toBe(10 * ppd);
    expect(at90.width).toBe(HFOV_DEG * ppd);
    expect(cropFor({ pan: 90, tilt: -10, zoom: 1 }, 'sub').centreY - at90.centreY).toBe(10 * ppd);
    expect(cropFor({ pan: 90, tilt: 0, zoom: 2 }, 'sub').width).toBe((HFOV_DEG * ppd) / 2);
  });

  it('keeps every crop inside the panorama: pan wraps, tilt and zoom clamp, NaN is harmless', () => {
    const { width } = sceneSize('main');
    for (const state of [
      { pan: 0, tilt: 0, zoom: 1 },
      { pan: 359.99, tilt: 0, zoom: 1 },
      { pan: -30, tilt: 95, zoom: 0 },
      { pan: 720, tilt: -400, zoom: 1e9 },
      { pan: Number.NaN, tilt: Number.NaN, zoom: Number.NaN },
    ]) {
      const crop = cropFor(state, 'main');
      expect(crop.centreX - crop.width / 2).toBeGreaterThanOrEqual(0);
      expect(crop.centreX + crop.width / 2).toBeLessThanOrEqual(width);
      expect(crop.width % 2).toBe(0);
      expect(crop.width).toBeGreaterThanOrEqual(16);
      expect(Number.isFinite(crop.centreY)).toBe(true);
    }
    expect(cropFor({ pan: 370, tilt: 0, zoom: 1 }, 'sub')).toEqual(cropFor({ pan: 10, tilt: 0, zoom: 1 }, 'sub'));
  });
});

describe('commands', () => {
  it('moves pan first, then tilt, then zoom, and only what changed', () => {
    const from = cropFor({ pan: 90, tilt: 0, zoom: 1 }, 'sub');
    expect(cropSteps(from, from)).toEqual([]);
    const to = cropFor({ pan: 135, tilt: -10, zoom: 2 }, 'sub');
    expect(cropSteps(from, to).map((s) => s.kind)).toEqual(['x', 'y', 'zoom']);
    expect(cropSteps(from, cropFor({ pan: 135, tilt: 0, zoom: 1 }, 'sub')).map((s) => s.kind)).toEqual(['x']);
  });

  it('writes ffmpeg keyboard commands: now for pan and tilt, queued on one frame for both halves of a zoom', () => {
    expect(stepLines({ kind: 'x', value: 1040 }, 480, 3)).toEqual(['ccrop@ptz -1 x 1040-ow/2\n']);
    expect(stepLines({ kind: 'y', value: 320 }, 480, 3)).toEqual(['ccrop@ptz -1 y 320-oh/2\n']);
    expect(stepLines({ kind: 'zoom', width: 240 }, 480, 12.3456)).toEqual([
      'Ccrop@ptz 12.346 w 240\n',
      'Cscale@ptz 12.346 w 480\n',
    ]);
  });

  it('refuses anything that could be read as another keyboard command', () => {
    expect(() => commandLine('crop@ptz', 'x', '1\nq', null)).toThrow(RangeError);
    expect(() => commandLine('crop ptz', 'x', '1', null)).toThrow(RangeError);
    expect(() => commandLine('crop@ptz', 'x;', '1', null)).toThrow(RangeError);
  });
});

describe('ptzEncodeArgs', () => {
  it('stamps frames by the wall clock from a whole second and writes 200 ms fragments to stdout', () => {
    const args = ptzEncodeArgs({
      camera,
      stream: 'sub',
      state: { pan: 90, tilt: -10, zoom: 1 },
      originMs: 1_800_000_001_000,
      fontFile: null,
    });
    const graph = args[args.indexOf('-filter_complex') + 1] ?? '';
    expect(graph).toContain('setpts=(RTCTIME-1800000001000000)/1000000/TB');
    expect(graph).toContain('fps=fps=15:start_time=0');
    expect(graph).toContain('crop@ptz=');
    expect(graph).toContain('scale@ptz=480:270');
    expect(args).toContain('zerolatency');
    expect(args.slice(-5)).toEqual([
      '-movflags',
      'frag_keyframe+empty_moov+default_base_moof',
      '-frag_duration',
      '200000',
      'pipe:1',
    ]);
    expect(() =>
      ptzEncodeArgs({ camera, stream: 'sub', state: { pan: 0, tilt: 0, zoom: 1 }, originMs: 1_500, fontFile: null }),
    ).toThrow(RangeError);
  });

  it('escapes the camera name burnt into the picture', () => {
    const args = ptzEncodeArgs({
      camera,
      stream: 'main',
      state: { pan: 0, tilt: 0, zoom: 1 },
      originMs: 0,
      fontFile: null,
    });
    const graph = args[args.indexOf('-filter_complex') + 1] ?? '';
    expect(graph).not.toContain("'PTZ'");
    expect(graph).toContain("\\\\\\'PTZ\\\\\\'");
  });

  it('draws the same city for the same camera, a different one for another, seamless across north', () => {
    expect(sceneFilters('cam-9', 'sub', null)).toEqual(sceneFilters('cam-9', 'sub', null));
    expect(sceneFilters('cam-8', 'sub', null)).not.toEqual(sceneFilters('cam-9', 'sub', null));
  });
});
