// `npm run bench:sms`: fan-out of >= 2,000 events/s to 50 socket.io clients on loopback, then command
// round trips at 200/s, against an in-process SMS (no simulator, no video) on a real data folder.
// Prints one JSON object with the figures, the targets and pass flags; exits 1 when a target is missed.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import { SessionResponseSchema, type Unit } from '../../shared/protocol';
import { startSms, type RunningSms } from '../../sms/app';
import { silentLogger } from '../../sms/core/log';
import { testCamera, testServicePoint, testUnit } from '../support/world';
import { percentiles, type Percentiles, type WorkerReply, type WorkerRequest } from './smsClients';

const CLIENTS = 50;
/** Client threads: the clients decode as many messages as the SMS sends, so they get the spare core. */
const CLIENT_THREADS = 2;
const EVENT_RATE = 2_000;
const FANOUT_SECONDS = 10;
const WARMUP_SECONDS = 2;
const COMMAND_RATE = 200;
const COMMAND_COUNT = 1_000;
const UNITS = 200;
/** Units moved per `unit.positions` event, as a simulator tick batch would. */
const BATCH = 5;
const TARGETS = { deliveryP99Ms: 100, commandP99Ms: 30, eventsPerSecond: EVENT_RATE };
/** The whole run is bounded: past this the benchmark reports failure and exits. */
const DEADLINE_MS = 90_000;

interface Result {
  benchmark: 'sms';
  clients: number;
  fanout: {
    targetRate: number;
    achievedRate: number;
    seconds: number;
    events: number;
    missing: number;
    outOfOrder: number;
    latencyMs: Percentiles;
    /** Busy share of the SMS's thread and of the clients' thread while driving: which side is the limit. */
    loopUtilization: { server: number; clients: number[] };
  };
  commands: { rate: number; count: number; errors: number; rttMs: Percentiles };
  targets: typeof TARGETS;
  pass: { delivery: boolean; command: boolean; rate: boolean; complete: boolean; all: boolean };
}

/** Progress goes to stderr; stdout carries only the result. */
function progress(message: string): void {
  process.stderr.write(`[bench:sms] ${message}\n`);
}

function workerCall(worker: Worker, request: WorkerRequest): Promise<WorkerReply> {
  return new Promise((resolveReply, reject) => {
    worker.once('message', (reply: WorkerReply) =>
      reply.kind === 'failed' ? reject(new Error(`clients: ${reply.message}`)) : resolveReply(reply),
    );
    worker.postMessage(request);
  });
}

/** Journals `unit.positions` events at `rate` per second for `seconds`, catching up after any late tick. */
function drive(
  sms: RunningSms,
  units: readonly Unit[],
  rate: number,
  seconds: number,
): Promise<{ events: number; seconds: number }> {
  return new Promise((done) => {
    const start = performance.now();
    let sent = 0;
    let k = 0;
    const timer = setInterval(() => {
      const elapsed = (performance.now() - start) / 1_000;
      const due = Math.min(rate * seconds, Math.floor(rate * elapsed));
      for (; sent < due; sent++) {
        const batch = Array.from({ length: BATCH }, () => {
          const u = units[k++ % units.length]!;
          return {
            id: u.id,
            lon: u.position.lon + (k % 100) * 1e-6,
            lat: u.position.lat,
            heading: k % 360,
            speed: 1.5,
          };
        });
        sms.core.moveUnits(batch);
      }
      if (sent >= rate * seconds) {
        clearInterval(timer);
        done({ events: sent, seconds: (performance.now() - start) / 1_000 });
      }
    }, 2);
  });
}

