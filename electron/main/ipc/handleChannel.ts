import { ipcMain } from 'electron';
import type { IpcMainInvokeEvent } from 'electron';
import type { HostArgs, HostChannel, HostResult } from '../../../shared/host/bridge';
import { HostChannelSchemas } from '../../../shared/host/bridge';

/** A refused IPC call; the renderer's `invoke` rejects with this message. */
export class IpcRefusal extends Error {
  override name = 'IpcRefusal';
}

/** Whether a frame URL belongs to a page allowed to use the bridge. */
export type TrustedUrl = (url: string) => boolean;

/** Who made a call: the WebContents, so a service can answer per window (its role). */
export interface CallContext {
  senderId: number;
}

/** Implementation of one host channel, with arguments already validated; the caller comes last. */
export type ChannelHandler<C extends HostChannel> = (
  ...args: [...HostArgs<C>, CallContext]
) => HostResult<C> | Promise<HostResult<C>>;

/**
 * The only way main answers IPC. A call is refused unless it comes from the main frame of a
 * trusted page (never a subframe, never a page that navigated elsewhere), and unless its
 * arguments parse against the channel's schema; the handler's result is checked too, so
 * main never sends the renderer something the contract does not allow.
 * Returns a function that removes the handler.
 */
export function handleChannel<C extends HostChannel>(
  channel: C,
  isTrusted: TrustedUrl,
  handler: ChannelHandler<C>,
): () => void {
  const schemas = HostChannelSchemas[channel];
  ipcMain.handle(channel, async (event: IpcMainInvokeEvent, ...raw: unknown[]) => {
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null || !isTrusted(frame.url)) {
      throw new IpcRefusal(`${channel}: refused, the sender is not the app's main frame`);
    }
    const args = schemas.args.safeParse(raw);
    if (!args.success) throw new IpcRefusal(`${channel}: refused, malformed arguments`);
    const context: CallContext = { senderId: event.sender.id };
    const result = await handler(...(args.data as HostArgs<C>), context);
    return schemas.result.parse(result);
  });
  return () => ipcMain.removeHandler(channel);
}
