import type { HostBridge } from '../../shared/host/bridge';
import { HOST_BRIDGE_GLOBAL } from '../../shared/host/bridge';
import { createBrowserHost } from './browserHost';
import type { ScreenArea } from './roleWindows';

const METHODS = [
  'getSmsUrl',
  'saveSession',
  'loadSession',
  'clearSession',
  'getWindowRole',
  'openRoleWindow',
  'loadProfile',
  'saveProfile',
] as const;

/**
 * The bridge Electron's preload exposed on the window, if it did; otherwise the browser host.
 * The global is checked method by method rather than trusted by its presence.
 */
export function pickHost(win: Window): HostBridge {
  const exposed: unknown = Reflect.get(win, HOST_BRIDGE_GLOBAL);
  if (isBridge(exposed)) return exposed;
  // The Window Management API is not in TypeScript's DOM library yet: feature-detected here.
  const getScreenDetails: unknown = Reflect.get(win, 'getScreenDetails');
  return createBrowserHost({
    href: win.location.href,
    storage: win.sessionStorage,
    profileStorage: win.localStorage,
    windows: {
      open: (url, target, features) => win.open(url, target, features),
      ...(typeof getScreenDetails === 'function' && {
        getScreenDetails: () =>
          (getScreenDetails as () => Promise<{ screens: ScreenArea[]; currentScreen: ScreenArea }>).call(win),
      }),
    },
  });
}

function isBridge(value: unknown): value is HostBridge {
  if (typeof value !== 'object' || value === null) return false;
  return METHODS.every((name) => typeof Reflect.get(value, name) === 'function');
}
