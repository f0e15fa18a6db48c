// A reader for the media playlists this module writes and ffmpeg writes: enough to check
// segment durations of an encode, and for tests to read what the server serves.

/** One media segment with the tags that apply to it. */
export interface PlaylistSegment {
  uri: string;
  /** EXTINF seconds. */
  duration: number;
  /** Media sequence number. */
  sequence: number;
  /** Discontinuity sequence number. */
  discontinuitySequence: number;
  /** Whether an EXT-X-DISCONTINUITY tag precedes it. */
  discontinuity: boolean;
  /** EXT-X-PROGRAM-DATE-TIME as written, or null. */
  programDateTime: string | null;
  /** URI of the EXT-X-MAP in effect, or null. */
  map: string | null;
}

/** One EXT-X-PART (a low-latency partial segment). */
export interface PlaylistPart {
  uri: string;
  /** DURATION seconds. */
  duration: number;
  independent: boolean;
  /** Media sequence number of its parent segment. */
  sequence: number;
  /** Index of the part within its parent segment. */
  index: number;
}

/** One EXT-X-RENDITION-REPORT. */
export interface PlaylistRenditionReport {
  uri: string;
  lastMsn: number | null;
  lastPart: number | null;
}

/** A parsed media playlist. */
export interface MediaPlaylist {
  version: number | null;
  targetDuration: number | null;
  mediaSequence: number;
  discontinuitySequence: number;
  playlistType: string | null;
  independentSegments: boolean;
  endList: boolean;
  /** EXT-X-START TIME-OFFSET in seconds, or null. */
  startOffset: number | null;
  segments: PlaylistSegment[];
  /** EXT-X-PART-INF PART-TARGET seconds, or null. */
  partTarget: number | null;
  /** EXT-X-SERVER-CONTROL attributes as written (e.g. CAN-BLOCK-RELOAD: 'YES'), or null. */
  serverControl: Record<string, string> | null;
  /** Every EXT-X-PART in order, those of the segment in progress last. */
  parts: PlaylistPart[];
  /** EXT-X-PRELOAD-HINT, or null. */
  preloadHint: { type: string; uri: string } | null;
  renditionReports: PlaylistRenditionReport[];
}

/** Thrown for text that is not a well-formed media playlist. */
export class PlaylistFormatError extends Error {
  override name = 'PlaylistFormatError';
}

function integer(value: string, tag: string): number {
  if (!/^\d+$/.test(value)) throw new PlaylistFormatError(`${tag} is not a decimal integer: ${value}`);
  return Number(value);
}

/** Value of one quoted or plain attribute of an attribute list, e.g. URI="init.mp4". */
function attribute(list: string, name: string): string | null {
  const match = new RegExp(`(?:^|,)${name}=("[^"]*"|[^,]*)`).exec(list);
  if (!match?.[1]) return null;
  return match[1].startsWith('"') ? match[1].slice(1, -1) : match[1];
}

/** Every NAME=value of an attribute list, quotes removed. */
function attributes(list: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const match of list.matchAll(/([A-Z0-9-]+)=("[^"]*"|[^,]*)/g)) {
    const [, name = '', value = ''] = match;
    out[name] = value.startsWith('"') ? value.slice(1, -1) : value;
  }
  return out;
}

function optionalInteger(value: string | null): number | null {
  return value !== null && /^\d+$/.test(value) ? Number(value) : null;
}

