/**
 * Tasks due at simulated times, in time order; tasks due at the same time come out in the
 * order they were scheduled, so that a run is reproducible.
 */
export class TaskQueue<T> {
  private readonly heap: { at: number; order: number; task: T }[] = [];
  private order = 0;

  /** Number of pending tasks. */
  get size(): number {
    return this.heap.length;
  }

  /** Schedules a task at simulated time `at`. */
  schedule(at: number, task: T): void {
    this.heap.push({ at, order: this.order++, task });
    this.up(this.heap.length - 1);
  }

  /** Removes and returns the earliest task due at or before `now`, if any. */
  popDue(now: number): T | undefined {
    const top = this.heap[0];
    if (!top || top.at > now) return undefined;
    const last = this.heap.pop()!;
    if (this.heap.length > 0) {
      this.heap[0] = last;
      this.down(0);
    }
    return top.task;
  }

  private less(a: number, b: number): boolean {
    const x = this.heap[a]!;
    const y = this.heap[b]!;
    return x.at < y.at || (x.at === y.at && x.order < y.order);
  }

  private swap(a: number, b: number): void {
    const t = this.heap[a]!;
    this.heap[a] = this.heap[b]!;
    this.heap[b] = t;
  }

  private up(i: number): void {
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!this.less(i, parent)) return;
      this.swap(i, parent);
      i = parent;
    }
  }

  private down(i: number): void {
    for (;;) {
      const l = 2 * i + 1;
      const r = l + 1;
      let m = i;
      if (l < this.heap.length && this.less(l, m)) m = l;
      if (r < this.heap.length && this.less(r, m)) m = r;
      if (m === i) return;
      this.swap(i, m);
      i = m;
    }
  }
}
