import { ROOM_WALL_ID } from '../../../shared/domain/wallRules';
import { COMMAND_TYPES, CommandSchemas, type CommandType } from '../../../shared/protocol';
import { commandId, connect, login, startTestSms, type Client, type TestSms } from '../support/sms';
import {
  BANK,
  numberPaths,
  numericCommandPayloads,
  numericFields,
  pattern,
  withValue,
  type NumericField,
  type Path,
} from '../../support/numericPayloads';
import { AckSchema, expectSoundAfterwards, Ledger, outcome, rawEmit, timedHealth, type Ack } from './support';

// Every numeric field of every command, over a real socket as a third party sends it, at the
// extremes JSON can carry (1e308, -1e308, -0, 2**53 + 1, 1e-320), at the ones only hand-written
// JSON can (1e400 parses to Infinity, -1e400 to -Infinity), and as strings. Each is answered at
// once: `ok` with the value inside the field's bounds, or `invalid` with a message; never
// `internal`, never silence. (NaN cannot be written in JSON; extremes.test.ts drives NaN and the
// infinities in process.)

jest.setTimeout(60_000);

const camera = 'cam-1';
const ptzCamera = 'cam-2';
const wallId = ROOM_WALL_ID;
let incidentId = '';

const bases = () => numericCommandPayloads({ incidentId, camera, ptzCamera, wallId });

/** Values a JSON encoder writes. */
const EXTREMES = [1e308, -1e308, -0, 2 ** 53 + 1, 1e-320];
/** Number literals only hand-written JSON holds: they parse to the infinities (and 1e-400 to 0). */
const RAW_LITERALS = ['1e400', '-1e400', '1e-400'];
/** Numbers as strings, which no numeric field accepts. */
const AS_STRINGS = ['1', '1e308', '-0', ''];

const withNumbers = COMMAND_TYPES.filter((type) => numericFields(CommandSchemas[type].payload).size > 0);

let t: TestSms;
let admin: Client;
const ledger = new Ledger();
beforeAll(async () => {
  // Some 300 commands at the suite's own pace, not a flood: no rate limit in the way (flood.test.ts has them).
  const unlimited = { perSecond: 10_000, burst: 10_000 };
  t = await startTestSms({ commandRate: unlimited, userCommandRate: unlimited });
  admin = await connect(t.url, await login(t.url, 'admin'));
  const ack = await ledger.submit(admin.socket, 'incident.create', {
    type: 'theft',
    grade: 3,
    location: BANK,
    summary: 'Target of the numeric extremes',
  });
  if (!ack.ok) throw new Error(`setup: ${ack.error.message}`);
  incidentId = (ack.result as { incident: { id: string } }).incident.id;
});
afterAll(async () => {
  admin.close();
  await t.close();
});

/** The first path of each numeric field in a command's bases: every field once. */
function fieldPaths(type: CommandType): { base: unknown; path: Path }[] {
  const seen = new Set<string>();
  return (bases()[type] ?? []).flatMap((base) =>
    numberPaths(base)
      .filter((path) => !seen.has(pattern(path)) && seen.add(pattern(path)))
      .map((path) => ({ base, path })),
  );
}

/** Sends the payload until it is answered with something other than `rate_limited`; the raw text if `raw`. */
async function answer(type: CommandType, payload: unknown, raw?: string): Promise<Ack> {
  for (;;) {
    const command = { id: commandId(), type, payload };
    const json = JSON.stringify(['command', command]);
    const ack = AckSchema.parse(await rawEmit(admin.socket, raw === undefined ? json : json.replace('"@RAW@"', raw)));
    if (!ack.ok && ack.error.code === 'rate_limited') {
      await new Promise((r) => setTimeout(r, Math.max(50, ack.error.retryAfterMs ?? 250)));
      continue;
    }
    // A hand-written 1e400 reached the SMS as Infinity: it is only ever refused, so nothing to note.
    return raw === undefined ? ledger.note(command, ack) : ack;
  }
}

/** Whether a number the SMS accepted lies outside the field's bounds (NaN, a string sent, always does). */
function outOfBounds(field: NumericField, n: number): boolean {
  return !(n >= field.min && n <= field.max) || (field.integer && !Number.isInteger(n));
}

describe('numeric extremes of every command over a real socket', () => {
  it('has a payload for every command with numbers, reaching every numeric field', () => {
    expect(Object.keys(bases()).sort()).toEqual([...withNumbers].sort());
    for (const type of withNumbers) {
      const driven = new Set(fieldPaths(type).map(({ path }) => pattern(path)));
      expect([...numericFields(CommandSchemas[type].payload).keys()].filter((f) => !driven.has(f))).toEqual([]);
    }
  });

  it('accepts each payload as it is', async () => {
    for (const type of withNumbers) {
      for (const payload of bases()[type] ?? []) {
        const ack = await answer(type, payload);
        expect({ type, payload, ack: ack.ok ? 'ok' : ack.error }).toEqual({ type, payload, ack: 'ok' });
      }
    }
  });

  it.each(withNumbers)(
    '%s answers every extreme of every numeric field at once: ok within bounds, or invalid',
    async (type) => {
      const fields = numericFields(CommandSchemas[type].payload);
      const problems: string[] = [];
      for (const { base, path } of fieldPaths(type)) {
        const field = fields.get(pattern(path))!;
        const name = path.join('.');
        // What the SMS is sent, and the number it receives (NaN: a string, never a number).
        const cases: { what: string; received: number; send: () => Promise<Ack> }[] = [
          ...EXTREMES.map((n) => ({
            what: `${name} = ${Object.is(n, -0) ? '-0' : n}`,
            received: n,
            send: () => answer(type, withValue(base, path, n)),
          })),
          ...RAW_LITERALS.map((literal) => ({
            what: `${name} = ${literal} (hand-written)`,
            received: Number(literal),
            send: () => answer(type, withValue(base, path, '@RAW@'), literal),
          })),
          ...AS_STRINGS.map((text) => ({
            what: `${name} = "${text}"`,
            received: NaN,
            send: () => answer(type, withValue(base, path, text)),
          })),
        ];
        for (const { what, received, send } of cases) {
          const t0 = performance.now();
          const ack = await send();
          const ms = performance.now() - t0;
          if (ms > 2_000) problems.push(`${what}: answered after ${ms.toFixed(0)} ms`);
          if (ack.ok) {
            if (outOfBounds(field, received)) problems.push(`${what}: accepted outside [${field.min}, ${field.max}]`);
            if (!CommandSchemas[type].result.safeParse(ack.result).success) problems.push(`${what}: a bad result`);
          } else if (ack.error.code !== 'invalid' || !ack.error.message.includes(String(path[0]))) {
            // Refused as invalid, naming the field (or the part of the payload it belongs to).
            problems.push(`${what}: ${outcome(ack)} ${ack.error.message}`);
          }
        }
      }
      expect(problems).toEqual([]);
    },
  );

  it('kept answering everyone meanwhile: health within the bound, a viewer still connects', async () => {
    const health = await timedHealth(t.url);
    expect(health.status).toBe(200);
    const viewer = await connect(t.url, await login(t.url, 'viewer'));
    expect(viewer.socket.connected).toBe(true);
    viewer.close();
  });
});

it('ends sound: alive, the journal contiguous, nothing accepted lost', async () => {
  await expectSoundAfterwards(t, ledger);
});
