import { CommandSchemas, IncidentTypeSchema } from '../../../shared/protocol';
import { Random } from '../random';
import { Gazetteer } from '../world/gazetteer';
import { draftIncident, drawResult, INCIDENT_PROFILES } from './incidentCatalogue';
import { SitePicker } from './sites';

const g = Gazetteer.load();
const sites = new SitePicker(g);
const types = IncidentTypeSchema.options;

describe('incident catalogue', () => {
  it('drafts a valid incident.create payload for every type', () => {
    const rng = Random.stream(1, 'catalogue');
    for (const type of types) CommandSchemas['incident.create'].payload.parse(draftIncident(type, rng, sites).payload);
  });

  it('puts a vulnerable person on a bridge on a bridge', () => {
    const rng = Random.stream(2, 'catalogue');
    for (let i = 0; i < 20; i++) {
      const { location } = draftIncident('vulnerable_person_bridge', rng, sites).payload;
      expect(g.streets.net.edge(g.streets.snap(location.lon, location.lat).edge).bridge).toBe(true);
    }
  });

  it('names the bridge in the summary', () => {
    const draft = draftIncident('vulnerable_person_bridge', Random.stream(3, 'catalogue'), sites);
    expect(draft.payload.summary).toMatch(/Bridge/);
  });

  it('grades a suspected firearm as an emergency', () => {
    const rng = Random.stream(4, 'catalogue');
    for (let i = 0; i < 20; i++) expect(draftIncident('suspected_firearm', rng, sites).payload.grade).toBe(1);
  });

  it('keeps the grade within one of the suggested grade', () => {
    const rng = Random.stream(5, 'catalogue');
    for (let i = 0; i < 100; i++) {
      const { grade } = draftIncident('theft', rng, sites).payload;
      expect([2, 3, 4]).toContain(grade);
    }
  });

  it('puts shoplifting at a shop, named in the address', () => {
    const draft = draftIncident('shoplifting', Random.stream(6, 'catalogue'), sites);
    expect(draft.payload.location.address).toContain(draft.site.placeName);
  });

  it('closes with one of the type’s usual results', () => {
    const rng = Random.stream(7, 'catalogue');
    const usual = INCIDENT_PROFILES.premises_alarm.results.map(([code]) => code);
    for (let i = 0; i < 50; i++) expect(usual).toContain(drawResult('premises_alarm', rng));
  });
});
