import { connect, login, startTestSms, type TestSms } from '../support/sms';

// Real servers and sockets: generous limits for a loaded CI machine (no test measures time).
jest.setTimeout(20_000);

let t: TestSms;
afterEach(async () => {
  await t.close();
});

it('seeds a fresh SMS with the City scenario and journals the simulation live', async () => {
  t = await startTestSms({ sim: true, seed: 3, speed: 20 }, false);
  expect(t.sms.core.units.size).toBeGreaterThan(0);
  expect(t.sms.core.cameras.size).toBeGreaterThan(0);
  const client = await connect(t.url, await login(t.url, 'viewer'));
  await client.ready;
  // The units' positions, among the room wall's tour steps (the scenario's alarm tile tours the City).
  const deadline = Date.now() + 10_000;
  while (!client.events.some((e) => e.type === 'unit.positions') && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 20));
  }
  expect(client.events.map((e) => e.type)).toContain('unit.positions');
  client.close();
});

it('keeps the world it has across a restart instead of seeding again', async () => {
  t = await startTestSms({ sim: true, seed: 3, speed: 20 }, false);
  const unitIds = [...t.sms.core.units.keys()];
  t.sms.core.moveUnits([{ id: unitIds[0]!, lon: -0.1, lat: 51.51, heading: 12, speed: 0 }]);
  const seq = t.sms.core.seq;
  // Another seed would place another fleet: the world must come from the store, not the scenario.
  await t.restart({ seed: 4 });
  expect([...t.sms.core.units.keys()]).toEqual(unitIds);
  expect(t.sms.core.seq).toBeGreaterThanOrEqual(seq);
});
