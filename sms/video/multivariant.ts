// The multivariant playlist of one camera stream: a single variant whose CODECS lets a player
// decide before loading any media whether it can decode the stream (HEVC main → fall back to sub).

/** One variant stream as advertised in EXT-X-STREAM-INF. */
export interface Variant {
  /** URI of the media playlist, relative to the multivariant playlist. */
  uri: string;
  /** Peak bits per second of any segment. */
  bandwidth: number;
  /** RFC 6381 codec string, exactly what the segments contain. */
  codec: string;
  width: number;
  height: number;
  frameRate: number;
}

/** A multivariant playlist with one variant. */
export function multivariantPlaylist(variant: Variant): string {
  const attributes = [
    `BANDWIDTH=${Math.round(variant.bandwidth)}`,
    `RESOLUTION=${variant.width}x${variant.height}`,
    `CODECS="${variant.codec}"`,
    `FRAME-RATE=${variant.frameRate.toFixed(3)}`,
  ];
  return [
    '#EXTM3U',
    '#EXT-X-VERSION:6',
    '#EXT-X-INDEPENDENT-SEGMENTS',
    `#EXT-X-STREAM-INF:${attributes.join(',')}`,
    variant.uri,
    '',
  ].join('\n');
}
