import type { HostBridge, StoredSession } from '../../shared/host/bridge';
import type { WindowRole } from '../../shared/host/profile';

/** What the app needs before its first screen: where the SMS is, any kept session, the window's role. */
export type Boot =
  { ok: true; smsUrl: string; session: StoredSession | null; role: WindowRole } | { ok: false; message: string };

/** Asks the host for the SMS address, the kept session and this window's role; never rejects. */
export async function boot(host: HostBridge): Promise<Boot> {
  try {
    const [smsUrl, session, role] = await Promise.all([host.getSmsUrl(), host.loadSession(), host.getWindowRole()]);
    return { ok: true, smsUrl, session, role };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
