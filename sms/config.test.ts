import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseCli, UsageError } from './config';

let cwd: string;
beforeEach(async () => {
  cwd = await mkdtemp(join(tmpdir(), 'jccr-config-'));
});
afterEach(async () => {
  await rm(cwd, { recursive: true, force: true });
});

describe('parseCli', () => {
  it('has defaults for a plain run', () => {
    expect(parseCli([], cwd)).toEqual({
      mode: 'run',
      port: 0,
      host: '127.0.0.1',
      dataDir: join(cwd, '.data/sms'),
      demo: false,
      seed: 1,
      speed: 1,
      sim: true,
      preroll: false,
      demoPace: false,
      video: true,
      appDir: null,
      allowedOrigins: [],
    });
  });

  it('opens a demo City mid-shift at the demo pace unless told not to', () => {
    expect(parseCli(['--demo'], cwd)).toMatchObject({ preroll: true, demoPace: true });
    expect(parseCli(['--demo', '--no-preroll'], cwd)).toMatchObject({ preroll: false, demoPace: true });
    expect(parseCli(['--demo', '--no-demo-pace'], cwd)).toMatchObject({ preroll: true, demoPace: false });
    // Without the simulator there is nothing to pre-roll; outside demo mode the City is real.
    expect(parseCli(['--demo', '--no-sim'], cwd)).toMatchObject({ preroll: false, demoPace: false });
    expect(parseCli([], cwd)).toMatchObject({ preroll: false, demoPace: false });
  });

  it('collects repeated --allow-origin flags and refuses a non-URL', () => {
    expect(
      parseCli(['--allow-origin', 'https://wall.jccr.local', '--allow-origin', 'http://10.0.0.5:8080'], cwd)
        .allowedOrigins,
    ).toEqual(['https://wall.jccr.local', 'http://10.0.0.5:8080']);
    expect(() => parseCli(['--allow-origin', 'not a url'], cwd)).toThrow(/Invalid flags/);
  });

  it('reads every flag', () => {
    const c = parseCli(
      [
        '--port',
        '8080',
        '--demo',
        '--seed',
        '7',
        '--speed',
        '10',
        '--units',
        '40',
        '--event-rate',
        '2000',
        '--no-sim',
        '--no-video',
        '--journal-retention',
        '1000',
        '--users',
        'u.json',
        '--secret-file',
        's',
      ],
      cwd,
    );
    expect(c).toMatchObject({
      port: 8080,
      demo: true,
      seed: 7,
      speed: 10,
      units: 40,
      eventRate: 2000,
      sim: false,
      video: false,
      journalRetention: 1000,
      usersFile: join(cwd, 'u.json'),
      secretFile: join(cwd, 's'),
    });
  });

  it('serves out/renderer when it has been built', async () => {
    await mkdir(join(cwd, 'out/renderer'), { recursive: true });
    await writeFile(join(cwd, 'out/renderer/index.html'), '<!doctype html>');
    expect(parseCli([], cwd).appDir).toBe(join(cwd, 'out/renderer'));
  });

  it('refuses unknown flags, bad numbers and an app folder without index.html', () => {
    expect(() => parseCli(['--colour'], cwd)).toThrow(UsageError);
    expect(() => parseCli(['--port', '70000'], cwd)).toThrow(UsageError);
    expect(() => parseCli(['--speed', 'fast'], cwd)).toThrow(UsageError);
    expect(() => parseCli(['--app-dir', 'nowhere'], cwd)).toThrow(UsageError);
  });
});
