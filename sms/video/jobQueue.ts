// A keyed job queue: a bounded number of jobs at a time, urgent jobs ahead of the rest, one job per key.
// Encodes go through it so that a start-up prewarm of every camera never takes both cores, and a
// camera an operator is waiting for is encoded next.

/** Rejection of a job that was still waiting when the queue closed. */
export class QueueClosedError extends Error {
  override name = 'QueueClosedError';
}

/** Options of one `run` call. */
export interface RunOptions {
  /** Run before every non-urgent job waiting (urgent jobs keep their order among themselves). */
  urgent?: boolean;
}

interface Entry<T> {
  key: string;
  task: (signal: AbortSignal) => Promise<T>;
  promise: Promise<T>;
  resolve: (value: T) => void;
  reject: (reason: unknown) => void;
  controller: AbortController;
  urgent: boolean;
}

/** Counts of a queue's jobs. */
export interface QueueStats {
  running: number;
  waiting: number;
}

/** Runs keyed async jobs, at most `concurrency` at once, urgent ones first; close() aborts the running ones. */
export class JobQueue<T> {
  readonly #concurrency: number;
  #waiting: Entry<T>[] = [];
  readonly #running = new Map<string, Entry<T>>();
  #closed = false;

  constructor(concurrency = 1) {
    if (!Number.isInteger(concurrency) || concurrency < 1)
      throw new RangeError('concurrency must be a positive integer');
    this.#concurrency = concurrency;
  }

  /**
   * Queues `task` under `key`, or joins the job already queued or running under that key (an urgent
   * call then moves a waiting job ahead). The task receives a signal that aborts when the queue closes.
   */
  run(key: string, task: (signal: AbortSignal) => Promise<T>, options: RunOptions = {}): Promise<T> {
    if (this.#closed) return Promise.reject(new QueueClosedError(`queue closed; ${key} not run`));
    const existing = this.#running.get(key) ?? this.#waiting.find((e) => e.key === key);
    if (existing) {
      if (options.urgent) this.promote(key);
      return existing.promise;
    }
    let resolve!: (value: T) => void;
    let reject!: (reason: unknown) => void;
    const promise = new Promise<T>((res, rej) => {
      resolve = res;
      reject = rej;
    });
    const entry: Entry<T> = {
      key,
      task,
      promise,
      resolve,
      reject,
      controller: new AbortController(),
      urgent: options.urgent ?? false,
    };
    if (entry.urgent) this.#insertUrgent(entry);
    else this.#waiting.push(entry);
    this.#pump();
    return promise;
  }

  /** Moves a waiting job behind the urgent ones already waiting; false when no such job waits. */
  promote(key: string): boolean {
    const entry = this.#waiting.find((e) => e.key === key);
    if (!entry) return false;
    if (!entry.urgent) {
      this.#waiting = this.#waiting.filter((e) => e !== entry);
      entry.urgent = true;
      this.#insertUrgent(entry);
    }
    return true;
  }

  /** Whether a job with this key is waiting or running. */
  has(key: string): boolean {
    return this.#running.has(key) || this.#waiting.some((e) => e.key === key);
  }

  /** Keys of the waiting jobs in the order they will run. */
  waitingKeys(): string[] {
    return this.#waiting.map((e) => e.key);
  }

  /** How many jobs run and wait. */
  stats(): QueueStats {
    return { running: this.#running.size, waiting: this.#waiting.length };
  }

  /** Rejects every waiting job, aborts the running ones and resolves once they have settled. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    const waiting = this.#waiting;
    this.#waiting = [];
    for (const entry of waiting) entry.reject(new QueueClosedError(`queue closed; ${entry.key} not run`));
    const running = [...this.#running.values()];
    for (const entry of running) entry.controller.abort(new QueueClosedError('queue closed'));
    await Promise.allSettled(running.map((e) => e.promise));
  }

  #insertUrgent(entry: Entry<T>): void {
    const firstNormal = this.#waiting.findIndex((e) => !e.urgent);
    if (firstNormal < 0) this.#waiting.push(entry);
    else this.#waiting.splice(firstNormal, 0, entry);
  }

  #pump(): void {
    while (!this.#closed && this.#running.size < this.#concurrency) {
      const entry = this.#waiting.shift();
      if (!entry) return;
      this.#running.set(entry.key, entry);
      // A task that throws synchronously is still a rejected job, not a crashed queue.
      Promise.resolve()
        .then(() => entry.task(entry.controller.signal))
        .then(entry.resolve, entry.reject)
        .finally(() => {
          this.#running.delete(entry.key);
          this.#pump();
        });
    }
  }
}
