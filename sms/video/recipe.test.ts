import type { LoopSpec } from './recipe';
import { burnInLabel, cameraLook, escapeFilterValue, planEncode, profileFor } from './recipe';
import { STREAM_PROFILES } from './profiles';

const setup = { ffmpegVersion: 'test-1', fontFile: '/fonts/Mono.ttf' };
const spec: LoopSpec = {
  cameraId: 'cam-001',
  name: 'Bank Junction',
  owner: 'city_police',
  profile: 'mainH264',
  loopSeconds: 10,
  rendition: 'full',
};
const streams = (main: string) => ({
  main: { url: '/m', codec: main, width: 1280, height: 720 },
  sub: { url: '/s', ...STREAM_PROFILES.sub },
});

/** The value following the `nth` (from 0) occurrence of `flag` in an argument list. */
const argAfter = (args: readonly string[], flag: string, nth = 0) => {
  let at = -1;
  for (let i = 0; i <= nth; i++) at = args.indexOf(flag, at + 1);
  return args[at + 1];
};

describe('profileFor', () => {
  it('encodes an HEVC camera main stream with the H.265 profile', () => {
    expect(profileFor({ streams: streams(STREAM_PROFILES.mainH265.codec) }, 'main')).toBe('mainH265');
  });

  it('encodes any other main stream with the H.264 profile', () => {
    expect(profileFor({ streams: streams('avc1.640028') }, 'main')).toBe('mainH264');
  });

  it('encodes every sub stream with the sub profile', () => {
    expect(profileFor({ streams: streams(STREAM_PROFILES.mainH265.codec) }, 'sub')).toBe('sub');
  });
});

describe('cameraLook', () => {
  it('is the same for the same camera', () => {
    expect(cameraLook('cam-007')).toEqual(cameraLook('cam-007'));
  });

  it('varies across cameras', () => {
    const hues = new Set(Array.from({ length: 20 }, (_, i) => cameraLook(`cam-${i}`).hue));
    expect(hues.size).toBeGreaterThan(15);
  });
});

describe('burnInLabel', () => {
  it('puts the name on the first line and the id and owner on the second', () => {
    expect(burnInLabel({ id: 'cam-1', name: 'London Bridge N', owner: 'tfl' })).toBe('London Bridge N\ncam-1 · TfL');
  });

  it('turns control characters in a name into spaces', () => {
    expect(burnInLabel({ id: 'c', name: 'Bank\nJunction\t', owner: 'tfl' }).split('\n')[0]).toBe('Bank Junction');
  });

  it('cuts a long name with an ellipsis', () => {
    const first = burnInLabel({ id: 'c', name: 'x'.repeat(100), owner: 'tfl' }).split('\n')[0] ?? '';
    expect([first.length, first.endsWith('…')]).toEqual([44, true]);
  });
});

describe('escapeFilterValue', () => {
  it('escapes for the option and the graph level as the ffmpeg-filters example does', () => {
    expect(escapeFilterValue("this is a 'string': may contain one, or more, special characters")).toBe(
      "this is a \\\\\\'string\\\\\\'\\\\: may contain one\\, or more\\, special characters",
    );
  });
});

describe('planEncode', () => {
  it('gives the same key to the same inputs', () => {
    expect(planEncode(spec, setup).key).toBe(planEncode({ ...spec }, { ...setup }).key);
  });

  it('changes the key when the camera is renamed', () => {
    expect(planEncode({ ...spec, name: 'Bank' }, setup).key).not.toBe(planEncode(spec, setup).key);
  });

  it('changes the key with the ffmpeg build', () => {
    expect(planEncode(spec, { ...setup, ffmpegVersion: 'test-2' }).key).not.toBe(planEncode(spec, setup).key);
  });

  it('asks for a keyframe every second so segments are exactly one second', () => {
    const { args } = planEncode(spec, setup);
    expect([argAfter(args, '-g'), argAfter(args, '-keyint_min')]).toEqual(['25', '25']);
  });

  it('cuts a fragment every 200 ms and at every key frame, each standing alone as a part', () => {
    const { args } = planEncode(spec, setup);
    expect([argAfter(args, '-f', 1), argAfter(args, '-movflags'), argAfter(args, '-frag_duration')]).toEqual([
      'mp4',
      'empty_moov+default_base_moof+frag_keyframe',
      '200000',
    ]);
  });

  it('encodes the quick rendition at ultrafast, keeping High profile with the 8x8 transform', () => {
    const { args } = planEncode({ ...spec, rendition: 'quick', loopSeconds: 2 }, setup);
    expect([argAfter(args, '-preset'), argAfter(args, '-x264-params'), argAfter(args, '-profile:v')]).toEqual([
      'ultrafast',
      '8x8dct=1',
      'high',
    ]);
  });

  it('gives the quick rendition its own key', () => {
    expect(planEncode({ ...spec, rendition: 'quick' }, setup).key).not.toBe(planEncode(spec, setup).key);
  });

  it('encodes loopSeconds times the frame rate frames', () => {
    expect(argAfter(planEncode({ ...spec, profile: 'sub', loopSeconds: 4 }, setup).args, '-frames:v')).toBe('60');
  });

  it('tags HEVC as hvc1 in fMP4', () => {
    const { args } = planEncode({ ...spec, profile: 'mainH265' }, setup);
    expect([argAfter(args, '-tag:v'), argAfter(args, '-f', 1)]).toEqual(['hvc1', 'mp4']);
  });

  it('burns the label in from a file so that names need no escaping', () => {
    expect(argAfter(planEncode(spec, setup).args, '-vf')).toContain('textfile=label.txt:expansion=none');
  });

  it('falls back to the default font when none is installed', () => {
    expect(argAfter(planEncode(spec, { ...setup, fontFile: null }).args, '-vf')).not.toContain('fontfile=');
  });
});