async function run(): Promise<Result> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jccr-sms-bench-'));
  const sms = await startSms({
    dataDir,
    demo: true,
    sim: false,
    video: false,
    appDir: null,
    secret: 'bench-secret-0123456789-abcdefghijklmnop',
    commandRate: { perSecond: 10_000, burst: 10_000 },
    userCommandRate: { perSecond: 10_000, burst: 10_000 },
    logger: silentLogger,
  });
  // The workers are TypeScript too: tsx's require hook compiles them, as tsx does for this script.
  const clientsFile = JSON.stringify(resolve(__dirname, 'smsClients.ts'));
  const workers = Array.from(
    { length: CLIENT_THREADS },
    () => new Worker(`require('tsx/cjs'); require(${clientsFile});`, { eval: true }),
  );
  const all = (request: (i: number) => WorkerRequest) => Promise.all(workers.map((w, i) => workerCall(w, request(i))));
  try {
    const units = Array.from({ length: UNITS }, (_, i) =>
      testUnit(`u${i + 1}`, { position: { lon: -0.11 + (i % 20) * 0.002, lat: 51.508 + Math.floor(i / 20) * 0.001 } }),
    );
    sms.core.seed({ units, cameras: [testCamera('cam-1')], servicePoints: [testServicePoint('dsp-1')] });
    const res = await fetch(`${sms.url}/api/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: 'dispatcher', password: 'jccr-demo' }),
    });
    const { token } = SessionResponseSchema.parse(await res.json());
    progress(`SMS at ${sms.url}; connecting ${CLIENTS} clients on ${CLIENT_THREADS} threads`);
    await all((i) => ({
      kind: 'connect',
      url: sms.url,
      token,
      clients: Math.floor(CLIENTS / CLIENT_THREADS) + (i < CLIENTS % CLIENT_THREADS ? 1 : 0),
    }));
    // Warm-up: let the JIT compile the hot paths and the sockets settle before measuring.
    progress(`warming up for ${WARMUP_SECONDS} s`);
    await drive(sms, units, EVENT_RATE, WARMUP_SECONDS);
    await all(() => ({ kind: 'collect', firstSeq: 1, lastSeq: sms.core.seq }));
    progress(`driving ${EVENT_RATE} events/s for ${FANOUT_SECONDS} s`);

    const firstSeq = sms.core.seq + 1;
    const serverLoop = performance.eventLoopUtilization();
    const clientLoops = workers.map((w) => w.performance.eventLoopUtilization());
    const driven = await drive(sms, units, EVENT_RATE, FANOUT_SECONDS);
    const round = (x: number) => Math.round(x * 100) / 100;
    const loopUtilization = {
      server: round(performance.eventLoopUtilization(serverLoop).utilization),
      clients: workers.map((w, i) => round(w.performance.eventLoopUtilization(clientLoops[i]).utilization)),
    };
    const lastSeq = sms.core.seq;
    const collected = await all(() => ({ kind: 'collect', firstSeq, lastSeq }));
    const fanout = { latencies: [] as number[], missing: 0, outOfOrder: 0 };
    for (const c of collected) {
      if (c.kind !== 'collected') throw new Error('unexpected reply');
      for (const x of c.latencies) fanout.latencies.push(x);
      fanout.missing += c.missing;
      fanout.outOfOrder += c.outOfOrder;
    }
    const latency = percentiles(fanout.latencies);

    progress(`fan-out p99 ${latency.p99} ms; sending ${COMMAND_COUNT} commands at ${COMMAND_RATE}/s`);
    const commanded = await workerCall(workers[0]!, {
      kind: 'commands',
      rate: COMMAND_RATE,
      count: COMMAND_COUNT,
      unitId: 'u1',
    });
    if (commanded.kind !== 'commanded') throw new Error('unexpected reply');
    for (const w of workers) w.postMessage({ kind: 'close' } satisfies WorkerRequest);

    const achievedRate = Math.round(driven.events / driven.seconds);
    const pass = {
      delivery: latency.p99 < TARGETS.deliveryP99Ms,
      command: commanded.rtt.p99 < TARGETS.commandP99Ms && commanded.errors === 0,
      rate: achievedRate >= TARGETS.eventsPerSecond * 0.98,
      complete: fanout.missing === 0 && fanout.outOfOrder === 0,
      all: false,
    };
    pass.all = pass.delivery && pass.command && pass.rate && pass.complete;
    return {
      benchmark: 'sms',
      clients: CLIENTS,
      fanout: {
        targetRate: EVENT_RATE,
        achievedRate,
        seconds: Math.round(driven.seconds * 100) / 100,
        events: driven.events,
        missing: fanout.missing,
        outOfOrder: fanout.outOfOrder,
        latencyMs: latency,
        loopUtilization,
      },
      commands: { rate: COMMAND_RATE, count: COMMAND_COUNT, errors: commanded.errors, rttMs: commanded.rtt },
      targets: TARGETS,
      pass,
    };
  } finally {
    await Promise.all(workers.map((w) => w.terminate()));
    await sms.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

const deadline = setTimeout(() => {
  process.stdout.write(`${JSON.stringify({ benchmark: 'sms', error: `did not finish within ${DEADLINE_MS} ms` })}\n`);
  process.exit(1);
}, DEADLINE_MS);
deadline.unref();

run().then(
  (result) => {
    process.stdout.write(`${JSON.stringify(result)}\n`);
    process.exit(result.pass.all ? 0 : 1);
  },
  (e: unknown) => {
    process.stdout.write(
      `${JSON.stringify({ benchmark: 'sms', error: e instanceof Error ? e.message : String(e) })}\n`,
    );
    process.exit(1);
  },
);
