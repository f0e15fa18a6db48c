import { parseMediaPlaylist, PlaylistFormatError } from './m3u8';

const FFMPEG_VOD = `#EXTM3U
#EXT-X-VERSION:7
#EXT-X-TARGETDURATION:1
#EXT-X-MEDIA-SEQUENCE:0
#EXT-X-PLAYLIST-TYPE:VOD
#EXT-X-INDEPENDENT-SEGMENTS
#EXT-X-MAP:URI="init.mp4"
#EXTINF:1.000000,
seg0.m4s
#EXTINF:0.960000,
seg1.m4s
#EXT-X-ENDLIST
`;

describe('parseMediaPlaylist', () => {
  it('reads the segments and durations ffmpeg writes', () => {
    expect(parseMediaPlaylist(FFMPEG_VOD).segments.map((s) => [s.uri, s.duration])).toEqual([
      ['seg0.m4s', 1],
      ['seg1.m4s', 0.96],
    ]);
  });

  it('applies the map to the segments after it', () => {
    expect(parseMediaPlaylist(FFMPEG_VOD).segments.map((s) => s.map)).toEqual(['init.mp4', 'init.mp4']);
  });

  it('counts discontinuities from the declared discontinuity sequence', () => {
    const text = '#EXTM3U\n#EXT-X-DISCONTINUITY-SEQUENCE:4\n#EXTINF:1,\na\n#EXT-X-DISCONTINUITY\n#EXTINF:1,\nb\n';
    expect(parseMediaPlaylist(text).segments.map((s) => s.discontinuitySequence)).toEqual([4, 5]);
  });

  it('refuses text without the header', () => {
    expect(() => parseMediaPlaylist('#EXTINF:1,\na\n')).toThrow(PlaylistFormatError);
  });

  it('refuses a segment without a duration', () => {
    expect(() => parseMediaPlaylist('#EXTM3U\nseg0.m4s\n')).toThrow(PlaylistFormatError);
  });
});
