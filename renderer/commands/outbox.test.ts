import type { CommandAck, CommandEnvelope } from '../../shared/protocol';
import { anIncident } from '../../test/support/records';
import { CommandRefusedError } from './commandClient';
import { applyToIncident, applyToUnit, pendingOnly } from './optimistic';
import { Outbox, readStoredEntries, type OutboxStorage } from './outbox';
import { aUnit, anAlert } from '../../test/support/records';

class MemoryStorage implements OutboxStorage {
  readonly data = new Map<string, string>();
  getItem(key: string) {
    return this.data.get(key) ?? null;
  }
  setItem(key: string, value: string) {
    this.data.set(key, value);
  }
}

/** A link to the SMS that can be cut; it answers like the SMS: the first answer per id, acting once. */
class FakeLink {
  up = true;
  readonly applied: CommandEnvelope[] = [];
  private readonly answers = new Map<string, CommandAck>();
  refuse: string | null = null;

  sendCommand = (command: CommandEnvelope): Promise<CommandAck> => {
    if (!this.up) return Promise.reject(new Error('Not connected to the SMS.'));
    let ack = this.answers.get(command.id);
    if (!ack) {
      if (this.refuse) ack = { ok: false, error: { code: 'conflict', message: this.refuse } };
      else {
        this.applied.push(command);
        const result = command.type === 'alert.acknowledge' ? { alert: anAlert() } : { incident: anIncident() };
        ack = { ok: true, result };
      }
      this.answers.set(command.id, ack);
    }
    return Promise.resolve(ack);
  };
}

const KEY = 'outbox-test';
const note = { incidentId: 'inc-1', text: 'Caller now at Bank' };

