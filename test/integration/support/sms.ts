import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { io, type Socket } from 'socket.io-client';
import {
  CommandAckSchema,
  EventEnvelopeSchema,
  ReadySchema,
  ResyncSchema,
  SessionResponseSchema,
  type ClientToServerEvents,
  type CommandAck,
  type CommandPayload,
  type CommandType,
  type EventEnvelope,
  type Ready,
  type Resync,
  type ServerToClientEvents,
} from '../../../shared/protocol';
import { startSms, type RunningSms, type SmsOptions } from '../../../sms/app';
import { silentLogger } from '../../../sms/core/log';
import { testWorld } from '../../support/world';

/** Secret of every test SMS, so tests can sign their own (e.g. expired) tokens. */
export const TEST_SECRET = 'test-secret-0123456789-abcdefghijklmnop';
/** Password of the demo users. */
export const DEMO_PASSWORD = 'jccr-demo';

/** A test SMS on a fresh temporary data folder, restartable on the same folder. */
export interface TestSms {
  readonly sms: RunningSms;
  readonly url: string;
  readonly dataDir: string;
  /** Closes the SMS and starts a new one on the same data folder (and the same port when free). */
  restart(over?: Partial<SmsOptions>): Promise<void>;
  /** Closes the SMS and removes its data folder. */
  close(): Promise<void>;
}

/** Starts a demo SMS without simulator and video, seeded with the small test world. */
export async function startTestSms(over: Partial<SmsOptions> = {}, seed = true): Promise<TestSms> {
  const dataDir = await mkdtemp(join(tmpdir(), 'jccr-sms-test-'));
  const options = (extra: Partial<SmsOptions>): SmsOptions => ({
    dataDir,
    demo: true,
    sim: false,
    video: false,
    appDir: null,
    secret: TEST_SECRET,
    logger: silentLogger,
    ...over,
    ...extra,
  });
  let sms = await startSms(options({}));
  if (seed) sms.core.seed(testWorld());
  return {
    get sms() {
      return sms;
    },
    get url() {
      return sms.url;
    },
    dataDir,
    async restart(extra = {}) {
      await sms.close();
      sms = await startSms(options(extra));
    },
    async close() {
      await sms.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** POSTs JSON (or a raw string body) and returns status and parsed body. */
export async function post(url: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** GETs and returns status and parsed body. */
export async function get(url: string, token?: string) {
  const res = await fetch(url, { headers: token === undefined ? {} : { authorization: `Bearer ${token}` } });
  return { status: res.status, body: (await res.json()) as unknown };
}

/** Logs a user in and returns the token. */
export async function login(base: string, username: string, password = DEMO_PASSWORD): Promise<string> {
  const res = await post(`${base}/api/session`, { username, password });
  if (res.status !== 200) throw new Error(`login ${username}: ${res.status}`);
  return SessionResponseSchema.parse(res.body).token;
}

/** A typed socket.io client of the SMS. */
export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/** A connected client that records everything the SMS sends it. */
export interface Client {
  socket: TestSocket;
  events: EventEnvelope[];
  resyncs: Resync[];
  ready: Promise<Ready>;
  /** Resolves with the first `resync`. */
  resynced: Promise<Resync>;
  /** Resolves once an event with seq >= `seq` has arrived. */
  waitForSeq(seq: number): Promise<void>;
  close(): void;
}

/** Connects with `token` (and `since`), resolving once connected; rejects with the connect_error. */
export function connect(base: string, token: string, since?: number): Promise<Client> {
  const socket: TestSocket = io(base, {
    auth: since === undefined ? { token } : { token, since },
    transports: ['websocket'],
    reconnection: false,
    forceNew: true,
  });
  const events: EventEnvelope[] = [];
  const resyncs: Resync[] = [];
  const waiters: { seq: number; resolve: () => void }[] = [];
  socket.on('event', (raw: unknown) => {
    const e = EventEnvelopeSchema.parse(raw);
    events.push(e);
    for (const w of waiters.filter((w) => e.seq >= w.seq)) {
      waiters.splice(waiters.indexOf(w), 1);
      w.resolve();
    }
  });
  const resynced = new Promise<Resync>((resolve) =>
    socket.on('resync', (raw: unknown) => {
      const r = ResyncSchema.parse(raw);
      resyncs.push(r);
      resolve(r);
    }),
  );
  const ready = new Promise<Ready>((resolve) =>
    socket.once('ready', (raw: unknown) => resolve(ReadySchema.parse(raw))),
  );
  return new Promise((resolve, reject) => {
    socket.once('connect', () =>
      resolve({
        socket,
        events,
        resyncs,
        ready,
        resynced,
        waitForSeq: (seq) =>
          events.some((e) => e.seq >= seq) ? Promise.resolve() : new Promise((r) => waiters.push({ seq, resolve: r })),
        close: () => socket.close(),
      }),
    );
    socket.once('connect_error', (err) => {
      socket.close();
      reject(err);
    });
  });
}

let counter = 0;
/** A fresh client command id. */
export function commandId(): string {
  counter += 1;
  return `test-cmd-${process.pid}-${Date.now()}-${counter}`;
}

/** Sends a command and resolves with its parsed acknowledgement. */
export async function send<T extends CommandType>(
  socket: TestSocket,
  type: T,
  payload: CommandPayload<T>,
  id: string = commandId(),
): Promise<CommandAck> {
  return sendRaw(socket, { id, type, payload });
}

/** Sends anything as a command and resolves with the parsed acknowledgement. */
export async function sendRaw(socket: TestSocket, command: unknown): Promise<CommandAck> {
  const raw: unknown = await socket.timeout(10_000).emitWithAck('command', command);
  return CommandAckSchema.parse(raw) as CommandAck;
}