/** Parses a media playlist; throws PlaylistFormatError on anything malformed. */
export function parseMediaPlaylist(text: string): MediaPlaylist {
  const lines = text.split(/\r?\n/).map((l) => l.trim());
  if (lines[0] !== '#EXTM3U') throw new PlaylistFormatError('missing #EXTM3U');
  const playlist: MediaPlaylist = {
    version: null,
    targetDuration: null,
    mediaSequence: 0,
    discontinuitySequence: 0,
    playlistType: null,
    independentSegments: false,
    endList: false,
    startOffset: null,
    segments: [],
    partTarget: null,
    serverControl: null,
    parts: [],
    preloadHint: null,
    renditionReports: [],
  };
  let partIndex = 0;
  let duration: number | null = null;
  let programDateTime: string | null = null;
  let discontinuity = false;
  let map: string | null = null;
  let discontinuities = 0;
  for (const line of lines.slice(1)) {
    if (line === '') continue;
    if (!line.startsWith('#')) {
      if (duration === null) throw new PlaylistFormatError(`segment ${line} has no EXTINF`);
      playlist.segments.push({
        uri: line,
        duration,
        sequence: playlist.mediaSequence + playlist.segments.length,
        discontinuitySequence: playlist.discontinuitySequence + discontinuities,
        discontinuity,
        programDateTime,
        map,
      });
      duration = null;
      programDateTime = null;
      discontinuity = false;
      partIndex = 0;
      continue;
    }
    const colon = line.indexOf(':');
    const tag = colon < 0 ? line : line.slice(0, colon);
    const value = colon < 0 ? '' : line.slice(colon + 1);
    switch (tag) {
      case '#EXT-X-VERSION':
        playlist.version = integer(value, tag);
        break;
      case '#EXT-X-TARGETDURATION':
        playlist.targetDuration = integer(value, tag);
        break;
      case '#EXT-X-MEDIA-SEQUENCE':
        playlist.mediaSequence = integer(value, tag);
        break;
      case '#EXT-X-DISCONTINUITY-SEQUENCE':
        playlist.discontinuitySequence = integer(value, tag);
        break;
      case '#EXT-X-PLAYLIST-TYPE':
        playlist.playlistType = value;
        break;
      case '#EXT-X-INDEPENDENT-SEGMENTS':
        playlist.independentSegments = true;
        break;
      case '#EXT-X-ENDLIST':
        playlist.endList = true;
        break;
      case '#EXT-X-START': {
        const offset = Number(attribute(value, 'TIME-OFFSET'));
        if (!Number.isFinite(offset)) throw new PlaylistFormatError(`bad EXT-X-START: ${value}`);
        playlist.startOffset = offset;
        break;
      }
      case '#EXT-X-MAP':
        map = attribute(value, 'URI');
        if (map === null) throw new PlaylistFormatError('EXT-X-MAP without URI');
        break;
      case '#EXT-X-DISCONTINUITY':
        discontinuity = true;
        discontinuities++;
        break;
      case '#EXT-X-PROGRAM-DATE-TIME':
        programDateTime = value;
        break;
      case '#EXT-X-PART-INF': {
        const target = Number(attribute(value, 'PART-TARGET'));
        if (!Number.isFinite(target) || target <= 0) throw new PlaylistFormatError(`bad EXT-X-PART-INF: ${value}`);
        playlist.partTarget = target;
        break;
      }
      case '#EXT-X-SERVER-CONTROL':
        playlist.serverControl = attributes(value);
        break;
      case '#EXT-X-PART': {
        const uri = attribute(value, 'URI');
        const partDuration = Number(attribute(value, 'DURATION'));
        if (uri === null || !Number.isFinite(partDuration)) throw new PlaylistFormatError(`bad EXT-X-PART: ${value}`);
        playlist.parts.push({
          uri,
          duration: partDuration,
          independent: attribute(value, 'INDEPENDENT') === 'YES',
          sequence: playlist.mediaSequence + playlist.segments.length,
          index: partIndex++,
        });
        break;
      }
      case '#EXT-X-PRELOAD-HINT': {
        const uri = attribute(value, 'URI');
        const type = attribute(value, 'TYPE');
        if (uri === null || type === null) throw new PlaylistFormatError(`bad EXT-X-PRELOAD-HINT: ${value}`);
        playlist.preloadHint = { type, uri };
        break;
      }
      case '#EXT-X-RENDITION-REPORT': {
        const uri = attribute(value, 'URI');
        if (uri === null) throw new PlaylistFormatError(`EXT-X-RENDITION-REPORT without URI`);
        playlist.renditionReports.push({
          uri,
          lastMsn: optionalInteger(attribute(value, 'LAST-MSN')),
          lastPart: optionalInteger(attribute(value, 'LAST-PART')),
        });
        break;
      }
      case '#EXTINF': {
        const seconds = Number(value.split(',')[0]);
        if (!Number.isFinite(seconds) || seconds < 0) throw new PlaylistFormatError(`bad EXTINF: ${value}`);
        duration = seconds;
        break;
      }
      default:
        // Other tags (comments, ALLOW-CACHE…) do not matter to the readers of this module.
        break;
    }
  }
  return playlist;
}
