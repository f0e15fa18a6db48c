import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Configuration } from 'app-builder-lib';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config';
import { DebugLogger } from 'builder-util';
import { REQUIRED_FUSES } from './fuses';

const CONFIG = path.join(__dirname, 'electron-builder.yml');
let config: Configuration;

// Read by electron-builder's own loader, exactly as `npm run dist` reads it.
beforeAll(async () => {
  config = await getConfig(path.join(__dirname, '..'), CONFIG, null);
});

describe('electron-builder configuration', () => {
  it("passes electron-builder's own schema validation", async () => {
    await expect(validateConfiguration(config, new DebugLogger(false))).resolves.toBeUndefined();
  });

  it('the validation is real: an unknown option fails it', async () => {
    const wrong = { ...config, electronFusez: {} } as Configuration;
    await expect(validateConfiguration(wrong, new DebugLogger(false))).rejects.toThrow(/electronFusez/);
  });

  it('sets every fuse, as build/fuses.ts requires', () => {
    expect(config.electronFuses).toEqual(REQUIRED_FUSES);
  });

  it('turns off running as Node and NODE_OPTIONS, encrypts cookies, loads the app only from a checked asar', () => {
    expect(config.electronFuses).toMatchObject({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableCookieEncryption: true,
      onlyLoadAppFromAsar: true,
      enableEmbeddedAsarIntegrityValidation: true,
    });
    expect(config.asar).toBe(true);
  });

  it('builds AppImage and deb for Linux and NSIS for Windows, with an app id', () => {
    expect(config.appId).toMatch(/^[a-z]+(\.[a-z]+)+$/);
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis']);
  });

  it('has an icon big enough for every target and small enough to keep in the repository', () => {
    const icon = path.join(__dirname, 'icons', '512x512.png');
    expect(existsSync(icon)).toBe(true);
    const png = readFileSync(icon);
    expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
    expect(png.readUInt32BE(16)).toBeGreaterThanOrEqual(256);
    expect(statSync(icon).size).toBeLessThan(100_000);
  });

  it('packs the built bundles and no node_modules (no SMS server code on a workstation)', () => {
    // electron-builder's loader normalises the list into one file set.
    expect(config.files).toEqual([
      { filter: expect.arrayContaining(['out/main/**', 'out/preload/**', 'out/renderer/**', '!node_modules/**']) },
    ]);
    expect(config.npmRebuild).toBe(false);
  });

  it('`npm run dist` builds the renderer, main and preload before packaging with this file', () => {
    const pkg = JSON.parse(readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8')) as {
      main: string;
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.dist).toMatch(
      /^npm run build && .*electron-vite\S* build && electron-builder --config build\/electron-builder\.yml$/,
    );
    expect(pkg.main).toBe('out/main/index.js');
  });
});
