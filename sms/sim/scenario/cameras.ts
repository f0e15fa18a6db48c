import type { Camera, CameraOwner } from '../../../shared/protocol';
import { STREAM_PROFILES, streamUrl, type StreamProfileName } from '../../video/profiles';
import { Random } from '../random';
import { normaliseBearing } from '../../../shared/geo/network';
import { round6, type Gazetteer } from '../world/gazetteer';

/** About how many cameras the City scenario has. */
export const CAMERA_COUNT = 60;
/** How many cameras stream the H.265 main profile (the first "4K" upgrades, at the busiest junctions). */
export const H265_CAMERAS = 3;
/** Share of cameras that are pan/tilt/zoom. */
const PTZ_SHARE = 0.25;
/** Cameras are spread at least this far apart at first; the spacing relaxes if the network is small. */
const SPACINGS_M = [120, 90, 60, 30, 0];
/** How many of the most important junctions get a camera before any other site. */
const TOP_JUNCTIONS = 6;
/** A junction camera sits this far back along its main street, looking across the junction. */
const JUNCTION_SETBACK_M = 8;

/** Ranks road classes; a junction's importance is the sum over its streets. */
const CLASS_RANK: Readonly<Record<string, number>> = { primary: 4, secondary: 3, tertiary: 2, residential: 1 };

/** Landmarks the Corporation looks after itself; other premises' cameras belong to third parties. */
const CORPORATION_PLACES = new Set(['Guildhall', 'Leadenhall Market', 'Smithfield Market', 'Millennium Bridge']);

interface Site {
  name: string;
  owner: CameraOwner;
  lon: number;
  lat: number;
  bearing: number;
  /** Ranking for the H.265 upgrade; only junctions have one. */
  importance: number;
}

/**
 * The City's CCTV cameras at stations, bridges, landmarks and the busiest junctions. They do
 * not depend on the scenario seed: cameras are fixed infrastructure, so `cam-001` is the same
 * camera in every run (the video engine and tests may rely on it).
 */
export function createCameras(gazetteer: Gazetteer, count = CAMERA_COUNT): Camera[] {
  const rng = Random.stream(0x5ec17e, 'cameras');
  const sites: Site[] = [];
  const free = (lon: number, lat: number, spacing: number) =>
    sites.every((s) => gazetteer.streets.net.ruler.distance([s.lon, s.lat], [lon, lat]) >= spacing);

  const inCity = (p: { lon: number; lat: number }) => gazetteer.wards.wardAt(p.lon, p.lat) !== undefined;
  const junctions = junctionSites(gazetteer, rng);
  // The busiest junctions first (Bank, the red-route crossings), before stations claim their space.
  for (const j of junctions.slice(0, TOP_JUNCTIONS)) {
    if (sites.length < count && !sites.some((s) => s.name === j.name) && free(j.lon, j.lat, SPACINGS_M[0]!))
      sites.push(j);
  }
  for (const station of gazetteer.stations.filter(inCity)) {
    if (sites.length >= count) break;
    const site = facingStreet(gazetteer, rng, station);
    if (free(site.lon, site.lat, 60))
      sites.push({ ...site, name: `${placeName(station.name)} Station, ${site.street}`, owner: 'tfl' });
  }
  for (const bridge of bridgeSites(gazetteer)) {
    if (sites.length < count && free(bridge.lon, bridge.lat, 60)) sites.push(bridge);
  }
  for (const place of gazetteer.pois.filter(
    (p) => inCity(p) && (p.category === 'landmarks' || p.category === 'markets'),
  )) {
    if (sites.length >= count) break;
    const site = facingPlace(gazetteer, place);
    const owner: CameraOwner = CORPORATION_PLACES.has(place.name) ? 'corporation' : 'third_party';
    if (free(site.lon, site.lat, 80)) sites.push({ ...site, name: placeName(place.name), owner });
  }
  for (const spacing of SPACINGS_M) {
    for (const j of junctions) {
      if (sites.length >= count) break;
      // A street pair can meet twice (both ends of a crescent): one camera keeps the name unique.
      if (!sites.some((s) => s === j || s.name === j.name) && free(j.lon, j.lat, spacing)) sites.push(j);
    }
  }

  const h265 = new Set(
    [...sites]
      .filter((s) => s.importance > 0)
      .sort((a, b) => b.importance - a.importance || a.name.localeCompare(b.name))
      .slice(0, H265_CAMERAS),
  );
  const ptzCount = Math.round(sites.length * PTZ_SHARE);
  const ptz = new Set<number>();
  while (ptz.size < ptzCount) ptz.add(rng.int(0, sites.length - 1));

  return sites.map((s, i) => {
    const id = `cam-${String(i + 1).padStart(3, '0')}`;
    const isPtz = ptz.has(i);
    const bearing = normaliseBearing(Math.round(s.bearing));
    return {
      id,
      name: s.name,
      owner: s.owner,
      position: { lon: round6(s.lon), lat: round6(s.lat) },
      bearing,
      fov: rng.int(isPtz ? 60 : 50, 90),
      range: 5 * rng.int(16, 40),
      ptz: isPtz,
      ptzState: isPtz ? { pan: bearing, tilt: -rng.int(5, 20), zoom: 1 } : null,
      online: true,
      streams: {
        main: stream(id, 'main', h265.has(s) ? 'mainH265' : 'mainH264'),
        sub: stream(id, 'sub', 'sub'),
      },
    };
  });
}

