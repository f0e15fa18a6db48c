import type { HostBridge, StoredSession } from '../../shared/host/bridge';

/** What the app needs before its first screen: where the SMS is, and any kept session. */
export type Boot = { ok: true; smsUrl: string; session: StoredSession | null } | { ok: false; message: string };

/** Asks the host for the SMS address and the kept session; never rejects. */
export async function boot(host: HostBridge): Promise<Boot> {
  try {
    const [smsUrl, session] = await Promise.all([host.getSmsUrl(), host.loadSession()]);
    return { ok: true, smsUrl, session };
  } catch (error) {
    return { ok: false, message: error instanceof Error ? error.message : String(error) };
  }
}
