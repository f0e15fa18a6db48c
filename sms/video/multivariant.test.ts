import { multivariantPlaylist } from './multivariant';

const text = multivariantPlaylist({
  uri: 'sub/live.m3u8',
  bandwidth: 450_000,
  codec: 'avc1.42c015',
  width: 480,
  height: 270,
  frameRate: 15,
});

describe('multivariantPlaylist', () => {
  it('advertises the variant with bandwidth, resolution, codecs and frame rate', () => {
    expect(text).toContain(
      '#EXT-X-STREAM-INF:BANDWIDTH=450000,RESOLUTION=480x270,CODECS="avc1.42c015",FRAME-RATE=15.000\nsub/live.m3u8\n',
    );
  });

  it('starts with the playlist header', () => {
    expect(text.startsWith('#EXTM3U\n')).toBe(true);
  });
});
