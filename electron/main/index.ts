// Composition root of the Electron main process: it wires services and does nothing else.
// Each capability lives in its own module; grow by adding a service here, not a branch.
import { app, session } from 'electron';
import type { BrowserWindow } from 'electron';
import path from 'node:path';
import { APP_ENTRY_URL, isAppUrl, registerAppScheme, serveAppScheme } from './appProtocol';
import { ConfigError, resolveSmsUrl } from './config';
import { contentSecurityPolicy } from './csp';
import { guardPermissions, guardWebContents } from './guards';
import { createMemorySessionKeeper, registerHostService } from './hostService';
import { openWindow } from './window';

const RENDERER_DIR = path.join(__dirname, '../renderer');
const PRELOAD = path.join(__dirname, '../preload/index.js');

let smsUrl: string;
try {
  smsUrl = resolveSmsUrl(process.argv, process.env);
} catch (error) {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(2);
}

// Before `ready`: a scheme's privileges and the sandbox are fixed when Chromium starts.
registerAppScheme();
app.enableSandbox();

let mainWindow: BrowserWindow | null = null;

// One JCCR per workstation: a second launch brings the running one to the front.
if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow?.isMinimized()) mainWindow.restore();
    mainWindow?.focus();
  });
  // Every WebContents, including ones created later, is guarded from its first moment.
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents, isAppUrl));
  app.on('window-all-closed', () => app.quit());

  void app.whenReady().then(() => {
    guardPermissions(session.defaultSession, isAppUrl);
    serveAppScheme(RENDERER_DIR, contentSecurityPolicy(smsUrl));
    registerHostService({ smsUrl, sessions: createMemorySessionKeeper(), isTrusted: isAppUrl });
    mainWindow = openWindow(PRELOAD, APP_ENTRY_URL);
    mainWindow.on('closed', () => {
      mainWindow = null;
    });
  });
}
