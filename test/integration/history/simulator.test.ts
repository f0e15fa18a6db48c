// The simulator keeps running while its closed incidents and handled alerts are archived under it:
// it acts only on what is live, so it never names an archived record (no failed tick, no refusal).
import type { EventEnvelope } from '../../../shared/protocol';
import type { Logger } from '../../../sms/core/log';
import { startTestSms } from '../support/sms';

it('runs a pre-rolled City with a short archive window without a failure', async () => {
  const problems: string[] = [];
  const logger: Logger = {
    info: () => undefined,
    warn: (m) => problems.push(m),
    error: (m, e) => problems.push(`${m} ${e instanceof Error ? e.message : String(e)}`),
  };
  // Five hours pre-rolled with a 20-minute window archive much of the shift at once, then a
  // simulated hour or so more at speed 600 archives as it goes.
  const t = await startTestSms(
    { sim: true, demo: true, preroll: true, demoPace: true, speed: 600, seed: 5, archiveAfterMs: 20 * 60_000, logger },
    false,
  );
  try {
    const archived: EventEnvelope[] = [];
    t.sms.core.subscribe((e) => {
      if (e.type === 'incident.archived' || e.type === 'alert.archived') archived.push(e);
    });
    await new Promise((r) => setTimeout(r, 8_000));
    expect(archived.length).toBeGreaterThan(0);
    const ids = new Set(archived.map((e) => (e.type === 'incident.archived' ? e.payload.incidentId : '')));
    expect([...t.sms.core.incidents.keys()].filter((id) => ids.has(id))).toEqual([]);
    expect(problems).toEqual([]);
  } finally {
    await t.close();
  }
}, 120_000);
