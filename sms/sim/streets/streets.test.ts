import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Random } from '../random';
import { TINY_STREETS, tinyPoint } from '../../../test/support/tinyStreets';
import { Streets } from './streets';

const tiny = new Streets(TINY_STREETS);
const at = (x: number, y: number, mode: 'foot' | 'vehicle' = 'foot') => tiny.snap(...tinyPoint(x, y), mode);
const names = (route: { edges: Int32Array }) => [...new Set([...route.edges].map((e) => tiny.net.edge(e).name))];

describe('street network', () => {
  it('joins streets that share a vertex into one node', () => {
    // A, B, C, D, E, F, G: seven distinct vertices.
    expect(tiny.net.nodeLon).toHaveLength(7);
  });

  it('measures edges in metres', () => {
    const westLane = tiny.net.edges.find((e) => e.name === 'West Lane')!;
    expect(westLane.length).toBeGreaterThan(110);
    expect(westLane.length).toBeLessThan(112);
  });

  it('flags pedestrian streets', () => {
    expect(tiny.net.edges.filter((e) => e.pedestrian).map((e) => e.name)).toEqual(['Pedestrian Way']);
  });

  it('counts junctions by distinct neighbours', () => {
    const a = tiny.snap(...tinyPoint(0, 0)).edge;
    const node = tiny.net.edge(a).a;
    expect(tiny.net.degree(node)).toBe(3);
  });
});

describe('snapping and reverse geocoding', () => {
  it('snaps a point to the nearest point of the nearest street', () => {
    const hit = tiny.snap(...tinyPoint(1, 0.1));
    expect(tiny.net.edge(hit.edge).name).toBe('High Street');
    expect(hit.distance).toBeGreaterThan(10);
    expect(hit.distance).toBeLessThan(12);
  });

  it('snaps vehicles past pedestrian streets', () => {
    expect(tiny.net.edge(at(1, 0.9, 'vehicle').edge).name).not.toBe('Pedestrian Way');
  });

  it('names the street nearest to a point', () => {
    expect(tiny.streetNameAt(...tinyPoint(1.98, 0.5))).toBe('East Lane');
  });

  it('finds the nearest street from far outside the network', () => {
    expect(tiny.streetNameAt(...tinyPoint(1, -30))).toBe('Low Road');
  });
});

describe('routing', () => {
  it('drives along a one-way street in its direction', () => {
    const route = tiny.route(at(0.5, 0), at(1.5, 0), 'vehicle')!;
    expect(route.length).toBeCloseTo(69.4, 0);
  });

  it('takes the long way round a one-way street by car', () => {
    const route = tiny.route(at(1.5, 0), at(0.5, 0), 'vehicle')!;
    expect(names(route)).toEqual(['High Street', 'East Lane', 'Low Road', 'South Lane']);
  });

  it('walks against a one-way street', () => {
    const route = tiny.route(at(1.5, 0), at(0.5, 0), 'foot')!;
    expect(names(route)).toEqual(['High Street']);
  });

  it('walks across a pedestrian street', () => {
    const route = tiny.route(at(0, 0.9), at(2, 0.9), 'foot')!;
    expect(names(route)).toContain('Pedestrian Way');
  });

  it('keeps vehicles off pedestrian streets', () => {
    const route = tiny.route(at(0, 0.9, 'vehicle'), at(2, 0.9, 'vehicle'), 'vehicle')!;
    expect(names(route)).not.toContain('Pedestrian Way');
  });

  it('cannot drive to a point on a pedestrian street', () => {
    expect(tiny.route(at(0, 0.5), at(1, 1), 'vehicle')).toBeNull();
  });

  it('starts and ends exactly at the requested points', () => {
    const from = at(0, 0.3);
    const to = at(2, -0.6);
    const route = tiny.route(from, to, 'foot')!;
    const n = route.coords.length;
    expect([route.coords[0], route.coords[1]]).toEqual([from.lon, from.lat]);
    expect(route.coords[n - 2]).toBeCloseTo(to.lon, 9);
    expect(route.coords[n - 1]).toBeCloseTo(to.lat, 9);
  });

  it('leaves the graph as it found it', () => {
    const before = [tiny.net.graph.getNodeCount(), tiny.net.graph.getLinkCount()];
    tiny.route(at(0, 0.3), at(2, -0.6), 'vehicle');
    expect([tiny.net.graph.getNodeCount(), tiny.net.graph.getLinkCount()]).toEqual(before);
  });
});

describe('random points', () => {
  it('never puts a vehicle on a pedestrian street', () => {
    const rng = Random.stream(1, 'test');
    for (let i = 0; i < 500; i++) expect(tiny.net.edge(tiny.randomPoint(rng, 'vehicle').edge).pedestrian).toBe(false);
  });
});

describe('the City network', () => {
  const city = Streets.load();

  it('holds the noded schematic network of the README', () => {
    expect(city.net.nodeLon.length).toBe(692);
  });

  it('names Cheapside near St Paul’s end of it', () => {
    expect(city.streetNameAt(-0.0935, 51.5141)).toBe('Cheapside');
  });

  it('routes a car between any two drivable points', () => {
    const rng = Random.stream(5, 'city');
    for (let i = 0; i < 100; i++) {
      expect(city.route(city.randomPoint(rng, 'vehicle'), city.randomPoint(rng, 'vehicle'), 'vehicle')).not.toBeNull();
    }
  });

  it('loads a deployment’s own street file of the same shape', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'streets-')), 'own.geojson');
    writeFileSync(file, JSON.stringify(TINY_STREETS));
    expect(Streets.load(file).net.edges).toHaveLength(tiny.net.edges.length);
  });

  it('rejects a file that is not a street network, naming it', () => {
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'streets-')), 'bad.geojson');
    writeFileSync(file, JSON.stringify({ type: 'FeatureCollection', features: [{ type: 'Feature' }] }));
    expect(() => Streets.load(file)).toThrow(/bad\.geojson is not a street network/);
  });
});
