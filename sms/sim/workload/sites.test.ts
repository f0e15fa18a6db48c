import { Random } from '../random';
import { Gazetteer } from '../world/gazetteer';
import { SitePicker } from './sites';

const g = Gazetteer.load();
const sites = new SitePicker(g);

describe('SitePicker', () => {
  it('puts bridge sites on a bridge', () => {
    const rng = Random.stream(1, 'sites');
    for (let i = 0; i < 50; i++) {
      const s = sites.pick('bridge', rng);
      const edge = g.streets.net.edge(g.streets.snap(s.location.lon, s.location.lat).edge);
      expect(edge.bridge).toBe(true);
    }
  });

  it('names the pub a pub site is at', () => {
    const s = sites.pick('pub', Random.stream(2, 'sites'));
    expect(g.pois.filter((p) => p.category === 'pubs').map((p) => p.name)).toContain(s.placeName);
  });

  it('puts every site on the network', () => {
    const rng = Random.stream(3, 'sites');
    for (const kind of ['pub', 'shop', 'station', 'landmark', 'premises', 'mainRoad', 'junction', 'street'] as const) {
      const s = sites.pick(kind, rng);
      expect(g.streets.snap(s.location.lon, s.location.lat).distance).toBeLessThan(1);
    }
  });

  it('keeps collisions on main roads off pedestrian streets', () => {
    const rng = Random.stream(4, 'sites');
    for (let i = 0; i < 50; i++) {
      const s = sites.pick('mainRoad', rng);
      const edge = g.streets.net.edge(g.streets.snap(s.location.lon, s.location.lat).edge);
      expect(['primary', 'secondary']).toContain(edge.roadClass);
    }
  });
});
