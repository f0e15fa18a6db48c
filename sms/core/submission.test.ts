// Idempotency by command id over the real core and an in-memory store: a retry is answered, never
// run again, and a used id never carries another command.
import type { CommandAck } from '../../shared/protocol';
import { testWorld } from '../../test/support/world';
import { SMS_COMMANDS } from '../commands/commandRules';
import { openSqliteStorage } from '../storage/sqlite';
import type { Storage } from '../storage/storage';
import { createCore, type SmsCoreService } from './core';
import { canonicalJson, payloadFingerprint } from './fingerprint';
import type { Actor } from './ports';
import { REUSED_ID_MESSAGE } from './submission';

const dispatcher: Actor = { userId: 'user-dispatcher', username: 'dispatcher', role: 'dispatcher' };
const supervisor: Actor = { userId: 'user-supervisor', username: 'supervisor', role: 'supervisor' };
const location = { lon: -0.0886, lat: 51.5134 };
const incident = { type: 'theft', grade: 3, location, summary: 'x' } as const;
const id = 'cmd-000000001';
const at = Date.parse('2026-11-25T10:00:00.000Z');

let storage: Storage;
let core: SmsCoreService;
beforeEach(() => {
  storage = openSqliteStorage(':memory:');
  core = createCore({ commands: SMS_COMMANDS, storage, clock: () => at });
  core.seed(testWorld());
});
afterEach(() => core.close());

const audit = () => storage.queryAudit({ limit: 20 });
const state = () => [core.seq, core.incidents.size];
const conflict = (message: string): CommandAck => ({ ok: false, error: { code: 'conflict', message } });

describe('a command id sent again', () => {
  it('with the same type and payload (keys in any order) gets the first answer, runs nothing, and audits a retry', () => {
    const first = core.submit({ id, type: 'incident.create', payload: incident }, dispatcher);
    const reordered = { summary: 'x', location: { lat: location.lat, lon: location.lon }, grade: 3, type: 'theft' };
    expect(core.submit({ id, type: 'incident.create', payload: reordered }, dispatcher)).toEqual(first);
    expect(state()).toEqual([1, 1]);
    const [retry, ran] = audit();
    expect(ran).toMatchObject({ action: 'incident.create', result: 'ok', targetId: 'inc-000001' });
    expect(retry).toMatchObject({ action: 'incident.create', result: 'retry', reason: null, targetId: 'inc-000001' });
    expect(JSON.parse(retry?.detail ?? '')).toEqual({
      commandId: id,
      firstResult: 'ok',
      firstAt: '2026-11-25T10:00:00.000Z',
      payloadCompared: true,
    });
  });

  it('with another payload answers conflict, runs nothing, and audits the refusal with what was sent', () => {
    core.submit({ id, type: 'incident.create', payload: incident }, dispatcher);
    const other = { ...incident, summary: 'something else' };
    expect(core.submit({ id, type: 'incident.create', payload: other }, dispatcher)).toEqual(
      conflict(REUSED_ID_MESSAGE),
    );
    expect(state()).toEqual([1, 1]);
    expect(audit()[0]).toMatchObject({
      action: 'incident.create',
      result: 'conflict',
      reason: REUSED_ID_MESSAGE,
      detail: JSON.stringify(other),
    });
    // The first answer is still the one a true retry gets.
    expect(core.submit({ id, type: 'incident.create', payload: incident }, dispatcher)).toMatchObject({ ok: true });
  });

  it('with another type answers conflict', () => {
    core.submit({ id, type: 'incident.create', payload: incident }, dispatcher);
    expect(
      core.submit({ id, type: 'incident.note', payload: { incidentId: 'inc-000001', text: 'x' } }, dispatcher),
    ).toEqual(conflict(REUSED_ID_MESSAGE));
    expect(core.incidents.get('inc-000001')?.log).toHaveLength(1);
  });

  it('after a kept refusal gets that refusal for the same payload and conflict for another', () => {
    const note = (incidentId: string) => ({ id, type: 'incident.note', payload: { incidentId, text: 'x' } });
    const first = core.submit(note('inc-404'), dispatcher);
    expect(first).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(core.submit(note('inc-404'), dispatcher)).toEqual(first);
    core.execute('incident.create', incident, dispatcher);
    expect(core.submit(note('inc-000001'), dispatcher)).toEqual(conflict(REUSED_ID_MESSAGE));
    expect(core.incidents.get('inc-000001')?.log).toHaveLength(1);
    expect(audit().map((r) => [r.action, r.result])).toEqual([
      ['incident.note', 'conflict'],
      ['incident.create', 'ok'],
      ['incident.note', 'retry'],
      ['incident.note', 'not_found'],
    ]);
  });

  it('from another user answers conflict without disclosing the first answer', () => {
    core.submit({ id, type: 'incident.create', payload: incident }, dispatcher);
    expect(core.submit({ id, type: 'incident.create', payload: incident }, supervisor)).toEqual(
      conflict('This command id was already used by another session.'),
    );
    expect(state()).toEqual([1, 1]);
  });

  it('whose answer was stored without a fingerprint gets that answer for its type, unchecked, and conflict for another', () => {
    const ack: CommandAck = { ok: true, result: { viewId: 'view-1', cameraId: 'cam-1' } };
    storage.commit({ command: { id, userId: dispatcher.userId, type: 'camera.view', ack, at, payloadHash: null } });
    const view = { cameraId: 'cam-2', screen: 'wall:1', mode: 'playback', reason: 'x' };
    expect(core.submit({ id, type: 'camera.view', payload: view }, dispatcher)).toEqual(ack);
    // Its target is the first command's, from its answer, not the one sent now.
    expect(audit()[0]).toMatchObject({ action: 'camera.view', result: 'retry', reason: null, targetId: 'cam-1' });
    expect(JSON.parse(audit()[0]?.detail ?? '')).toMatchObject({ payloadCompared: false });
    expect(core.submit({ id, type: 'incident.create', payload: incident }, dispatcher)).toEqual(
      conflict(REUSED_ID_MESSAGE),
    );
    expect(state()).toEqual([0, 0]);
  });
});

