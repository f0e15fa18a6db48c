// Worker of sms.bench.ts: the benchmark's socket.io clients, on their own thread (the machine's
// other core), so that decoding 100,000 messages a second does not compete with the SMS it measures.
import { parentPort } from 'node:worker_threads';
import { io, type Socket } from 'socket.io-client';
import { z } from 'zod';
import { CommandAckSchema } from '../../shared/protocol';

/** What the main thread asks of the worker. */
export const WorkerRequestSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('connect'), url: z.string(), token: z.string(), clients: z.number().int().positive() }),
  z.object({ kind: z.literal('collect'), lastSeq: z.number().int(), firstSeq: z.number().int() }),
  z.object({
    kind: z.literal('commands'),
    rate: z.number().positive(),
    count: z.number().int().positive(),
    unitId: z.string(),
  }),
  z.object({ kind: z.literal('close') }),
]);
/** A request to the clients worker. */
export type WorkerRequest = z.infer<typeof WorkerRequestSchema>;

/** Latency figures in milliseconds. */
export interface Percentiles {
  samples: number;
  p50: number;
  p99: number;
  max: number;
}

/** What the worker answers. */
export type WorkerReply =
  | { kind: 'connected' }
  | { kind: 'collected'; latencies: Float64Array; missing: number; outOfOrder: number }
  | { kind: 'commanded'; rtt: Percentiles; errors: number }
  | { kind: 'failed'; message: string };

/** p50/p99/max of `values` (sorted in place). */
export function percentiles(values: number[] | Float64Array): Percentiles {
  values.sort((a, b) => a - b);
  const at = (q: number) => values[Math.min(values.length - 1, Math.floor(q * values.length))] ?? Number.NaN;
  const round = (x: number) => Math.round(x * 100) / 100;
  return { samples: values.length, p50: round(at(0.5)), p99: round(at(0.99)), max: round(values.at(-1) ?? Number.NaN) };
}

const now = () => performance.timeOrigin + performance.now();

interface Tracked {
  socket: Socket;
  /** Last seq received, and deliveries that did not follow it by exactly one. */
  last: number;
  received: number;
  outOfOrder: number;
}

/** Latency samples, preallocated: growing a JS array of a million numbers would itself cause pauses. */
class Samples {
  private data = new Float64Array(1 << 20);
  length = 0;
  push(x: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = x;
  }
  take(): Float64Array {
    const out = this.data.slice(0, this.length);
    this.length = 0;
    return out;
  }
}

const EventSeq = z.object({ seq: z.number().int(), ts: z.number() });
let clients: Tracked[] = [];
const latencies = new Samples();

function reply(message: WorkerReply): void {
  parentPort?.postMessage(message, message.kind === 'collected' ? [message.latencies.buffer as ArrayBuffer] : []);
}

async function connectAll(url: string, token: string, count: number): Promise<void> {
  clients = await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<Tracked>((resolve, reject) => {
          const socket = io(url, { auth: { token }, transports: ['websocket'], reconnection: false, forceNew: true });
          const tracked: Tracked = { socket, last: 0, received: 0, outOfOrder: 0 };
          socket.on('event', (raw: unknown) => {
            const received = now();
            const e = EventSeq.parse(raw);
            latencies.push(received - e.ts);
            if (tracked.last !== 0 && e.seq !== tracked.last + 1) tracked.outOfOrder++;
            tracked.last = e.seq;
            tracked.received++;
          });
          socket.once('ready', () => resolve(tracked));
          socket.once('connect_error', reject);
        }),
    ),
  );
}

/** Waits until every client has `lastSeq` (or 5 s), then reports what each got since the last collect. */
async function collect(firstSeq: number, lastSeq: number): Promise<WorkerReply> {
  const deadline = Date.now() + 5_000;
  while (clients.some((c) => c.last < lastSeq) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  let missing = 0;
  let outOfOrder = 0;
  for (const c of clients) {
    missing += Math.max(0, lastSeq - firstSeq + 1 - c.received);
    outOfOrder += c.outOfOrder;
    c.received = 0;
    c.outOfOrder = 0;
  }
  return { kind: 'collected', latencies: latencies.take(), missing, outOfOrder };
}

async function commands(rate: number, count: number, unitId: string): Promise<WorkerReply> {
  const socket = clients[0]?.socket;
  if (!socket) throw new Error('no client');
  const rtts: number[] = [];
  let errors = 0;
  const start = now();
  const pending: Promise<void>[] = [];
  for (let i = 0; i < count; i++) {
    // Paced by the schedule, not by the answers: an open-loop load, as operators produce.
    const due = start + (i * 1_000) / rate;
    const wait = due - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const sent = now();
    const command = {
      id: `bench-${process.pid}-${start}-${i}`,
      type: 'unit.status',
      payload: { unitId, status: i % 2 === 0 ? 'busy' : 'available' },
    };
    pending.push(
      socket
        .timeout(10_000)
        .emitWithAck('command', command)
        .then((raw: unknown) => {
          rtts.push(now() - sent);
          if (!CommandAckSchema.parse(raw).ok) errors++;
        })
        .catch(() => {
          errors++;
        }),
    );
  }
  await Promise.all(pending);
  latencies.take();
  return { kind: 'commanded', rtt: percentiles(rtts), errors };
}

parentPort?.on('message', (raw: unknown) => {
  const request = WorkerRequestSchema.parse(raw);
  const run = async (): Promise<WorkerReply | null> => {
    switch (request.kind) {
      case 'connect':
        await connectAll(request.url, request.token, request.clients);
        return { kind: 'connected' };
      case 'collect':
        return collect(request.firstSeq, request.lastSeq);
      case 'commands':
        return commands(request.rate, request.count, request.unitId);
      case 'close':
        for (const c of clients) c.socket.close();
        parentPort?.close();
        return null;
    }
  };
  run().then(
    (r) => r && reply(r),
    (e: unknown) => reply({ kind: 'failed', message: e instanceof Error ? e.message : String(e) }),
  );
});
