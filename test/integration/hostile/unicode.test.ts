import { z } from 'zod';
import { AuditResponseSchema, type EventEnvelope } from '../../../shared/protocol';
import { connect, get, login, startTestSms, type Client, type TestSms } from '../support/sms';
import { expectSoundAfterwards, Ledger, outcome, patientEmit, rawRequest } from './support';

// Text is stored verbatim: emoji and their joiners, combining marks, right-to-left and
// zero-width marks, every C0 control character, lone surrogate halves (sent as JSON escapes,
// which is how JSON carries them) and markup. The SMS checks lengths only, so an incident's
// summary, its caller, its address and a note come back exactly as sent, code unit for code
// unit: in the acknowledgement, the live event, `/api/snapshot` (byte for byte as JSON),
// the replay from `since: 0`, the audit, and after a restart from the store.

jest.setTimeout(30_000);

const C0 = Array.from({ length: 32 }, (_, i) => String.fromCharCode(i)).join('');
/** Each piece is something a careless store, encoder or log line mangles. */
const PIECES = {
  emoji: '😀 👩‍🚒 👨‍👩‍👧‍👦 🏳️‍🌈 🇬🇧',
  combining: 'e\u0301 n\u0303 Z\u0334\u0321\u031b\u0316a\u0337l\u0338g\u0336o\u0335',
  rtl: '\u200f\u202eevil\u202c \u2067\u05e9\u05dc\u05d5\u05dd\u2069 \u0645\u0631\u062d\u0628\u0627',
  zeroWidth: 'a\u200bb\u200cc\u200dd\ufeffe\u2060f',
  controls: `${C0}\u007f\u0085\u2028\u2029`,
  loneSurrogates: 'high \ud800 low \udfff reversed \udc00\ud83d end',
  nonCharacters: '\ufffe\uffff \u{10ffff} \u{1fffe}',
  markup: '<script>alert(1)</script> "; DROP TABLE incidents; -- ${x} {{x}} %s %n',
} as const;
const ALL = Object.values(PIECES).join(' | ');

const bank = { lon: -0.0886, lat: 51.5134 };

let t: TestSms;
let dispatcher: Client;
let supervisorToken: string;
const ledger = new Ledger();
/** Incident id → what was sent in it. */
const sent = new Map<string, { summary: string; address?: string; callerName?: string; callerPhone?: string }>();
/** Incident id → note texts sent. */
const notes = new Map<string, string[]>();

beforeAll(async () => {
  t = await startTestSms();
  dispatcher = await connect(t.url, await login(t.url, 'dispatcher'));
  supervisorToken = await login(t.url, 'supervisor');
});
afterAll(async () => {
  dispatcher.close();
  await t.close();
});

const IncidentResult = z.object({
  incident: z.looseObject({
    id: z.string(),
    summary: z.string(),
    location: z.looseObject({ address: z.string().optional() }),
    caller: z.object({ name: z.string().optional(), phone: z.string().optional() }).nullable(),
    log: z.array(z.looseObject({ kind: z.string(), text: z.string() })),
  }),
});
type Incident = z.infer<typeof IncidentResult>['incident'];

/** What went wrong with an incident as the SMS hands it back (empty: verbatim). */
function differences(incident: Incident): string[] {
  const want = sent.get(incident.id);
  if (!want) return [];
  const problems: string[] = [];
  if (incident.summary !== want.summary) problems.push(`${incident.id} summary`);
  if (want.address !== undefined && incident.location.address !== want.address) problems.push(`${incident.id} address`);
  if (want.callerName !== undefined && incident.caller?.name !== want.callerName)
    problems.push(`${incident.id} caller`);
  if (want.callerPhone !== undefined && incident.caller?.phone !== want.callerPhone)
    problems.push(`${incident.id} phone`);
  const stored = incident.log.filter((e) => e.kind === 'note').map((e) => e.text);
  for (const text of notes.get(incident.id) ?? []) {
    if (!stored.includes(text)) problems.push(`${incident.id} note ${JSON.stringify(text.slice(0, 20))}`);
  }
  return problems;
}

