// docs/protocol.md, "Time": events' `ts` and the times in records and the audit follow the SMS
// clock (which the simulator's --speed accelerates); session expiry stays on the wall clock.
import { AuditResponseSchema, SessionResponseSchema } from '../../../shared/protocol';
import { DEFAULT_TOKEN_TTL_MS } from '../../../sms/auth/sessions';
import { commandId, connect, get, post, sendRaw, startTestSms, DEMO_PASSWORD } from '../support/sms';

jest.setTimeout(20_000);

it('stamps events, records and the audit with the SMS clock, and sessions with the wall clock', async () => {
  const smsNow = Date.parse('2031-06-01T12:00:00.000Z');
  const t = await startTestSms({ clock: () => smsNow });
  try {
    const res = await post(`${t.url}/api/session`, { username: 'supervisor', password: DEMO_PASSWORD });
    const session = SessionResponseSchema.parse(res.body);
    const expiresAt = Date.parse(session.expiresAt ?? '');
    expect(Math.abs(expiresAt - (Date.now() + DEFAULT_TOKEN_TTL_MS))).toBeLessThan(60_000);

    const client = await connect(t.url, session.token);
    const incident = { type: 'theft', grade: 3, location: { lon: -0.0886, lat: 51.5134 }, summary: 'x' };
    const ack = await sendRaw(client.socket, { id: commandId(), type: 'incident.create', payload: incident });
    expect(ack.ok).toBe(true);
    await client.waitForSeq(t.sms.core.seq);
    const event = client.events.at(-1);
    expect(event?.ts).toBe(smsNow);
    const record = (ack.ok ? ack.result : null) as { incident: { createdAt: string; log: { at: string }[] } };
    expect([record.incident.createdAt, record.incident.log[0]?.at]).toEqual([
      new Date(smsNow).toISOString(),
      new Date(smsNow).toISOString(),
    ]);
    const audit = AuditResponseSchema.parse(
      (await get(`${t.url}/api/audit?action=incident.create`, session.token)).body,
    );
    expect(audit.records[0]?.at).toBe(new Date(smsNow).toISOString());
    client.close();
  } finally {
    await t.close();
  }
});
