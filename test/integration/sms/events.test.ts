import type { EventEnvelope } from '../../../shared/protocol';
import { connect, login, send, startTestSms, type TestSms } from '../support/sms';

// Real servers and sockets: generous limits for a loaded CI machine (no test measures time).
jest.setTimeout(20_000);

let t: TestSms;
let token: string;
beforeEach(async () => {
  t = await startTestSms();
  token = await login(t.url, 'viewer');
});
afterEach(async () => {
  await t.close();
});

/** Journals `n` unit.positions events through the core, as the simulator does. */
function move(n: number): void {
  for (let i = 0; i < n; i++) {
    t.sms.core.moveUnits([{ id: 'u1', lon: -0.09 + i * 1e-6, lat: 51.513, heading: i % 360, speed: 1.4 }]);
  }
}

/** Asserts the events are exactly seqs from..to, in order. */
function expectSeqs(events: readonly EventEnvelope[], from: number, to: number): void {
  expect(events.map((e) => e.seq)).toEqual(Array.from({ length: to - from + 1 }, (_, i) => from + i));
}

describe('live events', () => {
  it('delivers every state change as an event with seq increasing by one', async () => {
    const client = await connect(t.url, token);
    expect(await client.ready).toEqual({ seq: 0, replayed: 0 });
    move(3);
    t.sms.core.update('camera', { ...t.sms.core.cameras.get('cam-1')!, online: false });
    await client.waitForSeq(4);
    expectSeqs(client.events, 1, 4);
    expect(client.events.map((e) => e.type)).toEqual([
      'unit.positions',
      'unit.positions',
      'unit.positions',
      'camera.updated',
    ]);
    expect(client.events[3]?.payload).toEqual({ camera: expect.objectContaining({ id: 'cam-1', online: false }) });
    client.close();
  });

  it('carries the whole changed record, so the client needs no second request', async () => {
    const client = await connect(t.url, token);
    await client.ready;
    const dispatcher = await connect(t.url, await login(t.url, 'dispatcher'));
    await send(dispatcher.socket, 'incident.create', {
      type: 'theft',
      grade: 3,
      location: { lon: -0.09, lat: 51.51 },
      summary: 'x',
    });
    await client.waitForSeq(1);
    expect(client.events[0]).toMatchObject({
      type: 'incident.created',
      payload: { incident: t.sms.core.incidents.get('inc-000001') },
    });
    dispatcher.close();
    client.close();
  });
});

describe('resuming with since', () => {
  it('replays exactly the missed events, then goes live, without gap or duplicate', async () => {
    const first = await connect(t.url, token);
    await first.ready;
    move(5);
    await first.waitForSeq(5);
    first.close();
    move(7);
    const again = await connect(t.url, token, 5);
    expect(await again.ready).toEqual({ seq: 12, replayed: 7 });
    move(2);
    await again.waitForSeq(14);
    expectSeqs(again.events, 6, 14);
    again.close();
  });

  it('does the same across an SMS restart', async () => {
    move(4);
    await t.restart();
    move(3);
    const client = await connect(t.url, token, 2);
    expect(await client.ready).toEqual({ seq: 7, replayed: 5 });
    expectSeqs(client.events, 3, 7);
    expect(client.events[3]?.payload).toEqual({ positions: [expect.objectContaining({ id: 'u1' })] });
    expect(t.sms.core.units.get('u1')?.heading).toBe(2);
    client.close();
  });

  it('hands over from a large chunked replay to live events while events keep coming', async () => {
    move(5_000);
    const client = await connect(t.url, token, 10);
    const producer = setInterval(() => move(10), 1);
    const ready = await client.ready;
    clearInterval(producer);
    move(1);
    await client.waitForSeq(t.sms.core.seq);
    expect(ready.replayed).toBe(ready.seq - 10);
    expectSeqs(client.events, 11, t.sms.core.seq);
    client.close();
  });

  it('is told to resync when the journal no longer reaches back, and gets live events after', async () => {
    await t.restart({ journalRetention: 10 });
    move(30);
    t.sms.core.pruneJournal();
    expect(t.sms.core.journalRange()).toEqual({ oldest: 21, latest: 30 });
    const client = await connect(t.url, token, 5);
    await client.resynced;
    expect(client.resyncs).toEqual([{ reason: 'journal_truncated', requestedSince: 5, oldestSeq: 21, latestSeq: 30 }]);
    expect(client.events).toEqual([]);
    move(1);
    await client.waitForSeq(31);
    expectSeqs(client.events, 31, 31);
    client.close();
  });

  it('still replays from the oldest kept event after pruning', async () => {
    await t.restart({ journalRetention: 10 });
    move(30);
    t.sms.core.pruneJournal();
    const client = await connect(t.url, token, 20);
    expect(await client.ready).toEqual({ seq: 30, replayed: 10 });
    client.close();
  });

  it('is told to resync when it is ahead of the journal (the SMS lost its data)', async () => {
    move(2);
    const client = await connect(t.url, token, 50);
    await client.resynced;
    expect(client.resyncs[0]).toMatchObject({ reason: 'ahead_of_journal', requestedSince: 50, latestSeq: 2 });
    client.close();
  });
});
