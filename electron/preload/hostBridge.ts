import type { IpcRenderer } from 'electron';
import type { HostArgs, HostBridge, HostChannel, HostResult } from '../../shared/host/bridge';
import { HostChannelSchemas } from '../../shared/host/bridge';

/**
 * The Electron host bridge over IPC. Each named method maps to one channel; arguments are
 * checked before they leave and results are parsed from `unknown` when they come back, so a
 * compromised or buggy main cannot hand the page something outside the contract.
 */
export function createHostBridge(ipc: Pick<IpcRenderer, 'invoke'>): HostBridge {
  async function call<C extends HostChannel>(channel: C, ...args: HostArgs<C>): Promise<HostResult<C>> {
    const schemas = HostChannelSchemas[channel];
    const checked = schemas.args.parse(args);
    const result: unknown = await ipc.invoke(channel, ...checked);
    return schemas.result.parse(result) as HostResult<C>;
  }
  return {
    kind: 'electron',
    getSmsUrl: () => call('host:sms-url'),
    saveSession: (session) => call('session:save', session),
    loadSession: () => call('session:load'),
    clearSession: () => call('session:clear'),
    getWindowRole: () => call('window:role'),
    openRoleWindow: (role) => call('window:open', role),
    loadProfile: () => call('profile:load'),
    saveProfile: (profile) => call('profile:save', profile),
  };
}
