import type { Location } from '../../../shared/protocol';
import type { Place } from '../geo/places';
import { placeName } from '../scenario/cameras';
import type { Random } from '../random';
import type { Gazetteer } from '../world/gazetteer';

/** Kinds of place where the City's incidents happen. */
export type SiteKind =
  'pub' | 'shop' | 'station' | 'landmark' | 'premises' | 'bridge' | 'mainRoad' | 'junction' | 'street';

/** A place an incident or alert happens at: on the network, described, and named when it is a premises. */
export interface Site {
  location: Location;
  /** The premises or landmark, when there is one. */
  placeName?: string;
  /** Name of the street it is on. */
  street: string;
  /** The street, or "A j/w B" at a junction. */
  address: string;
}

const POI_KINDS: Readonly<Partial<Record<SiteKind, readonly string[]>>> = {
  pub: ['pubs'],
  shop: ['supermarkets', 'markets'],
  landmark: ['landmarks', 'monuments', 'museums'],
  premises: ['pubs', 'supermarkets', 'museums', 'landmarks', 'markets'],
};

/**
 * Picks plausible places on the network by kind: a pub for a fight, a bridge for a vulnerable
 * person, a main road for a collision. Every location is snapped to the network (so units can
 * reach it) and carries its address and ward.
 */
export class SitePicker {
  private readonly poisByKind = new Map<SiteKind, readonly Place[]>();
  private readonly bridgeEdges: number[];
  private readonly mainRoadEdges: number[];
  private readonly junctions: number[];

  constructor(private readonly gazetteer: Gazetteer) {
    const { net } = gazetteer.streets;
    for (const [kind, categories] of Object.entries(POI_KINDS) as [SiteKind, readonly string[]][]) {
      this.poisByKind.set(
        kind,
        gazetteer.pois.filter((p) => categories.includes(p.category)),
      );
    }
    this.poisByKind.set('station', gazetteer.stations);
    this.bridgeEdges = net.edges.flatMap((e, i) => (e.bridge ? [i] : []));
    this.mainRoadEdges = net.edges.flatMap((e, i) =>
      !e.pedestrian && (e.roadClass === 'primary' || e.roadClass === 'secondary') ? [i] : [],
    );
    this.junctions = [];
    for (let n = 0; n < net.nodeLon.length; n++)
      if (net.degree(n) >= 3 && net.namesAt(n).length >= 2) this.junctions.push(n);
  }

  /** Whether the network has a place of this kind (a deployment's extract may have no bridges). */
  has(kind: SiteKind): boolean {
    if (kind === 'bridge') return this.bridgeEdges.length > 0;
    if (kind === 'mainRoad') return this.mainRoadEdges.length > 0;
    if (kind === 'junction') return this.junctions.length > 0;
    if (kind === 'street') return true;
    return (this.poisByKind.get(kind)?.length ?? 0) > 0;
  }

  /** A random place of a kind, or anywhere on the network when there is none of that kind. */
  pick(kind: SiteKind, rng: Random): Site {
    const { streets } = this.gazetteer;
    const { net } = streets;
    const pois = this.poisByKind.get(kind);
    if (pois && pois.length > 0) {
      const poi = rng.pick(pois);
      const hit = streets.snap(poi.lon, poi.lat);
      const name = kind === 'station' ? `${placeName(poi.name)} Station` : placeName(poi.name);
      return this.site(hit.lon, hit.lat, name);
    }
    if (kind === 'bridge' && this.bridgeEdges.length > 0) {
      const edge = rng.weighted(this.bridgeEdges, (i) => net.edge(i).length);
      const [lon, lat] = streets.pointAt({ edge, t: rng.between(0.15, 0.85) });
      return this.site(lon, lat);
    }
    if (kind === 'mainRoad' && this.mainRoadEdges.length > 0) {
      const edge = rng.weighted(this.mainRoadEdges, (i) => net.edge(i).length);
      const [lon, lat] = streets.pointAt({ edge, t: rng.float() });
      return this.site(lon, lat);
    }
    if (kind === 'junction' && this.junctions.length > 0) {
      const node = rng.pick(this.junctions);
      return this.site(net.nodeLon[node]!, net.nodeLat[node]!);
    }
    const [lon, lat] = streets.pointAt(streets.randomPoint(rng));
    return this.site(lon, lat);
  }

  /** Describes a point on the network as a site. */
  site(lon: number, lat: number, name?: string): Site {
    const location = this.gazetteer.locate(lon, lat, name);
    const street = this.gazetteer.streets.streetNameAt(lon, lat);
    const address = this.gazetteer.address(lon, lat);
    return name ? { location, placeName: name, street, address } : { location, street, address };
  }
}