/** Every incident in the snapshot, checked against what was sent. */
async function snapshotDifferences(): Promise<string[]> {
  const res = await rawRequest(t.url, '/api/snapshot', { headers: { authorization: `Bearer ${supervisorToken}` } });
  expect(res.status).toBe(200);
  const text = res.body.toString('utf8');
  const problems: string[] = [];
  // Byte for byte: the SMS writes each text as JSON.stringify does (lone surrogates as \u escapes).
  for (const { summary } of sent.values()) if (!text.includes(JSON.stringify(summary))) problems.push('raw JSON');
  const incidents = z.object({ incidents: z.array(z.unknown()) }).parse(JSON.parse(text)).incidents;
  for (const raw of incidents) problems.push(...differences(IncidentResult.parse({ incident: raw }).incident));
  return problems;
}

describe('unicode and control characters', () => {
  it.each(Object.entries(PIECES))('stores %s verbatim in an incident and answers with it', async (name, piece) => {
    const text = `${name}: ${piece}`;
    const payload = {
      type: 'theft',
      grade: 3,
      location: { ...bank, address: text.slice(0, 300) },
      summary: text,
      caller: { name: text.slice(0, 200), phone: piece.slice(0, 40) },
    };
    const ack = await ledger.submit(dispatcher.socket, 'incident.create', payload);
    expect(outcome(ack)).toBe('ok');
    const incident = IncidentResult.parse((ack as { result: unknown }).result).incident;
    sent.set(incident.id, {
      summary: text,
      address: payload.location.address,
      callerName: payload.caller.name,
      callerPhone: payload.caller.phone,
    });
    const note = `note ${text}`;
    const noted = await ledger.submit(dispatcher.socket, 'incident.note', { incidentId: incident.id, text: note });
    expect(outcome(noted)).toBe('ok');
    notes.set(incident.id, [note]);
    expect(differences(incident).filter((p) => !p.includes('note'))).toEqual([]);
    expect(differences(IncidentResult.parse((noted as { result: unknown }).result).incident)).toEqual([]);
  });

  it('stores everything at once, at the longest summary and note the protocol allows', async () => {
    const summary = ALL.repeat(Math.ceil(2_000 / ALL.length)).slice(0, 2_000);
    const note = ALL.repeat(Math.ceil(10_000 / ALL.length)).slice(0, 10_000);
    const ack = await ledger.submit(dispatcher.socket, 'incident.create', {
      type: 'theft',
      grade: 3,
      location: { ...bank, address: ALL.slice(0, 300) },
      summary,
      caller: { name: ALL.slice(0, 200), phone: PIECES.controls.slice(0, 40) },
    });
    expect(outcome(ack)).toBe('ok');
    const id = IncidentResult.parse((ack as { result: unknown }).result).incident.id;
    sent.set(id, {
      summary,
      address: ALL.slice(0, 300),
      callerName: ALL.slice(0, 200),
      callerPhone: PIECES.controls.slice(0, 40),
    });
    expect(outcome(await ledger.submit(dispatcher.socket, 'incident.note', { incidentId: id, text: note }))).toBe('ok');
    notes.set(id, [note]);
  });

  it('counts lengths in code points (as JSON Schema maxLength does): 2,000 emoji fit a summary, 2,001 do not', async () => {
    const longest = '😀'.repeat(2_000);
    const ack = await ledger.submit(dispatcher.socket, 'incident.create', {
      type: 'theft',
      grade: 3,
      location: bank,
      summary: longest,
    });
    expect(outcome(ack)).toBe('ok');
    const incident = IncidentResult.parse((ack as { result: unknown }).result).incident;
    expect(incident.summary).toBe(longest);
    sent.set(incident.id, { summary: longest });
    const over = await ledger.submit(dispatcher.socket, 'incident.create', {
      type: 'theft',
      grade: 3,
      location: bank,
      summary: `${longest}x`,
    });
    expect(over).toMatchObject({ ok: false, error: { code: 'invalid', message: expect.stringContaining('summary') } });
  });

  /** Command ids that differ only in lone surrogates or NULs, each its own command. */
  const oddIds = ['cmd-\ud800-0001', 'cmd-\ud801-0001', 'cmd-\u0000-0002', 'cmd-\u0000\u0000-0002', 'cmd-\ufffd-0001'];
  const oddIncidents = new Map<string, string>();
  const createWithId = async (id: string) => {
    const command = {
      id,
      type: 'incident.create',
      payload: { type: 'theft', grade: 3, location: bank, summary: `id ${id}` },
    };
    const ack = ledger.note(command, await patientEmit(dispatcher.socket, command));
    return IncidentResult.parse((ack as { result: unknown }).result).incident.id;
  };

  it('keeps command ids verbatim: ids differing only in lone surrogates or NULs are different commands', async () => {
    for (const id of oddIds) {
      const incidentId = await createWithId(id);
      sent.set(incidentId, { summary: `id ${id}` });
      oddIncidents.set(id, incidentId);
    }
    expect(new Set(oddIncidents.values()).size).toBe(oddIds.length);
    // A retry of each is that command again, not a new one.
    for (const id of oddIds) expect(await createWithId(id)).toBe(oddIncidents.get(id));
  });

  it('sent everything verbatim in the live events', () => {
    const problems = dispatcher.events
      .filter((e: EventEnvelope) => e.type.startsWith('incident.'))
      .flatMap((e) => differences(IncidentResult.parse(e.payload).incident).filter((p) => !p.includes('note')));
    expect(problems).toEqual([]);
  });

  it('serves everything verbatim in the snapshot, byte for byte', async () => {
    expect(await snapshotDifferences()).toEqual([]);
  });

  it('replays everything verbatim from since 0', async () => {
    const replay = await connect(t.url, supervisorToken, 0);
    await replay.ready;
    replay.close();
    const latest = new Map<string, Incident>();
    for (const e of replay.events.filter((e) => e.type.startsWith('incident.'))) {
      const incident = IncidentResult.parse(e.payload).incident;
      latest.set(incident.id, incident);
    }
    expect([...latest.keys()].sort()).toEqual([...sent.keys()].sort());
    expect([...latest.values()].flatMap(differences)).toEqual([]);
  });

  it('audits the texts verbatim', async () => {
    const res = await get(`${t.url}/api/audit?action=incident.create&limit=100`, supervisorToken);
    expect(res.status).toBe(200);
    const summaries = AuditResponseSchema.parse(res.body)
      .records.filter((r) => r.result === 'ok')
      .map((r) => z.looseObject({ summary: z.string() }).parse(JSON.parse(r.detail)).summary);
    for (const { summary } of sent.values()) expect(summaries).toContain(summary);
  });

  it('keeps everything verbatim across a restart (read back from the store)', async () => {
    dispatcher.close();
    await t.restart();
    supervisorToken = await login(t.url, 'supervisor');
    expect(await snapshotDifferences()).toEqual([]);
    dispatcher = await connect(t.url, await login(t.url, 'dispatcher'));
    // Read back from the store, the odd command ids still name their own commands.
    for (const id of oddIds) expect(await createWithId(id)).toBe(oddIncidents.get(id));
  });

  it('refuses a unicode or control-character username as a wrong login, and stays up', async () => {
    for (const username of [PIECES.controls.slice(0, 64), PIECES.rtl, '\ud800', 'dispatcher\u0000']) {
      const res = await rawRequest(t.url, '/api/session', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ username, password: 'jccr-demo' }),
      });
      expect(res.status).toBe(401);
    }
  });
});

it('ends sound: alive, the journal contiguous, nothing lost', async () => {
  await expectSoundAfterwards(t, ledger);
});
