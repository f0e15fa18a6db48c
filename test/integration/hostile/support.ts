// Support of the hostile-input suite: a third party's view of the SMS (raw HTTP, socket.io from
// outside), a ledger of what the SMS accepted, and the check every file of the suite ends with:
// the SMS is alive, its journal rose without a gap, and nothing it acknowledged was lost.
import { connect as netConnect } from 'node:net';
import { z } from 'zod';
import { CommandEnvelopeSchema, SnapshotSchema, type CommandType, type Snapshot } from '../../../shared/protocol';
import { commandId, connect, get, login, type TestSms, type TestSocket } from '../support/sms';

/** Longest the SMS may take to answer `/api/health` after (or during) an attack, on a loaded CI machine. */
export const HEALTH_BOUND_MS = 2_000;
/** Longest a command may go unanswered before the suite calls it silence. */
export const ACK_TIMEOUT_MS = 10_000;

/**
 * A command's acknowledgement as a third party reads it: the shared schema would drop what the SMS
 * may add (`retryAfterMs` of a rate-limited command), so the suite keeps every field.
 */
export const AckSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), result: z.unknown() }),
  z.object({
    ok: z.literal(false),
    error: z.looseObject({
      code: z.string(),
      message: z.string(),
      retryAfterMs: z.number().int().nonnegative().optional(),
    }),
  }),
]);
export type Ack = z.infer<typeof AckSchema>;

/** `ok`, or the refusal's code: what most assertions compare. */
export const outcome = (ack: Ack): string => (ack.ok ? 'ok' : ack.error.code);

/** Sends anything as a command, resolving with its acknowledgement; rejects if none comes (silence). */
export async function emitCommand(socket: TestSocket, command: unknown): Promise<Ack> {
  const raw: unknown = await socket.timeout(ACK_TIMEOUT_MS).emitWithAck('command', command);
  return AckSchema.parse(raw);
}

/**
 * Sends a command, again after the wait the SMS asks for while it answers `rate_limited` (per-user
 * limits may refuse a burst of the suite's own commands), and resolves with the first other answer.
 */
export async function patientEmit(socket: TestSocket, command: unknown): Promise<Ack> {
  for (let attempt = 0; ; attempt++) {
    const ack = await emitCommand(socket, command);
    if (ack.ok || ack.error.code !== 'rate_limited' || attempt === 50) return ack;
    await sleep(Math.min(2_000, Math.max(50, ack.error.retryAfterMs ?? 250)));
  }
}

/** What the SMS accepted: every command acknowledged `ok`, in order, whose effect must last. */
export class Ledger {
  readonly accepted: { type: string; payload: unknown; result: unknown }[] = [];

  /** Notes `ack` if it is `ok` (the envelope tells what was accepted); returns it. */
  note(command: unknown, ack: Ack): Ack {
    if (ack.ok) {
      const envelope = CommandEnvelopeSchema.parse(command);
      this.accepted.push({ type: envelope.type, payload: envelope.payload, result: ack.result });
    }
    return ack;
  }

  /**
   * Sends a command until it is answered with something other than `rate_limited` (per-user limits
   * may refuse a burst; each retry has a fresh id, as the refused one was never run), and notes it.
   */
  async submit(socket: TestSocket, type: CommandType, payload: unknown): Promise<Ack> {
    for (let attempt = 0; ; attempt++) {
      const command = { id: commandId(), type, payload };
      const ack = await emitCommand(socket, command);
      if (ack.ok || ack.error.code !== 'rate_limited' || attempt === 50) return this.note(command, ack);
      await sleep(Math.min(2_000, Math.max(50, ack.error.retryAfterMs ?? 250)));
    }
  }
}

export const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** GET `/api/health` and how long it took. */
export async function timedHealth(base: string): Promise<{ status: number; seq: number; ms: number }> {
  const t0 = performance.now();
  const res = await get(`${base}/api/health`);
  const ms = performance.now() - t0;
  const seq = z.object({ seq: z.number().int().nonnegative() }).parse(res.body).seq;
  return { status: res.status, seq, ms };
}

const SeqOnly = z.object({ seq: z.number().int().positive() });

/**
 * The journal from the start, as a client resuming from `since: 0` receives it: the replayed
 * event seqs (only those up to `ready`) and `ready.seq`.
 */
async function replayFromStart(base: string, token: string): Promise<{ seqs: number[]; readySeq: number }> {
  const client = await connect(base, token, 0);
  try {
    const ready = await Promise.race([
      client.ready,
      client.resynced.then((r) => {
        throw new Error(`resync instead of a replay from 0: ${JSON.stringify(r)}`);
      }),
    ]);
    const seqs = client.events.map((e) => SeqOnly.parse(e).seq).filter((s) => s <= ready.seq);
    expect(seqs.length).toBe(ready.replayed);
    return { seqs, readySeq: ready.seq };
  } finally {
    client.close();
  }
}

