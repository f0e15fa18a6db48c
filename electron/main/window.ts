import { BrowserWindow } from 'electron';
import type { Rect } from '../../shared/host/profile';

/** Where and how a window opens. */
export interface WindowPlacement {
  title: string;
  bounds: Rect;
  /** Wall windows: full-screen kiosk, no way for a stray key to leave it. */
  kiosk: boolean;
}

/**
 * Opens a window on `url` with the hardened options, shown when ready to paint. The
 * webPreferences are written out here, in the constructor call, so the static check
 * (electronegativity) sees every one of them where the window is made.
 */
export function openWindow(preloadPath: string, url: string, placement: WindowPlacement): BrowserWindow {
  const window = new BrowserWindow({
    ...placement.bounds,
    minWidth: 800,
    minHeight: 500,
    title: placement.title,
    kiosk: placement.kiosk,
    fullscreen: placement.kiosk,
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
      // Middle-click cannot try to open a link in a new window (window.open is denied anyway).
      disableBlinkFeatures: 'Auxclick',
      // Dropping a file or link on the window must not navigate away from the app.
      navigateOnDragDrop: false,
      // A page cannot trap the operator in a loop of dialogs.
      safeDialogs: true,
      // A wall or map window in the background keeps its timers and video running at full rate.
      backgroundThrottling: false,
      spellcheck: false,
    },
  });
  window.once('ready-to-show', () => window.show());
  void window.loadURL(url);
  return window;
}
