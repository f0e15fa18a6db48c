import {
  AuditResponseSchema,
  HttpErrorSchema,
  INCIDENT_LOG_TAIL,
  IncidentLogResponseSchema,
  SnapshotSchema,
  type Incident,
} from '../../../shared/protocol';
import type { Actor } from '../../../sms/core/ports';
import { connect, get, login, send, startTestSms, type Client, type TestSms } from '../support/sms';

// Real servers and sockets: generous limits for a loaded CI machine.
jest.setTimeout(60_000);

const location = { lon: -0.0886, lat: 51.5134 };
const DISPATCHER: Actor = { userId: 'dispatcher', username: 'dispatcher', role: 'dispatcher' };
/** A note as long as a note may be, numbered so that each one can be told apart. */
const longNote = (i: number) => `${String(i).padStart(4, '0')} ${'x'.repeat(10_000 - 5)}`;

let t: TestSms;
let token = '';
let client: Client;
beforeEach(async () => {
  t = await startTestSms();
  token = await login(t.url, 'dispatcher');
  client = await connect(t.url, token);
});
afterEach(async () => {
  client.close();
  await t.close();
});

async function createIncident(): Promise<Incident> {
  const ack = await send(client.socket, 'incident.create', { type: 'theft', grade: 3, location, summary: 'Long one' });
  if (!ack.ok) throw new Error(ack.error.message);
  return (ack.result as { incident: Incident }).incident;
}

/** Adds notes in process (the socket's rate limit would make 120 take seconds). */
function addNotes(incidentId: string, from: number, to: number): void {
  for (let i = from; i < to; i++) t.sms.core.execute('incident.note', { incidentId, text: longNote(i) }, DISPATCHER);
}

const logUrl = (id: string, query = '') => `${t.url}/api/incidents/${id}/log${query}`;

describe('a bounded incident record', () => {
  it('keeps the note answer and incident.updated small after 120 notes of 10,000 characters', async () => {
    const { id } = await createIncident();
    addNotes(id, 0, 120);
    const seq = t.sms.core.seq;
    const ack = await send(client.socket, 'incident.note', { incidentId: id, text: longNote(120) });
    expect(ack.ok).toBe(true);
    await client.waitForSeq(seq + 1);
    const event = client.events.find((e) => e.seq === seq + 1)!;
    expect(event.type).toBe('incident.updated');
    const incident = (ack as { result: { incident: Incident } }).result.incident;
    // Before: every answer and event carried all 121 entries, 1.2 MB. Now the latest entries
    // up to 100,000 characters of text: ten of these notes.
    expect(JSON.stringify(ack).length).toBeLessThan(150_000);
    expect(JSON.stringify(event).length).toBeLessThan(150_000);
    expect(incident.logCount).toBe(122);
    expect(incident.log.length).toBeLessThanOrEqual(INCIDENT_LOG_TAIL);
    expect(incident.log.at(-1)!.text).toBe(longNote(120));
    const snapshot = SnapshotSchema.parse((await get(`${t.url}/api/snapshot`, token)).body);
    expect(snapshot.incidents.find((i) => i.id === id)).toEqual(incident);
  });

  it('carries the latest 50 short entries and counts them all', async () => {
    const { id } = await createIncident();
    for (let i = 0; i < 70; i++) t.sms.core.execute('incident.note', { incidentId: id, text: `n${i}` }, DISPATCHER);
    const incident = t.sms.core.incidents.get(id)!;
    expect([incident.logCount, incident.log.length]).toEqual([71, INCIDENT_LOG_TAIL]);
    expect(incident.log.map((e) => e.text)).toEqual([...Array(50).keys()].map((i) => `n${i + 20}`));
  });
});