/** Where a result's records live in the snapshot. */
const RECORD_LISTS = {
  incident: 'incidents',
  unit: 'units',
  units: 'units',
  alert: 'alerts',
  wall: 'walls',
  camera: 'cameras',
  overlay: 'overlays',
  preset: 'wallPresets',
} as const;
/** Results that name a record the command removed. */
const REMOVED_BY: Record<string, { field: string; list: string }> = {
  'overlay.remove': { field: 'overlayId', list: 'overlays' },
  'wall.presetDelete': { field: 'presetId', list: 'wallPresets' },
};

const WithId = z.looseObject({ id: z.string() });
const IncidentResult = z.object({ incident: z.looseObject({ id: z.string() }) });
const NotePayload = z.object({ incidentId: z.string(), text: z.string() });
const CreatePayload = z.object({ summary: z.string() });
const LogPage = z.object({
  total: z.number().int(),
  entries: z.array(z.looseObject({ n: z.number().int(), kind: z.string(), text: z.string() })),
});

/** Texts of an incident's notes: from the snapshot's log, or the whole log when the snapshot's is bounded. */
async function noteTexts(base: string, token: string, incident: Record<string, unknown>): Promise<string[]> {
  const log = z.array(z.looseObject({ kind: z.string(), text: z.string() })).parse(incident.log);
  const count = typeof incident.logCount === 'number' ? incident.logCount : log.length;
  if (count <= log.length) return log.filter((e) => e.kind === 'note').map((e) => e.text);
  const texts: string[] = [];
  let before: number | undefined;
  for (;;) {
    const query = `limit=500${before === undefined ? '' : `&before=${before}`}`;
    const res = await get(`${base}/api/incidents/${encodeURIComponent(String(incident.id))}/log?${query}`, token);
    expect(res.status).toBe(200);
    const page = LogPage.parse(res.body);
    texts.unshift(...page.entries.filter((e) => e.kind === 'note').map((e) => e.text));
    if (page.entries.length === 0 || page.entries[0]!.n === 0) return texts;
    before = page.entries[0]!.n;
  }
}

/** What is wrong with the snapshot given what the SMS accepted (empty: nothing was lost). */
async function lostEffects(base: string, token: string, snapshot: Snapshot, ledger: Ledger): Promise<string[]> {
  const lists = snapshot as unknown as Record<string, unknown[] | undefined>;
  const present = new Map<string, Set<string>>();
  const idsOf = (list: string) => {
    let ids = present.get(list);
    if (!ids) present.set(list, (ids = new Set((lists[list] ?? []).map((r) => WithId.parse(r).id))));
    return ids;
  };
  // Records each accepted command wrote, less the ones a later accepted command removed.
  const expected = new Map<string, string>();
  const problems: string[] = [];
  for (const { type, result } of ledger.accepted) {
    const removal = REMOVED_BY[type];
    if (removal) {
      const id = z.record(z.string(), z.unknown()).parse(result)[removal.field];
      if (typeof id !== 'string') throw new Error(`${type} answered without ${removal.field}`);
      expected.delete(`${removal.list}/${id}`);
      if (idsOf(removal.list).has(id)) problems.push(`${type}: ${id} is still in ${removal.list}`);
      continue;
    }
    for (const [key, list] of Object.entries(RECORD_LISTS)) {
      const value = (result as Record<string, unknown>)[key];
      for (const record of Array.isArray(value) ? value : value === undefined ? [] : [value]) {
        expected.set(`${list}/${WithId.parse(record).id}`, type);
      }
    }
  }
  for (const [where, type] of expected) {
    const [list = '', id = ''] = where.split('/');
    if (!idsOf(list).has(id)) problems.push(`${type}: ${where} is missing from the snapshot`);
  }
  // Texts exactly as accepted: incident summaries and notes.
  const incidents = new Map(snapshot.incidents.map((i) => [i.id, i as unknown as Record<string, unknown>]));
  const notes = new Map<string, string[]>();
  for (const { type, payload, result } of ledger.accepted) {
    if (type === 'incident.create') {
      const id = IncidentResult.parse(result).incident.id;
      const summary = CreatePayload.parse(payload).summary;
      if (incidents.get(id)?.summary !== summary) problems.push(`incident.create: ${id} lost its summary`);
    } else if (type === 'incident.note') {
      const { incidentId, text } = NotePayload.parse(payload);
      notes.set(incidentId, [...(notes.get(incidentId) ?? []), text]);
    }
  }
  for (const [incidentId, texts] of notes) {
    const incident = incidents.get(incidentId);
    const stored = incident ? await noteTexts(base, token, incident) : [];
    const missing = texts.filter((t) => !stored.includes(t));
    if (missing.length > 0) problems.push(`incident.note: ${missing.length} note(s) of ${incidentId} are missing`);
  }
  return problems;
}

/**
 * The end of every file of the suite: the SMS answers its health check quickly, its journal from
 * the start is contiguous up to `ready.seq` (and rose when anything was accepted), and every
 * command it acknowledged `ok` has its effect in `/api/snapshot`.
 */
