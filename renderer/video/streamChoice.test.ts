import { aCamera } from '../../test/support/records';
import { chooseStream } from './streamChoice';

const h265 = aCamera({
  streams: {
    main: { url: '/hls/cam-1/main.m3u8', codec: 'hvc1.1.6.L120.B0', width: 1920, height: 1080 },
    sub: { url: '/hls/cam-1/sub.m3u8', codec: 'avc1.42c015', width: 480, height: 270 },
  },
});
const noHevc = (mime: string) => !/hvc1|hev1/.test(mime);

describe('stream choice', () => {
  it('plays the sub stream on grid tiles and the main one when focused', () => {
    expect(chooseStream(aCamera(), false, noHevc)).toMatchObject({ kind: 'sub', note: null });
    expect(chooseStream(aCamera(), true, noHevc)).toMatchObject({ kind: 'main', note: null });
  });

  it('falls back to the H.264 sub stream for an H.265 main stream, saying so', () => {
    expect(chooseStream(h265, true, noHevc)).toMatchObject({
      kind: 'sub',
      note: 'Main stream is H.265, which this browser cannot decode: falling back to the H.264 sub stream',
    });
  });

  it('says in words when nothing can be decoded', () => {
    expect(chooseStream(h265, true, () => false)).toEqual({ error: expect.stringContaining('cannot decode H.264') });
  });
});
