import { IncidentSchema } from '../../../shared/protocol';
import { connect, login, send, startTestSms, type TestSms } from '../support/sms';

// Incidents created from a bare map point or call get their address and ward from the City's geodata.
jest.setTimeout(20_000);

let t: TestSms;
beforeAll(async () => {
  t = await startTestSms();
});
afterAll(async () => {
  await t.close();
});

describe('incident locations', () => {
  it('fills in the street and the ward when the command gives only coordinates', async () => {
    const client = await connect(t.url, await login(t.url, 'dispatcher'));
    // Beside St Paul's Cathedral: which ward is the ward file's business, that there is one is ours.
    const ack = await send(client.socket, 'incident.create', {
      type: 'theft',
      grade: 3,
      location: { lon: -0.0985, lat: 51.5138 },
      summary: 'Bag taken from a cafe table',
    });
    client.close();
    expect(ack.ok).toBe(true);
    const incident = IncidentSchema.parse(ack.ok ? (ack.result as { incident: unknown }).incident : null);
    expect(incident.location.ward).toMatch(/\w/);
    expect(incident.location.address).toMatch(/\w/);
  });

  it('keeps the address the caller gave', async () => {
    const client = await connect(t.url, await login(t.url, 'dispatcher'));
    const ack = await send(client.socket, 'incident.create', {
      type: 'theft',
      grade: 3,
      location: { lon: -0.0885, lat: 51.5134, address: '1 Poultry' },
      summary: 'Shoplifting',
    });
    client.close();
    const incident = IncidentSchema.parse(ack.ok ? (ack.result as { incident: unknown }).incident : null);
    expect(incident.location.address).toBe('1 Poultry');
    expect(incident.location.ward).toMatch(/\w/);
  });
});