it('audits a view that ran with the view id it was given, ahead of the payload', () => {
  const view = { cameraId: 'cam-1', screen: 'wall:1', mode: 'live' };
  expect(core.submit({ id, type: 'camera.view', payload: view }, dispatcher)).toMatchObject({
    ok: true,
    result: { viewId: 'view-1' },
  });
  expect(audit()[0]).toMatchObject({
    action: 'camera.view',
    targetId: 'cam-1',
    result: 'ok',
    detail: JSON.stringify({ viewId: 'view-1', ...view }),
  });
});

describe('payloadFingerprint', () => {
  it('is the same for the same payload whatever the key order, and differs for any other', () => {
    const a = { b: [1, { y: 2, x: 1 }], a: 'x', 10: true, 2: null };
    const b = { 2: null, a: 'x', 10: true, b: [1, { x: 1, y: 2 }] };
    expect(payloadFingerprint(a)).toBe(payloadFingerprint(b));
    expect(canonicalJson(a)).toBe('{"2":null,"10":true,"a":"x","b":[1,{"x":1,"y":2}]}');
    for (const other of [{ ...a, a: 'y' }, { ...a, b: [{ y: 2, x: 1 }, 1] }, { ...a, c: 0 }, [a], 'x', null]) {
      expect(payloadFingerprint(other)).not.toBe(payloadFingerprint(a));
    }
  });

  it('treats what JSON cannot hold as JSON does', () => {
    expect(canonicalJson(undefined)).toBe('null');
    expect(canonicalJson({ a: undefined, b: Number.NaN })).toBe('{"b":null}');
    expect(payloadFingerprint({ a: undefined })).toBe(payloadFingerprint({}));
  });
});
