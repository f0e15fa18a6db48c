import { BrowserWindow } from 'electron';
import type { BrowserWindowConstructorOptions } from 'electron';

/** The options of every app window; each hardening setting says why it is there. */
export function windowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1600,
    height: 900,
    minWidth: 1024,
    minHeight: 640,
    title: 'JCCR',
    // Shown once painted, on the theme's background, so an operator never sees a white flash.
    show: false,
    backgroundColor: '#0a0e13',
    autoHideMenuBar: true,
    webPreferences: {
      preload: preloadPath,
      // The page and the preload run in separate JavaScript worlds: the page only sees
      // what contextBridge exposes, never Electron's or the preload's own objects.
      contextIsolation: true,
      // The renderer process runs in Chromium's OS sandbox; the preload gets no Node.
      sandbox: true,
      // No Node.js in the page, its workers or its frames.
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      // Same-origin policy and CORS stay on.
      webSecurity: true,
      // No http content inside the (secure) app page.
      allowRunningInsecureContent: false,
      // No <webview>: it would be a second, unguarded browser inside the app.
      webviewTag: false,
      // No experimental Blink features that have not had a security review.
      experimentalFeatures: false,
      // Dropping a file or link on the window must not navigate away from the app.
      navigateOnDragDrop: false,
      // A page cannot trap the operator in a loop of dialogs.
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

/** Opens a window on `url` with the hardened options, shown when ready to paint. */
export function openWindow(preloadPath: string, url: string): BrowserWindow {
  const window = new BrowserWindow(windowOptions(preloadPath));
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}
