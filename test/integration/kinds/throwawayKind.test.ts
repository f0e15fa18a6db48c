// Adding a kind of record is one entry in the kinds table plus its migration: this test adds a
// throw-away kind here only and follows one record through every layer that handles kinds.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { ENTITY_KINDS, type EntityKindTable, type Snapshot } from '../../../shared/protocol';
import { createApplyEvent } from '../../../renderer/state/applyEvent';
import { SMS_COMMANDS } from '../../../sms/commands/commandRules';
import { createCore } from '../../../sms/core/core';
import type { ProducedKind } from '../../../sms/core/ports';
import { entityTable, SQLITE_MIGRATIONS } from '../../../sms/storage/migrations';
import { openSqliteStorage } from '../../../sms/storage/sqlite';
import { testWorld } from '../../support/world';

const BeaconSchema = z.object({ id: z.string(), label: z.string().max(40), lit: z.boolean() });
const kinds: EntityKindTable = {
  ...ENTITY_KINDS,
  beacon: {
    schema: BeaconSchema,
    snapshotKey: 'beacons',
    table: 'beacons',
    recordKey: 'beacon',
    saved: 'beacon.updated',
  },
};
const migrations = [...SQLITE_MIGRATIONS, { version: SQLITE_MIGRATIONS.length + 1, sql: entityTable('beacons') }];
// The kind is not in the protocol's types: the test speaks to the generic layers by name.
const BEACON = 'beacon' as ProducedKind;
const beacon = (lit: boolean) => ({ id: 'beacon-1', label: 'Bank junction', lit }) as never;

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jccr-kind-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

it('a throw-away kind is stored, journaled, snapshotted and applied on the client', () => {
  const path = join(dir, 'sms.sqlite');
  const open = () =>
    createCore({
      commands: SMS_COMMANDS,
      kinds,
      storage: openSqliteStorage(path, { kinds, migrations }),
      clock: Date.now,
    });
  const core = open();
  core.seed(testWorld());
  const clientStart = core.snapshot();
  const seen: unknown[] = [];
  core.subscribe((e) => seen.push(e));

  // A record the SMS has not held is refused (producers update, they do not invent).
  expect(() => core.update(BEACON, beacon(true))).toThrow(/No beacon with id beacon-1/);
  // Validated against the kind's schema.
  expect(() => core.update(BEACON, { id: 'beacon-1', label: 'x'.repeat(41), lit: true } as never)).toThrow(
    /Invalid beacon/,
  );
  core.close();

  // Seed one beacon straight into the store, as a fresh world would be.
  const storage = openSqliteStorage(path, { kinds, migrations });
  storage.commit({ records: { put: { beacon: [beacon(false)] } } as never });
  storage.close();

  const again = open();
  again.subscribe((e) => seen.push(e));
  again.update(BEACON, beacon(true));

  // Journaled, with the kind's event and record key, and published.
  const [event] = again.readEvents(clientStart.seq, 10);
  expect(event).toMatchObject({ type: 'beacon.updated', payload: { beacon: { id: 'beacon-1', lit: true } } });
  expect(seen).toEqual([event]);
  // Snapshotted under the kind's key.
  expect((again.snapshot() as unknown as { beacons: unknown[] }).beacons).toEqual([
    { id: 'beacon-1', label: 'Bank junction', lit: true },
  ]);
  again.close();

  // Stored: a restart loads it from the kind's table.
  const reloaded = open();
  expect((reloaded.snapshot() as unknown as { beacons: unknown[] }).beacons).toEqual([
    { id: 'beacon-1', label: 'Bank junction', lit: true },
  ]);
  reloaded.close();

  // Applied on the client by the reducer built from the same table.
  const client = createApplyEvent(kinds)(
    { ...clientStart, beacons: [{ id: 'beacon-1', label: 'Bank junction', lit: false }] } as Snapshot,
    event as never,
  );
  expect(client.seq).toBe(event!.seq);
  expect((client as unknown as { beacons: unknown[] }).beacons).toEqual([
    { id: 'beacon-1', label: 'Bank junction', lit: true },
  ]);
});
