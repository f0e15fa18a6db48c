import { JobQueue, QueueClosedError } from './jobQueue';

/** A task whose completion the test controls, recording when it starts. */
function gate(log: string[], key: string) {
  let open!: (value: string) => void;
  let fail!: (reason: Error) => void;
  const done = new Promise<string>((res, rej) => {
    open = res;
    fail = rej;
  });
  let signal: AbortSignal | undefined;
  const task = (s: AbortSignal) => {
    signal = s;
    log.push(key);
    return done;
  };
  return { task, open: () => open(key), fail: (e: Error) => fail(e), signal: () => signal };
}

const flush = () => new Promise((resolve) => setImmediate(resolve));

describe('JobQueue', () => {
  it('runs one job at a time by default', async () => {
    const log: string[] = [];
    const queue = new JobQueue<string>();
    const a = gate(log, 'a');
    void queue.run('a', a.task);
    void queue.run('b', gate(log, 'b').task);
    await flush();
    expect(log).toEqual(['a']);
  });

  it('starts the next job when the running one finishes', async () => {
    const log: string[] = [];
    const queue = new JobQueue<string>();
    const a = gate(log, 'a');
    const first = queue.run('a', a.task);
    void queue.run('b', gate(log, 'b').task);
    a.open();
    await first;
    await flush();
    expect(log).toEqual(['a', 'b']);
  });

  it('puts an urgent job ahead of the waiting normal jobs', () => {
    const queue = new JobQueue<string>();
    void queue.run('running', gate([], 'running').task);
    void queue.run('a', gate([], 'a').task);
    void queue.run('b', gate([], 'b').task);
    void queue.run('c', gate([], 'c').task, { urgent: true });
    expect(queue.waitingKeys()).toEqual(['c', 'a', 'b']);
  });

  it('keeps urgent jobs in the order they were asked for', () => {
    const queue = new JobQueue<string>();
    void queue.run('running', gate([], 'running').task);
    void queue.run('a', gate([], 'a').task);
    void queue.run('b', gate([], 'b').task, { urgent: true });
    void queue.run('c', gate([], 'c').task, { urgent: true });
    expect(queue.waitingKeys()).toEqual(['b', 'c', 'a']);
  });

  it('moves a waiting job ahead when it is asked for urgently', () => {
    const queue = new JobQueue<string>();
    void queue.run('running', gate([], 'running').task);
    void queue.run('a', gate([], 'a').task);
    void queue.run('b', gate([], 'b').task);
    void queue.run('b', gate([], 'b-again').task, { urgent: true });
    expect(queue.waitingKeys()).toEqual(['b', 'a']);
  });

  it('promotes a waiting job by key', () => {
    const queue = new JobQueue<string>();
    void queue.run('running', gate([], 'running').task);
    void queue.run('a', gate([], 'a').task);
    void queue.run('b', gate([], 'b').task);
    queue.promote('b');
    expect(queue.waitingKeys()).toEqual(['b', 'a']);
  });

  it('joins a second run of the same key to the first job', async () => {
    const log: string[] = [];
    const queue = new JobQueue<string>();
    const a = gate(log, 'a');
    const first = queue.run('a', a.task);
    const second = queue.run('a', gate(log, 'a-again').task);
    a.open();
    await Promise.all([first, second]);
    expect(log).toEqual(['a']);
  });

  it('keeps going after a job fails', async () => {
    const log: string[] = [];
    const queue = new JobQueue<string>();
    const a = gate(log, 'a');
    const b = gate(log, 'b');
    const failed = queue.run('a', a.task);
    const next = queue.run('b', b.task);
    a.fail(new Error('ffmpeg exited 1'));
    await expect(failed).rejects.toThrow('ffmpeg exited 1');
    b.open();
    await expect(next).resolves.toBe('b');
  });

  it('rejects a job whose task throws synchronously', async () => {
    const queue = new JobQueue<string>();
    await expect(
      queue.run('x', () => {
        throw new Error('bad plan');
      }),
    ).rejects.toThrow('bad plan');
  });

  it('rejects waiting jobs on close', async () => {
    const queue = new JobQueue<string>();
    const running = gate([], 'running');
    void queue.run('running', running.task).catch(() => undefined);
    const waiting = queue.run('a', gate([], 'a').task);
    const closed = queue.close();
    running.open();
    await closed;
    await expect(waiting).rejects.toBeInstanceOf(QueueClosedError);
  });

  it('aborts the running job on close', async () => {
    const queue = new JobQueue<string>();
    const running = gate([], 'running');
    void queue.run('running', running.task);
    await flush();
    const closed = queue.close();
    expect(running.signal()?.aborted).toBe(true);
    running.open();
    await closed;
  });

  it('refuses new jobs once closed', async () => {
    const queue = new JobQueue<string>();
    await queue.close();
    await expect(queue.run('a', gate([], 'a').task)).rejects.toBeInstanceOf(QueueClosedError);
  });

  it('runs up to its concurrency at once', async () => {
    const log: string[] = [];
    const queue = new JobQueue<string>(2);
    for (const key of ['a', 'b', 'c']) void queue.run(key, gate(log, key).task);
    await flush();
    expect(log).toEqual(['a', 'b']);
  });
});
