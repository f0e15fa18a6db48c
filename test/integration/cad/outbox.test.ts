import { EventEnvelopeSchema, type CommandAck, type CommandEnvelope, type Incident } from '../../../shared/protocol';
import { Outbox, type OutboxStorage } from '../../../renderer/commands/outbox';
import { connect, login, send, startTestSms, type Client, type TestSms } from '../support/sms';

class MemoryStorage implements OutboxStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

/** The outbox's transport over a real socket.io client, like the renderer's live connection. */
const over = (client: Client | null) => ({
  sendCommand: async (command: CommandEnvelope): Promise<CommandAck> => {
    if (!client?.socket.connected) throw new Error('Not connected to the SMS.');
    return (await client.socket.timeout(10_000).emitWithAck('command', command)) as CommandAck;
  },
});

const location = { lon: -0.0886, lat: 51.5134, address: 'Bank junction' };
let sms: TestSms;
let client: Client | null = null;
beforeEach(async () => {
  sms = await startTestSms();
});
afterEach(async () => {
  client?.close();
  client = null;
  await sms.close();
});

async function createIncident(c: Client): Promise<Incident> {
  const ack = await send(c.socket, 'incident.create', { type: 'robbery', grade: 1, location, summary: 'x' });
  if (!ack.ok) throw new Error(ack.error.message);
  return (ack.result as { incident: Incident }).incident;
}

describe('the console outbox against the real SMS', () => {
  it('sends an action queued while the SMS was down once it is back, and a resend after a reload acts once', async () => {
    client = await connect(sms.url, await login(sms.url, 'dispatcher'));
    const incident = await createIncident(client);
    client.close();
    client = null;

    // The SMS goes down; the dispatcher adds a note: it waits in the outbox.
    const storage = new MemoryStorage();
    const outbox = new Outbox(storage, 'k');
    outbox.setTransport(over(null));
    const done = outbox.send('incident.note', { incidentId: incident.id, text: 'Caller recontacted' }, 'Note');
    await outbox.flush();
    expect(outbox.list()).toMatchObject([{ state: 'pending' }]);
    // What a window reloading right now would find in its storage.
    const beforeAck = storage.data.get('k')!;

    await sms.restart();
    client = await connect(sms.url, await login(sms.url, 'dispatcher'));
    outbox.setTransport(over(client));
    await done;
    outbox.stop();
    expect(outbox.list()).toEqual([]);

    // A reloaded window whose storage predates the acknowledgement sends the same id again.
    const reloaded = new MemoryStorage();
    reloaded.setItem('k', beforeAck);
    const second = new Outbox(reloaded, 'k');
    second.setTransport(over(client));
    await second.flush();
    second.stop();
    expect(second.list()).toEqual([]);

    const snapshot = await (
      await fetch(`${sms.url}/api/snapshot`, {
        headers: { Authorization: `Bearer ${await login(sms.url, 'dispatcher')}` },
      })
    ).json();
    const after = (snapshot as { incidents: Incident[] }).incidents.find((i) => i.id === incident.id)!;
    expect(after.log.filter((l) => l.text === 'Caller recontacted')).toHaveLength(1);
  }, 60_000);

  it('links an alert to an existing incident over the socket, and the event says so', async () => {
    client = await connect(sms.url, await login(sms.url, 'dispatcher'));
    await client.ready;
    const incident = await createIncident(client);
    const alert = sms.sms.core.raiseAlert({
      source: 'service_point_call',
      kind: 'call_for_service',
      priority: 'high',
      location,
      detail: 'same robbery',
      cameraId: null,
      servicePointId: null,
      unitId: null,
    });
    const ack = await send(client.socket, 'incident.link', { incidentId: incident.id, alertId: alert.id });
    expect(ack.ok).toBe(true);
    const last = client.events.map((e) => EventEnvelopeSchema.parse(e));
    await client.waitForSeq(Math.max(...last.map((e) => e.seq)));
    const updates = client.events.filter((e) => e.type === 'alert.updated');
    expect(updates.at(-1)).toMatchObject({
      payload: { alert: { id: alert.id, status: 'converted', incidentId: incident.id } },
    });
  }, 60_000);
});
