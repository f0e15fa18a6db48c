import { z } from 'zod';
import { CommandSchemas, type CommandPayload, type CommandResult, type CommandType } from '../../shared/protocol';
import { CommandRefusedError, newCommandId, resultOf, type CommandTransport } from './commandClient';
import type { QueuedCommandType } from './delivery';

/** One operator action waiting for, or refused by, the SMS. */
export interface OutboxEntry {
  /** The command id, generated once: every retry (also after a reload) reuses it, so the SMS acts once. */
  id: string;
  type: CommandType;
  payload: unknown;
  /** Milliseconds since the epoch when the operator acted. */
  createdAt: number;
  /** Short words for the pending list ("Assign TR2 to CAD-2026-000123"). */
  label: string;
  state: 'pending' | 'refused';
  /** Why the SMS refused it, or why the last attempt did not reach it. */
  error: string | null;
  attempts: number;
}

const CommandTypeSchema = z.enum(Object.keys(CommandSchemas) as [CommandType, ...CommandType[]]);

/** What localStorage holds: validated on read, since another version or a hand may have written it. */
const StoredEntrySchema = z.object({
  id: z.string().min(8).max(100),
  type: CommandTypeSchema,
  payload: z.unknown(),
  createdAt: z.number().int().nonnegative(),
  label: z.string().max(500),
  state: z.enum(['pending', 'refused']),
  error: z.string().max(2_000).nullable(),
  attempts: z.number().int().nonnegative(),
});
const StoredOutboxSchema = z.object({ version: z.literal(1), entries: z.array(z.unknown()) });

/** The part of `Storage` the outbox needs (so tests can hand it a Map-backed one). */
export type OutboxStorage = Pick<Storage, 'getItem' | 'setItem'>;

/** Reads stored entries, keeping each one that validates (its payload against its command's schema). */
export function readStoredEntries(raw: string | null): OutboxEntry[] {
  if (!raw) return [];
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return [];
  }
  const outbox = StoredOutboxSchema.safeParse(json);
  if (!outbox.success) return [];
  const entries: OutboxEntry[] = [];
  for (const item of outbox.data.entries) {
    const entry = StoredEntrySchema.safeParse(item);
    if (!entry.success) continue;
    const payload = CommandSchemas[entry.data.type].payload.safeParse(entry.data.payload);
    if (!payload.success) continue;
    entries.push({ ...entry.data, payload: payload.data });
  }
  return entries;
}

/** Retry while something is pending, this often (a reconnect also retries at once). */
export const RETRY_MS = 2_000;

/**
 * Never lose an action: every command that may wait (see `DELIVERY`) goes into the outbox first
 * (persisted), then to the SMS.
 * A refusal leaves it as `refused` for the operator to see and dismiss; a transport failure
 * (not connected, no answer) keeps it `pending` and it is sent again, with the same id, when the
 * link returns, also after a window reload. Sending is in order, one at a time, so a note never
 * overtakes the assignment it follows.
 */
export class Outbox {
  private entries: OutboxEntry[];
  private readonly listeners = new Set<() => void>();
  private readonly waiters = new Map<string, { resolve: (r: unknown) => void; reject: (e: unknown) => void }>();
  private transport: CommandTransport | null = null;
  private flushing: Promise<void> | null = null;
  private timer: ReturnType<typeof setInterval> | null = null;

  constructor(
    private readonly storage: OutboxStorage | null,
    private readonly key: string,
    private readonly now: () => number = Date.now,
  ) {
    this.entries = readStoredEntries(storage?.getItem(key) ?? null);
  }

