// Hostile input on the history routes: malformed, huge, NaN, unknown and repeated parameters,
// forged cursors, no or forged tokens. Each gets a clear answer; the SMS stays up and keeps its data.
import { HttpErrorSchema, IncidentHistoryResponseSchema } from '../../../shared/protocol';
import { SYSTEM_ACTOR } from '../../../sms/core/ports';
import { login, startTestSms, type TestSms } from '../support/sms';

const location = { lon: -0.0886, lat: 51.5134 };
let t: TestSms;
let token: string;

beforeAll(async () => {
  t = await startTestSms();
  token = await login(t.url, 'viewer');
  for (let i = 0; i < 5; i++) {
    t.sms.core.execute(
      'incident.create',
      { type: 'theft', grade: 3, location, summary: `100% case_${i}` },
      SYSTEM_ACTOR,
    );
  }
});
afterAll(async () => {
  await t.close();
});

const raw = async (path: string, auth: string | null = token) => {
  const res = await fetch(`${t.url}${path}`, auth === null ? {} : { headers: { authorization: `Bearer ${auth}` } });
  return { status: res.status, body: (await res.json()) as unknown };
};

const refusal = async (path: string, auth: string | null = token) => {
  const res = await raw(path, auth);
  return { status: res.status, ...HttpErrorSchema.parse(res.body).error };
};

describe('history routes under hostile input', () => {
  it('refuses requests without a valid token', async () => {
    for (const path of ['/api/history/incidents', '/api/history/alerts']) {
      expect(await refusal(path, null)).toMatchObject({ status: 401, code: 'unauthorized' });
      expect(await refusal(path, 'forged.token.value')).toMatchObject({ status: 401, code: 'unauthorized' });
    }
  });

  it.each([
    ['unknown parameter', '?wards=Cheap', 'wards'],
    ['repeated parameter', '?q=a&q=b', 'q'],
    ['NaN limit', '?limit=NaN', 'limit'],
    ['negative limit', '?limit=-1', 'limit'],
    ['zero limit', '?limit=0', 'limit'],
    ['limit over the maximum', '?limit=201', 'limit'],
    ['exponent limit', '?limit=1e2', 'limit'],
    ['huge limit', `?limit=${'9'.repeat(400)}`, 'limit'],
    ['malformed from', '?from=yesterday', 'from'],
    ['from with an offset', '?from=2026-11-25T10:00:00%2B01:00', 'from'],
    ['unknown incident type', '?type=alien_landing', 'type'],
    ['empty q', '?q=', 'q'],
    ['huge q', `?q=${'x'.repeat(5_000)}`, 'q'],
    ['NUL in q', '?q=a%00', 'q'],
    ['huge ward', `?ward=${'w'.repeat(101)}`, 'ward'],
  ])('answers 400 invalid for %s, naming it', async (_what, query, name) => {
    const answer = await refusal(`/api/history/incidents${query}`);
    expect(answer).toMatchObject({ status: 400, code: 'invalid' });
    expect(answer.message).toContain(name);
  });

  it('refuses from after to', async () => {
    const answer = await refusal('/api/history/incidents?from=2026-11-26T00:00:00Z&to=2026-11-25T00:00:00Z');
    expect(answer).toMatchObject({
      status: 400,
      code: 'invalid',
      message: expect.stringContaining('from is after to'),
    });
  });

  it('refuses forged cursors and cursors of another search', async () => {
    const forged = [
      'not a cursor!',
      'AAAA',
      Buffer.from('{"at":"x","id":"y","f":"z"}').toString('base64url'),
      Buffer.from(JSON.stringify({ at: '2026-11-25T10:00:00.000Z', id: 'inc-1', f: 'g'.repeat(16) })).toString(
        'base64url',
      ),
      Buffer.from('[1,2,3]').toString('base64url'),
      'A'.repeat(401),
    ];
    for (const cursor of forged) {
      expect(await refusal(`/api/history/incidents?cursor=${encodeURIComponent(cursor)}`)).toMatchObject({
        status: 400,
        code: 'invalid',
      });
    }
    const first = IncidentHistoryResponseSchema.parse((await raw('/api/history/incidents?limit=2')).body);
    expect(first.nextCursor).not.toBeNull();
    const other = await refusal(`/api/history/incidents?limit=2&q=case&cursor=${first.nextCursor}`);
    expect(other).toMatchObject({ status: 400, message: expect.stringContaining('other parameters') });
    // The cursor of an incident search means nothing to the alerts' route either.
    expect(await refusal(`/api/history/alerts?limit=2&cursor=${first.nextCursor}`)).toMatchObject({ status: 400 });
  });

  it('takes LIKE wildcards, unicode and control characters in q literally', async () => {
    const search = async (q: string) =>
      IncidentHistoryResponseSchema.parse((await raw(`/api/history/incidents?q=${encodeURIComponent(q)}`)).body).items
        .length;
    expect(await search('100%')).toBe(5);
    expect(await search('%')).toBe(5);
    expect(await search('_4')).toBe(1);
    expect(await search('%_%x')).toBe(0);
    expect(await search('\u202e🚓\u0007')).toBe(0);
    expect(await search("' OR 1=1 --")).toBe(0);
  });

  it('is still alive with its data after all of it', async () => {
    expect((await raw('/api/health', null)).status).toBe(200);
    expect(t.sms.core.incidents.size).toBe(5);
  });
});
