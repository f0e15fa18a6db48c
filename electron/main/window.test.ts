import { openWindow, windowOptions } from './window';

const mockCreated: Array<{ options: unknown; loaded: string[] }> = [];
jest.mock('electron', () => ({
  BrowserWindow: class {
    loaded: string[] = [];
    constructor(options: unknown) {
      mockCreated.push({ options, loaded: this.loaded });
    }
    once() {}
    show() {}
    async loadURL(url: string) {
      this.loaded.push(url);
    }
  },
}));

describe('window options', () => {
  const prefs = windowOptions('/app/out/preload/index.js').webPreferences;

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

  it('allows no webview, no experimental features and no navigation by drag and drop', () => {
    expect(prefs).toMatchObject({ webviewTag: false, experimentalFeatures: false, navigateOnDragDrop: false });
  });

  it('loads the given preload', () => {
    expect(prefs?.preload).toBe('/app/out/preload/index.js');
  });
});

describe('openWindow', () => {
  it('creates the window with the hardened options and loads the app page', () => {
    openWindow('/p.js', 'jccr://app/index.html');
    expect(mockCreated).toEqual([{ options: windowOptions('/p.js'), loaded: ['jccr://app/index.html'] }]);
  });
});
