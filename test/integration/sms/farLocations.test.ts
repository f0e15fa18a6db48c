import { IncidentSchema, SERVED_AREA, type CommandAck } from '../../../shared/protocol';
import type { SmsCoreService } from '../../../sms/core/core';
import { loadPlaceDescriber } from '../../../sms/sim/world/describePlace';
import { actorAs, COMMAND_BOUND_MS, demoCore, timedSubmit } from '../support/demoCore';

// An incident at a valid but far-away point (lon -180, lat -90) once ran the address lookup's
// ring search for minutes on the event loop, stalling every client. Locations outside the
// served area are now refused; inside it, the address lookup is bounded and a point far from
// the City's streets gets no address.

const dispatcher = actorAs('dispatcher');
let core: SmsCoreService;
beforeAll(() => {
  core = demoCore();
});
afterAll(() => core.close());

/** `incident.create` at a point, as it would arrive over the wire: the answer and how long it ran. */
function createAt(lon: number, lat: number, address?: string) {
  const location = address === undefined ? { lon, lat } : { lon, lat, address };
  return timedSubmit(core, dispatcher, 'incident.create', { type: 'theft', grade: 3, location, summary: 'test' });
}

function createdLocation(ack: CommandAck) {
  if (!ack.ok) throw new Error(`refused: ${ack.error.code} ${ack.error.message}`);
  return IncidentSchema.parse((ack.result as { incident: unknown }).incident).location;
}

const bank = { lon: -0.0886, lat: 51.5134 };
const { west, south, east, north } = SERVED_AREA;
const EPS = 1e-9;

describe('the SMS describes a point quickly wherever it is', () => {
  const describePlace = loadPlaceDescriber();

  it('gives a far-away or extreme point no address, within a few milliseconds', () => {
    describePlace(bank.lon, bank.lat);
    for (const [lon, lat] of [
      [-180, -90],
      [180, 90],
      [-180, 90],
      [180, -90],
      [0, 0],
      [-0, -0],
      [2.35, 48.85],
      [west, south],
      [east, north],
    ] as const) {
      const t0 = performance.now();
      expect(describePlace(lon, lat)).toEqual({});
      expect(performance.now() - t0).toBeLessThan(COMMAND_BOUND_MS);
    }
  });

  it('gives a point in the City its street and ward', () => {
    expect(describePlace(bank.lon, bank.lat)).toEqual({ address: expect.any(String), ward: expect.any(String) });
  });
});

describe('incident.create outside the served area', () => {
  it.each([
    ['the far corner of the map', -180, -90],
    ['the opposite corner', 180, 90],
    ['null island', 0, 0],
    ['Paris', 2.35, 48.85],
    ['Bank with lon and lat swapped', bank.lat, bank.lon],
    ['just west', west - EPS, bank.lat],
    ['just east', east + EPS, bank.lat],
    ['just south', bank.lon, south - EPS],
    ['just north', bank.lon, north + EPS],
  ])('refuses %s as invalid at once, naming the field and the served area', (_, lon, lat) => {
    const { ack, ms } = createAt(lon, lat);
    expect(ms).toBeLessThan(COMMAND_BOUND_MS);
    expect(ack).toEqual({
      ok: false,
      error: { code: 'invalid', message: expect.stringMatching(/location\.(lon|lat): .*outside the served area/) },
    });
  });

  it('refuses coordinates that are not numbers (NaN and Infinity arrive as null over JSON)', () => {
    for (const [lon, lat] of [
      [NaN, bank.lat],
      [bank.lon, Infinity],
      [-Infinity, NaN],
    ]) {
      const { ack } = createAt(lon!, lat!);
      expect(ack.ok ? 'ok' : ack.error.code).toBe('invalid');
      // In process (the simulator's path) they arrive as they are, and are refused as well.
      const payload = { type: 'theft', grade: 3, location: { lon, lat }, summary: 'x' };
      const raw = timedSubmit(core, dispatcher, 'incident.create', payload, false).ack;
      expect(raw.ok ? 'ok' : raw.error.code).toBe('invalid');
    }
  });
});

describe('incident.create inside the served area', () => {
  it.each([
    ['the south-west corner', west, south],
    ['the north-east corner', east, north],
    ['just inside the west edge', west + EPS, bank.lat],
    ['just inside the north edge', bank.lon, north - EPS],
    ['700 m north of the City streets', -0.09, 51.53],
  ])('accepts %s without an address, at once', (_, lon, lat) => {
    const { ack, ms } = createAt(lon, lat);
    expect(ms).toBeLessThan(COMMAND_BOUND_MS);
    expect(createdLocation(ack)).toEqual({ lon, lat });
  });

  it('keeps the address the caller gave, however far from the City', () => {
    expect(createdLocation(createAt(east, north, 'Epping Forest car park').ack)).toEqual({
      lon: east,
      lat: north,
      address: 'Epping Forest car park',
    });
  });

  it('fills in the street and ward in the City, and still serves after all of the above', () => {
    const { ack, ms } = createAt(bank.lon, bank.lat);
    expect(ms).toBeLessThan(COMMAND_BOUND_MS);
    expect(createdLocation(ack)).toEqual({ ...bank, address: expect.any(String), ward: expect.any(String) });
  });
});