export async function expectSoundAfterwards(t: TestSms, ledger: Ledger, seqBefore = 0): Promise<void> {
  const health = await timedHealth(t.url);
  expect(health.status).toBe(200);
  expect(health.ms).toBeLessThan(HEALTH_BOUND_MS);

  const token = await login(t.url, 'supervisor');
  const { seqs, readySeq } = await replayFromStart(t.url, token);
  expect(readySeq).toBeGreaterThanOrEqual(health.seq);
  if (ledger.accepted.length > 0) expect(readySeq).toBeGreaterThan(seqBefore);
  if (readySeq > 0) {
    expect(seqs[0]).toBe(1);
    const gaps = seqs.filter((s, i) => i > 0 && s !== seqs[i - 1]! + 1);
    expect(gaps).toEqual([]);
    expect(seqs.at(-1)).toBe(readySeq);
  }

  const res = await get(`${t.url}/api/snapshot`, token);
  expect(res.status).toBe(200);
  const snapshot = SnapshotSchema.parse(res.body);
  expect(snapshot.seq).toBeGreaterThanOrEqual(readySeq);
  expect(await lostEffects(t.url, token, snapshot, ledger)).toEqual([]);
}

/** An answer to a raw HTTP request. */
export interface RawResponse {
  status: number;
  headers: string;
  body: Buffer;
}

/**
 * Sends one HTTP/1.1 request byte for byte (fetch would normalise `..` and refuse some bytes a
 * hostile client may send) and reads the answer until the SMS closes the connection.
 */
export function rawRequest(
  base: string,
  target: string,
  opts: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<RawResponse> {
  const url = new URL(base);
  const body = Buffer.from(opts.body ?? '', 'utf8');
  const headers = {
    host: url.host,
    connection: 'close',
    ...(opts.body === undefined || opts.headers?.['transfer-encoding']
      ? {}
      : { 'content-length': String(body.length) }),
    ...opts.headers,
  };
  const head = `${opts.method ?? 'GET'} ${target} HTTP/1.1\r\n${Object.entries(headers)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    const socket = netConnect({ host: url.hostname, port: Number(url.port) }, () => {
      socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body]));
    });
    socket.setTimeout(ACK_TIMEOUT_MS, () => socket.destroy(new Error(`no answer to ${target.slice(0, 80)}`)));
    socket.on('data', (c: Buffer) => chunks.push(c));
    socket.on('error', reject);
    socket.on('close', () => {
      const all = Buffer.concat(chunks);
      const split = all.indexOf('\r\n\r\n');
      const headText = all.subarray(0, split < 0 ? all.length : split).toString('latin1');
      const status = Number(/^HTTP\/1\.[01] (\d{3})/.exec(headText)?.[1] ?? NaN);
      if (Number.isNaN(status)) return reject(new Error(`no HTTP answer to ${target.slice(0, 80)}: ${headText}`));
      let rest: Buffer = split < 0 ? Buffer.alloc(0) : all.subarray(split + 4);
      if (/^transfer-encoding: *chunked/im.test(headText)) rest = unchunk(rest);
      resolve({ status, headers: headText, body: rest });
    });
  });
}

function unchunk(data: Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (;;) {
    const eol = data.indexOf('\r\n', at);
    if (eol < 0) break;
    const size = parseInt(data.subarray(at, eol).toString('latin1'), 16);
    if (!(size > 0)) break;
    parts.push(data.subarray(eol + 2, eol + 2 + size));
    at = eol + 2 + size + 2;
  }
  return Buffer.concat(parts);
}

let rawAckId = 900_000;

/**
 * Sends a socket.io EVENT packet written by hand (`["command", …]` as JSON text, so it may hold
 * what no JSON encoder writes, e.g. `1e400`) with an acknowledgement id, as an independent
 * socket.io implementation could; resolves with the SMS's answer to that id, or null if none
 * comes within `waitMs`.
 */
export function rawEmit(socket: TestSocket, json: string, waitMs = ACK_TIMEOUT_MS): Promise<unknown> {
  const engine = socket.io.engine;
  const id = ++rawAckId;
  const prefix = `3${id}`;
  return new Promise((resolve) => {
    const onMessage = (data: unknown) => {
      if (typeof data !== 'string' || !data.startsWith(`${prefix}[`)) return;
      done((JSON.parse(data.slice(prefix.length)) as unknown[])[0]);
    };
    const timer = setTimeout(() => done(null), waitMs);
    const done = (answer: unknown) => {
      clearTimeout(timer);
      engine.off('message', onMessage);
      resolve(answer);
    };
    engine.on('message', onMessage);
    engine.send(`2${id}${json}`);
  });
}

/** Sends raw text as one socket.io packet (no acknowledgement expected). */
export function rawPacket(socket: TestSocket, packet: string): void {
  socket.io.engine.send(packet);
}

/** Resolves with the reason once `socket` disconnects. */
export function disconnected(socket: TestSocket): Promise<string> {
  return new Promise((resolve) => {
    if (!socket.connected) resolve('not connected');
    socket.once('disconnect', (reason) => resolve(reason));
  });
}
