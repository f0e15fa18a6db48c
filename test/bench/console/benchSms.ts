// The console bench's SMS, in a process of its own as in production (started by
// ../console.bench.ts through tsx). It starts the real SMS (demo users, the simulator's City at
// real-time speed, no video), seeds `incidents` open incidents through the core's own command path
// (as a vendor adapter or a call taker would create them), then prints `SMS listening on <url>`.
// On stdin: `rate <n>` adds notes to random seeded incidents at n a second (0 stops them), each
// answered by `rate <n> ok`; for the scale e2e test (test/e2e/cad/scale.test.ts): `close <n>`
// closes n seeded incidents (`closed <n>`), `create` creates one (`created <ref>`), `open` counts
// the open incidents (`open <n>`), `top <k>` gives the queue's first k references by the shared
// order (`top <ref,…>`) and `callsigns` the units' callsigns in snapshot order (`callsigns <a,…>`).
// Options arrive as one JSON argument: `{ sms: SmsOptions, incidents }`.
import { createInterface } from 'node:readline';
import { z } from 'zod';
import { DEFAULT_INCIDENT_SORT, orderIncidents } from '../../../shared/domain/queue';
import { startSms, type SmsOptions } from '../../../sms/app';

const ArgsSchema = z.object({
  sms: z.record(z.string(), z.unknown()),
  incidents: z.number().int().min(0).max(100_000),
});

const ACTOR = { userId: 'bench', username: 'bench', role: 'dispatcher' } as const;
const TYPES = ['theft', 'anti_social_behaviour', 'public_order', 'suspicious_item', 'concern_for_welfare'] as const;
/** How often the note driver wakes: fine enough for 200 a second to arrive spread out. */
const TICK_MS = 10;

async function main(): Promise<void> {
  const args = ArgsSchema.parse(JSON.parse(process.argv[2] ?? '{}'));
  const sms = await startSms(args.sms as unknown as SmsOptions);
  const started = Date.now();
  const ids: string[] = [];
  for (let i = 0; i < args.incidents; i++) {
    const ack = sms.core.submit(
      {
        id: `bench-create-${i}`,
        type: 'incident.create',
        payload: {
          type: TYPES[i % TYPES.length],
          // Grades 1 and 2 have running targets, 3 and 4 none: the queue orders both kinds.
          grade: (i % 4) + 1,
          location: { lon: -0.113 + ((i * 7919) % 4300) / 100_000, lat: 51.507 + ((i * 104729) % 1600) / 100_000 },
          summary: `benchmark incident ${i}`,
        },
      },
      ACTOR,
    );
    if (!ack.ok) throw new Error(`seeding failed: ${JSON.stringify(ack)}`);
    ids.push((ack.result as { incident: { id: string } }).incident.id);
  }
  console.error(`seeded ${ids.length} incidents in ${Date.now() - started} ms`);
  process.stdout.write(`SMS listening on ${sms.url}\n`);

  let rate = 0;
  let owed = 0;
  let noteNo = 0;
  let last = Date.now();
  const timer = setInterval(() => {
    const now = Date.now();
    owed += ((now - last) / 1000) * rate;
    last = now;
    while (owed >= 1 && ids.length > 0) {
      owed -= 1;
      noteNo += 1;
      const incidentId = ids[Math.floor(Math.random() * ids.length)]!;
      sms.core.submit(
        { id: `bench-note-${noteNo}`, type: 'incident.note', payload: { incidentId, text: `bench note ${noteNo}` } },
        ACTOR,
      );
    }
    if (rate === 0) owed = 0;
  }, TICK_MS);

  let made = 0;
  const hooks: Record<string, (n: number) => string> = {
    rate: (n) => {
      rate = n;
      owed = 0;
      return `rate ${rate} ok`;
    },
    close: (n) => {
      let closed = 0;
      while (closed < n && ids.length > 0) {
        const incidentId = ids.pop()!;
        const ack = sms.core.submit(
          { id: `bench-close-${incidentId}`, type: 'incident.close', payload: { incidentId, resultCode: 'no_trace' } },
          ACTOR,
        );
        if (ack.ok) closed += 1;
      }
      return `closed ${closed}`;
    },
    create: () => {
      made += 1;
      const ack = sms.core.submit(
        {
          id: `bench-made-${made}`,
          type: 'incident.create',
          payload: { type: 'theft', grade: 1, location: { lon: -0.0915, lat: 51.5133 }, summary: `made ${made}` },
        },
        ACTOR,
      );
      if (!ack.ok) throw new Error(JSON.stringify(ack));
      const incident = (ack.result as { incident: { id: string; ref: string } }).incident;
      ids.push(incident.id);
      return `created ${incident.ref}`;
    },
    open: () => `open ${sms.core.snapshot().incidents.filter((i) => i.status !== 'closed').length}`,
    top: (k) => {
      const rows = orderIncidents(sms.core.snapshot().incidents, {}, DEFAULT_INCIDENT_SORT, sms.core.now());
      return `top ${rows
        .slice(0, k)
        .map((i) => i.ref)
        .join(',')}`;
    },
    callsigns: () =>
      `callsigns ${sms.core
        .snapshot()
        .units.map((u) => u.callsign)
        .join(',')}`,
  };
  createInterface({ input: process.stdin }).on('line', (line) => {
    const match = /^([a-z]+)(?: (\d+))?$/.exec(line.trim());
    const hook = match && hooks[match[1]!];
    if (!hook) return;
    try {
      process.stdout.write(`${hook(Number(match[2] ?? 0))}\n`);
    } catch (error) {
      process.stdout.write(`hook failed ${error instanceof Error ? error.message : String(error)}\n`);
    }
  });
  process.on('SIGTERM', () => {
    clearInterval(timer);
    sms.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