describe('GET /api/incidents/:id/log', () => {
  it('reads the whole log back in pages, also after a restart, for any role', async () => {
    const { id } = await createIncident();
    addNotes(id, 0, 120);
    await t.restart();
    const viewer = await login(t.url, 'viewer');
    const texts: string[] = [];
    let before: number | undefined;
    let pages = 0;
    for (;;) {
      const res = await get(logUrl(id, `?limit=500${before === undefined ? '' : `&before=${before}`}`), viewer);
      expect(res.status).toBe(200);
      const page = IncidentLogResponseSchema.parse(res.body);
      expect(page.total).toBe(121);
      pages++;
      texts.unshift(...page.entries.map((e) => e.text));
      const first = page.entries[0]?.n ?? 0;
      if (first === 0) break;
      expect(page.entries.map((e) => e.n)).toEqual(page.entries.map((_, i) => first + i));
      before = first;
    }
    // About a megabyte an answer: 121 notes of 10,000 characters take two pages.
    expect(pages).toBe(2);
    expect(texts).toEqual([expect.stringMatching(/^Created/), ...[...Array(120).keys()].map(longNote)]);
  });

  it('gives the latest entries below before, at most limit, oldest first', async () => {
    const { id } = await createIncident();
    for (let i = 0; i < 10; i++) t.sms.core.execute('incident.note', { incidentId: id, text: `n${i}` }, DISPATCHER);
    const page = IncidentLogResponseSchema.parse((await get(logUrl(id, '?before=6&limit=3'), token)).body);
    expect(page).toEqual({
      incidentId: id,
      total: 11,
      entries: [3, 4, 5].map((n) => expect.objectContaining({ n, text: `n${n - 1}`, kind: 'note' })),
    });
    const latest = IncidentLogResponseSchema.parse((await get(logUrl(id), token)).body);
    expect(latest.entries.map((e) => e.n)).toEqual([...Array(11).keys()]);
    const all = IncidentLogResponseSchema.parse(
      (await get(logUrl(id, `?before=${Number.MAX_SAFE_INTEGER}`), token)).body,
    );
    expect(all.entries).toEqual(latest.entries);
    expect(IncidentLogResponseSchema.parse((await get(logUrl(id, '?before=0'), token)).body).entries).toEqual([]);
  });

  it('refuses hostile and malformed requests', async () => {
    const { id } = await createIncident();
    const codeOf = (body: unknown) => HttpErrorSchema.parse(body).error.code;
    expect((await get(logUrl(id))).status).toBe(401);
    expect((await get(logUrl(id), 'not-a-token')).status).toBe(401);
    for (const query of [
      '?before=NaN',
      '?before=-1',
      '?before=1e3',
      '?before=',
      '?before=1.5',
      '?before=99999999999999999999',
      '?limit=0',
      '?limit=501',
      '?limit=100000',
      '?limit=abc',
      '?limit=1&limit=2',
      '?limits=5',
      '?before[x]=1',
    ]) {
      const res = await get(logUrl(id, query), token);
      expect([query, res.status, codeOf(res.body)]).toEqual([query, 400, 'invalid']);
    }
    for (const unknown of ['inc-999999', '..%2F..%2Fetc%2Fpasswd', '%2e%2e', 'inc-1%00', "inc'--"]) {
      const res = await get(logUrl(unknown), token);
      expect([unknown, res.status, codeOf(res.body)]).toEqual([unknown, 404, 'not_found']);
    }
    // The router refuses an id over 100 characters and a malformed escape before the route runs,
    // in the API's error shape.
    const tooLong = await get(logUrl('x'.repeat(101)), token);
    expect([tooLong.status, codeOf(tooLong.body)]).toEqual([414, 'invalid']);
    const badEscape = await get(logUrl('%E0%A4%A'), token);
    expect([badEscape.status, codeOf(badEscape.body)]).toEqual([400, 'invalid']);
    // Still serving.
    expect((await get(logUrl(id), token)).status).toBe(200);
  });
});

describe('audit of refused commands', () => {
  it('keeps 2,000 characters of a refused payload and 20,000 of one that ran', async () => {
    const { id } = await createIncident();
    const text = 'z'.repeat(10_000);
    const refused = await send(client.socket, 'incident.note', { incidentId: 'inc-999999', text });
    expect(refused.ok).toBe(false);
    expect((await send(client.socket, 'incident.note', { incidentId: id, text })).ok).toBe(true);
    const supervisor = await login(t.url, 'supervisor');
    const res = await get(`${t.url}/api/audit?action=incident.note&limit=10`, supervisor);
    const [ran, refusedRecord] = AuditResponseSchema.parse(res.body).records;
    expect(refusedRecord!.result).toBe('not_found');
    expect(refusedRecord!.detail.length).toBeLessThanOrEqual(2_000);
    expect(refusedRecord!.detail.startsWith('{"incidentId":"inc-999999","text":"zzz')).toBe(true);
    expect(ran!.result).toBe('ok');
    expect(JSON.parse(ran!.detail)).toEqual({ incidentId: id, text });
  });
});
