import { z } from 'zod';

/** What a workstation's windows tell each other (same origin, same machine). */
export const WorkstationMessageSchema = z.discriminatedUnion('type', [
  /** The operator selected something (or nothing): every window highlights it. */
  z.object({
    type: z.literal('select'),
    target: z
      .object({
        kind: z.enum(['incident', 'unit', 'camera', 'alert', 'servicePoint', 'overlay']),
        id: z.string().min(1),
      })
      .nullable(),
  }),
  /** Put these cameras on this workstation's wall window. */
  z.object({ type: z.literal('showOnWall'), cameraIds: z.array(z.string().min(1)).min(1).max(16) }),
  /** The map asks the console to start a new incident at this point (the console opens its form). */
  z.object({
    type: z.literal('createIncidentAt'),
    lon: z.number().min(-180).max(180),
    lat: z.number().min(-90).max(90),
  }),
  /**
   * The operator signed out in one window: every window of the workstation signed in as the same
   * user signs out too, so no window is left open on an operator who has gone.
   */
  z.object({ type: z.literal('signedOut'), userId: z.string().min(1), fromWindow: z.string().min(1) }),
]);
export type WorkstationMessage = z.infer<typeof WorkstationMessageSchema>;
export type SelectionTarget = Extract<WorkstationMessage, { type: 'select' }>['target'];

const CHANNEL = 'jccr-workstation';

/**
 * The windows of one workstation stay in step through a BroadcastChannel. A message posted here
 * reaches this window's listeners too, so a window needs no special case for its own actions.
 */
export class WorkstationBus {
  private readonly listeners = new Set<(message: WorkstationMessage) => void>();
  private readonly channel: BroadcastChannel | null;

  constructor(channelName = CHANNEL) {
    this.channel = typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(channelName);
    this.channel?.addEventListener('message', (e: MessageEvent<unknown>) => {
      // Another window may run another version: what does not parse is ignored.
      const parsed = WorkstationMessageSchema.safeParse(e.data);
      if (parsed.success) this.emit(parsed.data);
    });
  }

  post(message: WorkstationMessage): void {
    this.channel?.postMessage(message);
    this.emit(message);
  }

  subscribe(listener: (message: WorkstationMessage) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  close(): void {
    this.channel?.close();
    this.listeners.clear();
  }

  private emit(message: WorkstationMessage): void {
    for (const listener of this.listeners) listener(message);
  }
}