describe('outbox', () => {
  it('sends at once when the link is up and forgets the entry', async () => {
    const link = new FakeLink();
    const outbox = new Outbox(new MemoryStorage(), KEY);
    outbox.setTransport(link);
    const result = await outbox.send('incident.note', note, 'Note');
    expect(result.incident.id).toBe('inc-1');
    expect(outbox.list()).toEqual([]);
    expect(link.applied).toHaveLength(1);
    outbox.stop();
  });

  it('keeps actions across a reload while the SMS is down and sends them once, with their original ids', async () => {
    const storage = new MemoryStorage();
    const link = new FakeLink();
    link.up = false;
    const first = new Outbox(storage, KEY);
    first.setTransport(link);
    void first.send('incident.note', note, 'Note').catch(() => undefined);
    void first.send('incident.note', { ...note, text: 'second' }, 'Note 2').catch(() => undefined);
    await first.flush();
    first.stop();
    const ids = first.list().map((e) => e.id);
    expect(first.list().map((e) => e.state)).toEqual(['pending', 'pending']);

    // The window reloads: a new outbox reads the same storage.
    const second = new Outbox(storage, KEY);
    expect(second.list().map((e) => e.id)).toEqual(ids);
    link.up = true;
    second.setTransport(link);
    await second.flush();
    // A second flush (e.g. a reconnect racing the timer) sends nothing more.
    await second.flush();
    second.stop();
    expect(link.applied.map((c) => c.id)).toEqual(ids);
    expect(link.applied.map((c) => (c.payload as typeof note).text)).toEqual(['Caller now at Bank', 'second']);
    expect(second.list()).toEqual([]);
  });

  it('marks a refused action and rejects its promise, so the optimistic change rolls back', async () => {
    const link = new FakeLink();
    link.refuse = 'Unit TR2 is on_scene, not available.';
    const outbox = new Outbox(new MemoryStorage(), KEY);
    outbox.setTransport(link);
    const sent = outbox.send('incident.assign', { incidentId: 'inc-1', unitIds: ['unit-1'] }, 'Assign TR2');
    await expect(sent).rejects.toBeInstanceOf(CommandRefusedError);
    expect(outbox.list()).toMatchObject([{ state: 'refused', error: 'Unit TR2 is on_scene, not available.' }]);
    expect(applyToIncident(anIncident(), outbox.list()).unitIds).toEqual([]);
    outbox.dismiss(outbox.list()[0]!.id);
    expect(outbox.list()).toEqual([]);
    outbox.stop();
  });

  it("two windows of one user share the stored outbox: neither drops the other's action", async () => {
    const storage = new MemoryStorage();
    const link = new FakeLink();
    link.up = false;
    const console_ = new Outbox(storage, KEY);
    const wall = new Outbox(storage, KEY);
    console_.setTransport(link);
    wall.setTransport(link);
    void console_.send('incident.note', note, 'Note').catch(() => undefined);
    // The wall acts after the console; its write keeps the console's note in storage.
    const ack = wall.send('alert.acknowledge', { alertId: 'alert-1' }, 'Acknowledge alarm');
    void console_.send('incident.note', { ...note, text: 'second' }, 'Note 2').catch(() => undefined);
    await Promise.all([console_.flush(), wall.flush()]);
    expect(readStoredEntries(storage.getItem(KEY)).map((e) => e.label)).toEqual([
      'Note',
      'Acknowledge alarm',
      'Note 2',
    ]);
    // A reload after every write would find all three.
    expect(new Outbox(storage, KEY).list()).toHaveLength(3);

    // The link returns: the console sends everything stored, each id once; the wall's own
    // action resolves in the wall (its resend gets the SMS's first answer for that id).
    link.up = true;
    console_.reload();
    await console_.flush();
    await wall.flush();
    await expect(ack).resolves.toBeDefined();
    expect(new Set(link.applied.map((c) => c.id)).size).toBe(3);
    expect(link.applied).toHaveLength(3);
    wall.reload();
    expect([console_.list(), wall.list(), readStoredEntries(storage.getItem(KEY))]).toEqual([[], [], []]);
    console_.stop();
    wall.stop();
  });

  it('an entry another window finished leaves this window too', async () => {
    const storage = new MemoryStorage();
    const link = new FakeLink();
    link.refuse = 'No incident.';
    const a = new Outbox(storage, KEY);
    a.setTransport(link);
    await a.send('incident.note', note, 'Note').catch(() => undefined);
    const b = new Outbox(storage, KEY);
    expect(b.list().map((e) => e.state)).toEqual(['refused']);
    b.dismiss(b.list()[0]!.id);
    a.reload();
    expect(a.list()).toEqual([]);
    a.stop();
    b.stop();
  });

  it('ignores stored data that does not validate', () => {
    expect(readStoredEntries('not json')).toEqual([]);
    expect(readStoredEntries(JSON.stringify({ version: 2, entries: [] }))).toEqual([]);
    const bad = {
      id: 'abcdefgh1',
      type: 'incident.note',
      payload: { incidentId: 'x' },
      createdAt: 1,
      label: '',
      state: 'pending',
      error: null,
      attempts: 0,
    };
    const good = { ...bad, id: 'abcdefgh2', payload: { incidentId: 'x', text: 'ok' } };
    expect(
      readStoredEntries(JSON.stringify({ version: 1, entries: [bad, good, { nonsense: true }] })).map((e) => e.id),
    ).toEqual(['abcdefgh2']);
  });
});

describe('optimistic view', () => {
  const entry = (type: 'incident.assign' | 'incident.note', payload: unknown) => ({
    id: 'cmd-00001',
    type,
    payload,
    createdAt: Date.parse('2026-11-25T10:01:00.000Z'),
    label: 'Assign CW11',
    state: 'pending' as const,
    error: null,
    attempts: 0,
  });

  it('shows a pending assignment on the incident and the unit', () => {
    const assign = entry('incident.assign', { incidentId: 'inc-1', unitIds: ['unit-1'] });
    const incident = applyToIncident(anIncident(), [assign]);
    expect(incident.status).toBe('dispatched');
    expect(incident.unitIds).toEqual(['unit-1']);
    expect(incident.log.at(-1)).toMatchObject({ author: 'pending', text: 'Assign CW11' });
    expect(applyToUnit(aUnit(), [assign])).toMatchObject({ status: 'dispatched', incidentId: 'inc-1' });
  });

  it('applies only pending entries', () => {
    const refused = { ...entry('incident.note', { incidentId: 'inc-1', text: 'x' }), state: 'refused' as const };
    expect(pendingOnly([refused])).toEqual([]);
    expect(applyToIncident(anIncident(), [refused]).log).toEqual([]);
  });
});
