import type { EventEnvelope } from '../../shared/protocol';
import type { Logger } from './log';

/** Delivers committed events to in-process listeners (socket transports, the simulator), in seq order. */
export class Publisher {
  private readonly listeners = new Set<(event: EventEnvelope) => void>();
  private readonly queue: EventEnvelope[] = [];
  private publishing = false;

  constructor(private readonly log: Logger) {}

  subscribe(listener: (event: EventEnvelope) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  publish(events: readonly EventEnvelope[]): void {
    this.queue.push(...events);
    this.flush();
  }

  flush(): void {
    // A listener may cause new events (the simulator reacting); they queue behind the ones being
    // delivered, so every listener still sees seq order.
    if (this.publishing) return;
    this.publishing = true;
    try {
      for (let e = this.queue.shift(); e !== undefined; e = this.queue.shift()) {
        for (const listener of this.listeners) {
          try {
            listener(e);
          } catch (err) {
            this.log.error(`event listener failed on ${e.type} #${e.seq}`, err);
          }
        }
      }
    } finally {
      this.publishing = false;
    }
  }

  clear(): void {
    this.listeners.clear();
  }
}
