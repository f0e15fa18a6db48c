import type { BrowserWindowConstructorOptions } from 'electron';
import { openWindow } from './window';

const mockCreated: Array<{ options: BrowserWindowConstructorOptions; loaded: string[] }> = [];
jest.mock('electron', () => ({
  BrowserWindow: class {
    loaded: string[] = [];
    constructor(options: BrowserWindowConstructorOptions) {
      mockCreated.push({ options, loaded: this.loaded });
    }
    once() {}
    show() {}
    async loadURL(url: string) {
      this.loaded.push(url);
    }
  },
}));

const bounds = { x: 0, y: 0, width: 1920, height: 1040 };
openWindow('/app/out/preload/index.js', 'jccr://app/index.html', { title: 'JCCR', bounds, kiosk: false });
openWindow('/p.js', 'jccr://app/index.html', { title: 'JCCR: Video wall', bounds, kiosk: true });
const [ordinary, wall] = mockCreated;
const prefs = ordinary?.options.webPreferences;

describe('window options', () => {
  it('isolates the page from the preload and from Electron', () => {
    expect(prefs?.contextIsolation).toBe(true);
  });

  it('sandboxes the renderer', () => {
    expect(prefs?.sandbox).toBe(true);
  });

  it('gives Node to no part of the page', () => {
    expect(prefs).toMatchObject({
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
    });
  });

  it('keeps web security on and insecure content out', () => {
    expect(prefs).toMatchObject({ webSecurity: true, allowRunningInsecureContent: false });
  });

  it('allows no webview, no experimental or extra Blink features and no navigation by drag and drop', () => {
    expect(prefs).toMatchObject({
      webviewTag: false,
      experimentalFeatures: false,
      disableBlinkFeatures: 'Auxclick',
      navigateOnDragDrop: false,
      safeDialogs: true,
    });
    expect(prefs).not.toHaveProperty('enableBlinkFeatures');
  });

  it('loads the given preload', () => {
    expect(prefs?.preload).toBe('/app/out/preload/index.js');
  });

  it('opens hidden until painted, at the planned bounds', () => {
    expect(ordinary?.options).toMatchObject({ show: false, ...bounds, kiosk: false, fullscreen: false });
  });

  it('opens a wall window as a full-screen kiosk with the same hardening', () => {
    expect(wall?.options).toMatchObject({ kiosk: true, fullscreen: true, title: 'JCCR: Video wall' });
    expect({ ...wall?.options.webPreferences, preload: undefined }).toEqual({ ...prefs, preload: undefined });
  });
});

describe('openWindow', () => {
  it('loads the app page', () => {
    expect(ordinary?.loaded).toEqual(['jccr://app/index.html']);
  });
});