  /** The current entries, oldest first (a new array after every change, for React). */
  list(): readonly OutboxEntry[] {
    return this.entries;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Points the outbox at the live connection (or none) and sends what waits. */
  setTransport(transport: CommandTransport | null): void {
    this.transport = transport;
    this.ensureTimer();
    void this.flush();
  }

  /** Queues an action and resolves with its result once the SMS has applied it (only one that may wait). */
  send<T extends QueuedCommandType>(type: T, payload: CommandPayload<T>, label: string): Promise<CommandResult<T>> {
    const entry: OutboxEntry = {
      id: newCommandId(),
      type,
      payload,
      createdAt: this.now(),
      label,
      state: 'pending',
      error: null,
      attempts: 0,
    };
    const done = new Promise<CommandResult<T>>((resolve, reject) => {
      this.waiters.set(entry.id, { resolve: resolve as (r: unknown) => void, reject });
    });
    this.update((entries) => [...entries, entry]);
    this.ensureTimer();
    void this.flush();
    return done;
  }

  /** Forgets a refused entry (the operator has seen it) or gives up a pending one. */
  dismiss(id: string): void {
    this.waiters.get(id)?.reject(new CommandRefusedError('conflict', 'Withdrawn by the operator.'));
    this.waiters.delete(id);
    this.update((entries) => entries.filter((e) => e.id !== id));
  }

  /**
   * Sends pending entries in order until one cannot reach the SMS. One flush runs at a time; a
   * call during it waits for it (the running loop also takes entries queued meanwhile).
   */
  flush(): Promise<void> {
    this.flushing ??= this.drain().finally(() => {
      this.flushing = null;
    });
    return this.flushing;
  }

  private async drain(): Promise<void> {
    for (;;) {
      const next = this.entries.find((e) => e.state === 'pending');
      const transport = this.transport;
      if (!next || !transport) return;
      let ack;
      try {
        ack = await transport.sendCommand({ id: next.id, type: next.type, payload: next.payload });
      } catch (error) {
        this.patch(next.id, {
          attempts: next.attempts + 1,
          error: error instanceof Error ? error.message : 'The SMS could not be reached.',
        });
        return;
      }
      const waiter = this.waiters.get(next.id);
      this.waiters.delete(next.id);
      try {
        const result = resultOf(next.type, ack);
        this.update((entries) => entries.filter((e) => e.id !== next.id));
        waiter?.resolve(result);
      } catch (error) {
        const message = error instanceof Error ? error.message : String(error);
        this.patch(next.id, { state: 'refused', error: message, attempts: next.attempts + 1 });
        waiter?.reject(error);
      }
    }
  }

  /** Stops retrying (the window is closing or signing out). */
  stop(): void {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
  }

  private ensureTimer(): void {
    if (this.timer || typeof setInterval === 'undefined') return;
    this.timer = setInterval(() => {
      if (this.entries.some((e) => e.state === 'pending')) void this.flush();
    }, RETRY_MS);
  }

  private patch(id: string, change: Partial<OutboxEntry>): void {
    this.update((entries) => entries.map((e) => (e.id === id ? { ...e, ...change } : e)));
  }

  /** Takes in what other windows of the same user stored (call on the `storage` event of the key). */
  reload(): void {
    this.entries = this.merged();
    for (const listener of this.listeners) listener();
  }

  /**
   * Every window of one user shares the stored outbox (the console, a wall that acknowledges an
   * alarm, the all-surfaces window). So a change is applied to the stored entries merged with
   * this window's, never by overwriting them with this window's view: another window's action is
   * never dropped from storage.
   */
  private update(change: (entries: OutboxEntry[]) => OutboxEntry[]): void {
    this.entries = change(this.merged());
    try {
      this.storage?.setItem(this.key, JSON.stringify({ version: 1, entries: this.entries }));
    } catch {
      // A full or blocked storage must not lose the action in memory; it still goes out.
    }
    for (const listener of this.listeners) listener();
  }

  /**
   * The stored entries (other windows' included), each in its furthest state, plus this window's
   * own that are awaited here but missing from storage (a failed write, or another window sent
   * it: sending it again gets the SMS's first answer for its id). An entry that only came from
   * storage and has left it was finished by another window.
   */
  private merged(): OutboxEntry[] {
    const stored = this.storage ? readStoredEntries(this.storage.getItem(this.key)) : this.entries;
    const mine = new Map(this.entries.map((e) => [e.id, e]));
    const merged = stored.map((e) => furthest(e, mine.get(e.id)));
    const storedIds = new Set(stored.map((e) => e.id));
    for (const e of this.entries) if (!storedIds.has(e.id) && this.waiters.has(e.id)) merged.push(e);
    return merged.sort((a, b) => a.createdAt - b.createdAt);
  }
}

/** Of two copies of one entry, the one further on: refused over pending, then more attempts. */
function furthest(a: OutboxEntry, b: OutboxEntry | undefined): OutboxEntry {
  if (!b) return a;
  if (a.state !== b.state) return a.state === 'refused' ? a : b;
  return b.attempts > a.attempts ? b : a;
}
