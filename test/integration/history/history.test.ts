// Closed incidents and handled alerts leave the live state and every client after the archive
// window, and stay reachable through GET /api/history/incidents and /alerts (issue 17).
import {
  AlertHistoryResponseSchema,
  IncidentHistoryResponseSchema,
  SnapshotSchema,
  type Incident,
} from '../../../shared/protocol';
import { SYSTEM_ACTOR } from '../../../sms/core/ports';
import { connect, get, login, send, startTestSms, type TestSms } from '../support/sms';

const HOUR = 3_600_000;
const T0 = Date.parse('2026-11-25T10:00:00.000Z');
const location = { lon: -0.0886, lat: 51.5134 };

let now = T0;
let t: TestSms;
let token: string;

beforeEach(async () => {
  now = T0;
  t = await startTestSms({ clock: () => now, archiveAfterMs: 8 * HOUR });
  token = await login(t.url, 'dispatcher');
});
afterEach(async () => {
  await t.close();
});

/** Creates an incident at the current time (one minute apart from the last). */
function incident(summary: string, type: Incident['type'] = 'theft', close = true): Incident {
  now += 60_000;
  const { incident: created } = t.sms.core.execute(
    'incident.create',
    { type, grade: 3, location, summary },
    SYSTEM_ACTOR,
  );
  if (close) {
    t.sms.core.execute('incident.close', { incidentId: created.id, resultCode: 'advice_given' }, SYSTEM_ACTOR);
  }
  return t.sms.core.incidents.get(created.id)!;
}

const history = async (query: string) => {
  const res = await get(`${t.url}/api/history/incidents${query}`, token);
  expect(res.status).toBe(200);
  return IncidentHistoryResponseSchema.parse(res.body);
};

describe('archive and history', () => {
  it('takes archived incidents out of the snapshot and every client, answers commands on them not_found, and finds them in the history', async () => {
    const closed = incident('stolen bicycle outside the bank');
    const open = incident('shoplifter detained', 'shoplifting', false);
    const client = await connect(t.url, token, t.sms.core.seq);
    now += 8 * HOUR + 60_000;
    expect(t.sms.core.archiveDue()).toBe(1);
    await client.waitForSeq(t.sms.core.seq);
    expect(client.events.at(-1)).toMatchObject({ type: 'incident.archived', payload: { incidentId: closed.id } });

    const snapshot = SnapshotSchema.parse((await get(`${t.url}/api/snapshot`, token)).body);
    expect(snapshot.incidents.map((i) => i.id)).toEqual([open.id]);

    const ack = await send(client.socket, 'incident.note', { incidentId: closed.id, text: 'late result' });
    expect(ack).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(!ack.ok && ack.error.message).toContain(`${closed.ref} is archived`);

    const all = await history('');
    expect(all.items.map((x) => [x.incident.id, x.archived])).toEqual([
      [open.id, false],
      [closed.id, true],
    ]);
    expect(all.nextCursor).toBeNull();
    expect((await history(`?q=${closed.ref}`)).items.map((x) => x.incident.id)).toEqual([closed.id]);
    expect((await history('?q=BICYCLE')).items.map((x) => x.incident.id)).toEqual([closed.id]);
    expect((await history('?type=shoplifting')).items.map((x) => x.incident.id)).toEqual([open.id]);
    // Its full log still opens from the history.
    const log = await get(`${t.url}/api/incidents/${closed.id}/log`, token);
    expect(log.status).toBe(200);
    expect(log.body).toMatchObject({ incidentId: closed.id });
    expect((log.body as { entries: unknown[] }).entries.length).toBeGreaterThan(0);
    client.close();
  });

  it('filters by time and ward and pages newest first with an opaque cursor, across a restart', async () => {
    const made = Array.from({ length: 7 }, (_, i) => incident(`case ${i}`));
    now += 9 * HOUR;
    t.sms.core.archiveDue();
    await t.restart({ clock: () => now, archiveAfterMs: 8 * HOUR });
    token = await login(t.url, 'dispatcher');
    expect(t.sms.core.incidents.size).toBe(0);

    const ids: string[] = [];
    let cursor: string | null = '';
    while (cursor !== null) {
      const page: { items: { incident: Incident }[]; nextCursor: string | null } = await history(
        `?limit=3${cursor === '' ? '' : `&cursor=${cursor}`}`,
      );
      expect(page.items.length).toBeLessThanOrEqual(3);
      ids.push(...page.items.map((x) => x.incident.id));
      cursor = page.nextCursor;
    }
    expect(ids).toEqual(made.map((i) => i.id).reverse());

    const from = made[2]!.createdAt;
    const to = made[5]!.createdAt;
    expect((await history(`?from=${from}&to=${to}`)).items.map((x) => x.incident.id)).toEqual([
      made[4]!.id,
      made[3]!.id,
      made[2]!.id,
    ]);
    const ward = made[0]!.location.ward;
    if (ward !== undefined) {
      expect((await history(`?ward=${encodeURIComponent(ward)}`)).items).toHaveLength(7);
    }
    expect((await history('?ward=Nowhere')).items).toHaveLength(0);
  });

  it('archives handled alerts and finds them by source and id', async () => {
    const raise = () =>
      t.sms.core.raiseAlert({
        source: 'anpr',
        kind: 'wanted_vehicle',
        priority: 'high',
        location,
        detail: 'AB12 CDE',
        cameraId: null,
        servicePointId: null,
        unitId: null,
      });
    const handled = raise();
    const waiting = raise();
    t.sms.core.execute('alert.dismiss', { alertId: handled.id, reason: 'vehicle stopped' }, SYSTEM_ACTOR);
    now += 8 * HOUR;
    expect(t.sms.core.archiveDue()).toBe(1);
    expect([...t.sms.core.alerts.keys()]).toEqual([waiting.id]);
    const res = await get(`${t.url}/api/history/alerts?type=anpr&q=${handled.id}`, token);
    const page = AlertHistoryResponseSchema.parse(res.body);
    expect(page.items).toEqual([{ alert: expect.objectContaining({ id: handled.id }), archived: true }]);
    const text = AlertHistoryResponseSchema.parse((await get(`${t.url}/api/history/alerts?q=ab12`, token)).body);
    expect(text.items.map((x) => x.alert.id)).toEqual([waiting.id, handled.id]);
  });
});