function stream(id: string, which: 'main' | 'sub', profile: StreamProfileName) {
  return { url: streamUrl(id, which), ...STREAM_PROFILES[profile] };
}

/** On the street nearest a station, looking along it. */
function facingStreet(gazetteer: Gazetteer, rng: Random, place: { lon: number; lat: number }) {
  const hit = gazetteer.streets.snap(place.lon, place.lat);
  const along = gazetteer.streets.net.edgeBearing(hit.edge);
  return {
    lon: hit.lon,
    lat: hit.lat,
    bearing: rng.chance(0.5) ? along : along + 180,
    importance: 0,
    street: gazetteer.streets.net.edge(hit.edge).name,
  };
}

/** On the street nearest a landmark, looking at it. */
function facingPlace(gazetteer: Gazetteer, place: { lon: number; lat: number }) {
  const { ruler } = gazetteer.streets.net;
  const hit = gazetteer.streets.snap(place.lon, place.lat);
  const bearing =
    hit.distance > 5
      ? ruler.bearing([hit.lon, hit.lat], [place.lon, place.lat])
      : gazetteer.streets.net.edgeBearing(hit.edge);
  return { lon: hit.lon, lat: hit.lat, bearing, importance: 0 };
}

/** Each bridge's north end looking south across it, and mid-span for the long ones. */
function bridgeSites(gazetteer: Gazetteer): Site[] {
  const { net } = gazetteer.streets;
  const byName = new Map<string, number[]>();
  net.edges.forEach((e, i) => {
    if (e.bridge) byName.set(e.name, [...(byName.get(e.name) ?? []), i]);
  });
  const sites: Site[] = [];
  for (const [name, edgeIds] of byName) {
    const ends = edgeIds.flatMap((i) => [net.edge(i).a, net.edge(i).b]);
    const north = ends.reduce((best, n) => (net.nodeLat[n]! > net.nodeLat[best]! ? n : best));
    const south = ends.reduce((best, n) => (net.nodeLat[n]! < net.nodeLat[best]! ? n : best));
    const n: [number, number] = [net.nodeLon[north]!, net.nodeLat[north]!];
    const s: [number, number] = [net.nodeLon[south]!, net.nodeLat[south]!];
    const owner: CameraOwner = 'corporation';
    sites.push({
      name: `${name} (north)`,
      owner,
      lon: n[0],
      lat: n[1],
      bearing: net.ruler.bearing(n, s),
      importance: 0,
    });
    if (net.ruler.distance(n, s) > 200) {
      const [lon, lat] = [(n[0] + s[0]) / 2, (n[1] + s[1]) / 2];
      const mid = gazetteer.streets.snap(lon, lat);
      const bearing = net.ruler.bearing([mid.lon, mid.lat], s);
      sites.push({ name: `${name} (mid-span)`, owner, lon: mid.lon, lat: mid.lat, bearing, importance: 0 });
    }
  }
  return sites;
}

/** Named junctions, most important first, each camera set back along its main street. */
function junctionSites(gazetteer: Gazetteer, rng: Random): Site[] {
  const { net } = gazetteer.streets;
  const sites: Site[] = [];
  for (let node = 0; node < net.nodeLon.length; node++) {
    // The City's own cameras watch its own junctions, not the neighbouring boroughs'.
    if (net.degree(node) < 3 || gazetteer.wards.wardAt(net.nodeLon[node]!, net.nodeLat[node]!) === undefined) continue;
    const edges = [...(net.nodeEdges[node] ?? [])].filter((i) => !net.edge(i).pedestrian);
    const ranked = edges.sort((a, b) => rank(net.edge(b).roadClass) - rank(net.edge(a).roadClass) || a - b);
    const main = ranked[0];
    if (main === undefined) continue;
    const names = [...new Set(ranked.map((i) => net.edge(i).name))];
    if (names.length < 2) continue;
    const importance = edges.reduce((sum, i) => sum + rank(net.edge(i).roadClass), 0);
    const e = net.edge(main);
    const other = e.a === node ? e.b : e.a;
    const at: [number, number] = [net.nodeLon[node]!, net.nodeLat[node]!];
    const away: [number, number] = [net.nodeLon[other]!, net.nodeLat[other]!];
    const setback = Math.min(JUNCTION_SETBACK_M, e.length / 3);
    const position = net.ruler.destination(at, setback, net.ruler.bearing(at, away));
    const onRedRoute = ranked.some((i) => net.edge(i).roadClass === 'primary');
    const owner: CameraOwner = onRedRoute
      ? rng.chance(0.45)
        ? 'tfl'
        : 'city_police'
      : rng.weighted(['city_police', 'corporation', 'third_party'] as const, (o) =>
          o === 'city_police' ? 0.7 : o === 'corporation' ? 0.2 : 0.1,
        );
    sites.push({
      name: `${names[0]} / ${names[1]}`,
      owner,
      lon: position[0],
      lat: position[1],
      bearing: net.ruler.bearing(position, at),
      importance,
    });
  }
  return sites.sort((a, b) => b.importance - a.importance || a.name.localeCompare(b.name));
}

function rank(roadClass: string): number {
  return CLASS_RANK[roadClass] ?? 0;
}

/** Place names as signs show them ("St. Paul's" becomes "St Paul's"). */
export function placeName(name: string): string {
  return name.replace(/\bSt\. /g, 'St ');
}
