import type { HostBridge } from '../../shared/host/bridge';
import { HOST_BRIDGE_GLOBAL } from '../../shared/host/bridge';
import { createBrowserHost } from './browserHost';

const METHODS = ['getSmsUrl', 'saveSession', 'loadSession', 'clearSession'] as const;

/**
 * The bridge Electron's preload exposed on the window, if it did; otherwise the browser host.
 * The global is checked method by method rather than trusted by its presence.
 */
export function pickHost(win: Window): HostBridge {
  const exposed: unknown = Reflect.get(win, HOST_BRIDGE_GLOBAL);
  if (isBridge(exposed)) return exposed;
  return createBrowserHost({ href: win.location.href, storage: win.sessionStorage });
}

function isBridge(value: unknown): value is HostBridge {
  if (typeof value !== 'object' || value === null) return false;
  return METHODS.every((name) => typeof Reflect.get(value, name) === 'function');
}
