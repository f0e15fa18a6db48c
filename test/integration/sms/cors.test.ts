import { startTestSms, type TestSms } from '../support/sms';

// The Electron renderer is served from jccr://app, so its calls to the SMS are cross-origin.
jest.setTimeout(20_000);

let t: TestSms;
beforeAll(async () => {
  t = await startTestSms({ allowedOrigins: ['https://wall.jccr.example'] });
});
afterAll(async () => {
  await t.close();
});

async function preflight(origin: string) {
  return fetch(`${t.url}/api/session`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': 'POST',
      'Access-Control-Request-Headers': 'content-type,authorization',
    },
  });
}

describe('CORS for the API', () => {
  it('lets the Electron app origin sign in (preflight and request)', async () => {
    const pre = await preflight('jccr://app');
    expect(pre.status).toBe(204);
    expect(pre.headers.get('access-control-allow-origin')).toBe('jccr://app');
    expect(pre.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
    const res = await fetch(`${t.url}/api/session`, {
      method: 'POST',
      headers: { Origin: 'jccr://app', 'Content-Type': 'application/json' },
      body: JSON.stringify({ username: 'dispatcher', password: 'jccr-demo' }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('access-control-allow-origin')).toBe('jccr://app');
  });

  it('allows a configured extra origin', async () => {
    const pre = await preflight('https://wall.jccr.example');
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://wall.jccr.example');
  });

  it('gives an unknown origin no CORS permission', async () => {
    const pre = await preflight('https://evil.example');
    expect(pre.headers.get('access-control-allow-origin')).toBeNull();
    const res = await fetch(`${t.url}/api/snapshot`, { headers: { Origin: 'https://evil.example' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});
