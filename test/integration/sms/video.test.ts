import { join } from 'node:path';
import { get, login, startTestSms, type TestSms } from '../support/sms';

// Real servers and sockets: generous limits for a loaded CI machine (no test measures time).
jest.setTimeout(20_000);

let t: TestSms;
beforeEach(async () => {
  t = await startTestSms();
  // The video service is wired in at start, so restart with it on (the cache lives in the temp folder).
  await t.restart({ video: true, videoCacheDir: join(t.dataDir, 'hls-cache') });
});
afterEach(async () => {
  await t.close();
});

it('serves each camera stream at its URL; the stream request itself writes no view record', async () => {
  const token = await login(t.url, 'supervisor');
  const camera = t.sms.core.cameras.get('cam-1')!;
  const res = await fetch(`${t.url}${camera.streams.main.url}`, { headers: { authorization: `Bearer ${token}` } });
  expect(res.status).toBe(200);
  expect(await res.text()).toMatch(/^#EXTM3U/);
  // A view is audited once, by the camera.view command (test/integration/wall); not again per playlist.
  const audit = await get(`${t.url}/api/audit?action=camera.view`, token);
  expect((audit.body as { records: unknown[] }).records).toEqual([]);
});
