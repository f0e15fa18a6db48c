// Composition root of the Electron main process: it wires services and does nothing else.
// Each capability lives in its own module; grow by adding a service here, not a branch.
import { app, powerSaveBlocker, safeStorage, screen, session } from 'electron';
import type { BrowserWindow, Display } from 'electron';
import path from 'node:path';
import { ROLE_NAMES } from '../../shared/host/profile';
import { APP_ENTRY_URL, isAppUrl, registerAppScheme, serveAppScheme } from './appProtocol';
import { ConfigError, resolveSmsUrl } from './config';
import { createCrashPolicy } from './crashPolicy';
import { contentSecurityPolicy } from './csp';
import type { DisplayInfo } from './displayPlan';
import { guardPermissions, guardWebContents } from './guards';
import { registerHostService } from './hostService';
import { createLog } from './log';
import { PROFILE_FILE, createProfileStore } from './profileStore';
import { SESSION_FILE, createEncryptedSessionKeeper } from './sessionKeeper';
import { claimSingleInstance } from './singleInstance';
import { openWindow } from './window';
import { watchWindowHealth } from './windowHealth';
import { createWindowManager } from './windowManager';
import type { WindowManager } from './windowManager';

const RENDERER_DIR = path.join(__dirname, '../renderer');
const PRELOAD = path.join(__dirname, '../preload/index.js');
const USER_DATA = app.getPath('userData');
const log = createLog(path.join(USER_DATA, 'logs'));
const profiles = createProfileStore(path.join(USER_DATA, PROFILE_FILE), log);

let smsUrl: string;
try {
  smsUrl = resolveSmsUrl(process.argv, process.env, profiles.load().smsUrl);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(2);
}

// Before `ready`: a scheme's privileges and the sandbox are fixed when Chromium starts.
registerAppScheme();
app.enableSandbox();

let windows: WindowManager | null = null;

const toDisplayInfo = (d: Display, primaryId: number): DisplayInfo => ({
  id: d.id,
  bounds: d.bounds,
  workArea: d.workArea,
  primary: d.id === primaryId,
});

// One JCCR per workstation: a second launch brings the running one to the front.
if (claimSingleInstance(app, () => windows?.focusFirst())) {
  // Every WebContents, including ones created later, is guarded from its first moment.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, isAppUrl));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    guardPermissions(session.defaultSession, isAppUrl);
    serveAppScheme(RENDERER_DIR, contentSecurityPolicy(smsUrl));
    const manager = createWindowManager({
      getDisplays: () => {
        const primaryId = screen.getPrimaryDisplay().id;
        return screen.getAllDisplays().map((d) => toDisplayInfo(d, primaryId));
      },
      loadProfile: () => profiles.load(),
      saveProfile: (profile) => profiles.save(profile),
      createWindow: (role, placement) => {
        const window = openWindow(PRELOAD, APP_ENTRY_URL, {
          title: `JCCR: ${ROLE_NAMES[role]}`,
          bounds: placement.bounds,
          kiosk: placement.fullScreen,
        });
        // Each window has its own back-off: one crashing window does not slow the others' recovery.
        watchWindowHealth(window.webContents, { policy: createCrashPolicy(), name: role, log });
        return adapt(window);
      },
      keepAwake: () => {
        const id = powerSaveBlocker.start('prevent-display-sleep');
        return () => powerSaveBlocker.stop(id);
      },
      log,
    });
    windows = manager;
    registerHostService({
      smsUrl,
      sessions: createEncryptedSessionKeeper(path.join(USER_DATA, SESSION_FILE), safeStorage, log),
      isTrusted: isAppUrl,
      windows: manager,
      profiles: {
        load: () => profiles.load(),
        save: (profile) => {
          profiles.save(profile);
          manager.arrange();
        },
      },
    });
    manager.arrange();
    // Monitors come and go (a docking station, a wall controller restarting): re-plan once
    // the burst of events has settled.
    let pending: ReturnType<typeof setTimeout> | null = null;
    const rearrange = (why: string) => {
      if (pending) clearTimeout(pending);
      pending = setTimeout(() => {
        pending = null;
        log(`displays changed (${why}); re-arranging`);
        manager.arrange();
      }, 750);
    };
    screen.on('display-added', () => rearrange('display-added'));
    screen.on('display-removed', () => rearrange('display-removed'));
  });
}

/** A BrowserWindow as the window manager sees it. */
function adapt(window: BrowserWindow) {
  return {
    id: window.id,
    contentsId: window.webContents.id,
    setBounds: (bounds: Parameters<BrowserWindow['setBounds']>[0]) => window.setBounds(bounds),
    getBounds: () => window.getBounds(),
    setKiosk: (flag: boolean) => window.setKiosk(flag),
    setFullScreen: (flag: boolean) => window.setFullScreen(flag),
    show: () => window.show(),
    hide: () => window.hide(),
    focus: () => window.focus(),
    restore: () => window.restore(),
    isMinimized: () => window.isMinimized(),
    isVisible: () => window.isVisible(),
    on: (event: 'moved' | 'resized' | 'close' | 'closed', listener: () => void) => {
      // `closed` fires after the window is gone: read nothing from it then.
      if (event === 'closed') window.on('closed', listener);
      else window.on(event as 'moved', listener);
      return window;
    },
  };
}
