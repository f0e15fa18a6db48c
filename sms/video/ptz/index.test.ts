import { EventEmitter } from 'node:events';
import { PassThrough } from 'node:stream';
import type { ChildProcessWithoutNullStreams } from 'node:child_process';
import type { Camera } from '../../../shared/protocol';
import { aCamera } from '../../../test/support/records';
import { fragment, initSegment } from '../../../test/support/fmp4Fixtures';
import { createPtzLiveSources, PtzBusySource, type PtzLiveSources } from './index';
import { cropFor } from './scene';

/** A stand-in for ffmpeg: what the session writes to stdin is kept; the test writes its stdout. */
class FakeEncoder extends EventEmitter {
  readonly stdin = new PassThrough();
  readonly stdout = new PassThrough();
  readonly stderr = new PassThrough();
  readonly pid = 4242;
  exitCode: number | null = null;
  signalCode: NodeJS.Signals | null = null;
  written = '';
  constructor(readonly args: readonly string[]) {
    super();
    this.stdin.on('data', (d: Buffer) => (this.written += d.toString()));
  }
  kill(signal: NodeJS.Signals = 'SIGTERM'): boolean {
    if (this.exitCode !== null || this.signalCode !== null) return false;
    this.signalCode = signal;
    setImmediate(() => this.emit('exit', null, signal));
    return true;
  }
  crash(): void {
    this.exitCode = 1;
    this.emit('exit', 1, null);
  }
  /** Writes the init segment and `parts` 200 ms parts (15 fps, 3 frames each) from media time 0. */
  writeParts(from: number, parts: number): void {
    if (from === 0) this.stdout.write(initSegment(15360));
    for (let i = from; i < from + parts; i++) this.stdout.write(fragment(i * 3072, 3, 1024, i % 5 === 0));
  }
}

const T = 1_800_000_000_000;
/** The media origin a session started at T picks: the first whole second at least 400 ms ahead. */
const ORIGIN_MSN = T / 1000 + 1;
const tick = (ms = 30) => new Promise((r) => setTimeout(r, ms));

let clock = T;
let encoders: FakeEncoder[] = [];
let cameras: Camera[] = [];
let live: PtzLiveSources;

function ptzCamera(id: string, pan = 90): Camera {
  return aCamera({ id, ptz: true, ptzState: { pan, tilt: 0, zoom: 1 } });
}

function start(over: { maxSessions?: number; idleMs?: number } = {}): PtzLiveSources {
  live = createPtzLiveSources({
    cameras: () => cameras,
    now: () => clock,
    followMs: 10,
    fontFile: null,
    ffmpegPath: '/nonexistent/ffmpeg',
    spawn: (_path, args) => {
      const fake = new FakeEncoder(args);
      encoders.push(fake);
      return fake as unknown as ChildProcessWithoutNullStreams;
    },
    ...over,
  });
  return live;
}

beforeEach(() => {
  clock = T;
  encoders = [];
  cameras = [aCamera({ id: 'fixed', ptz: false }), ptzCamera('ptz-1'), ptzCamera('ptz-2')];
});
afterEach(async () => {
  await live.close();
});

const cam = (id: string) => cameras.find((c) => c.id === id) as Camera;

describe('PTZ live sources', () => {
  it('gives fixed cameras no source, and a PTZ camera one live encode per stream', () => {
    start();
    expect(live.sourceFor(cam('fixed'), 'sub')).toBeNull();
    const a = live.sourceFor(cam('ptz-1'), 'sub');
    expect(live.sourceFor(cam('ptz-1'), 'sub')).toBe(a);
    expect(live.sourceFor(cam('ptz-1'), 'main')).not.toBe(a);
    expect(live.stats()).toMatchObject({ sessions: 2, spawns: 2 });
  });

  it('serves parts once the encoder has written them, on the wall clock from its origin', async () => {
    start();
    const source = live.sourceFor(cam('ptz-1'), 'sub');
    if (!source) throw new Error();
    expect(source.key()).toBeNull();
    expect(source.newestPart(clock)).toBeNull();
    const waiting = source.waitFor({ msn: ORIGIN_MSN, part: 1 }, 5_000, new AbortController().signal);
    encoders[0]?.writeParts(0, 7);
    await tick();
    expect(await waiting).toBe(true);
    const key = source.key();
    expect(key).toMatch(/^[0-9a-f]{16}$/);
    expect(source.newestPart(clock)).toEqual({ msn: ORIGIN_MSN + 1, part: 1 });
    expect(source.oldestSegment(clock)).toBe(ORIGIN_MSN);
    expect(source.independent({ msn: ORIGIN_MSN, part: 0 })).toBe(true);
    expect(source.independent({ msn: ORIGIN_MSN, part: 1 })).toBe(false);
    expect(source.partDurationMs({ msn: ORIGIN_MSN, part: 2 })).toBe(200);
    expect(await source.init(key as string)).not.toBeNull();
    expect(await source.init('0000000000000000')).toBeNull();
    expect(await source.part(key as string, { msn: ORIGIN_MSN, part: 3 })).not.toBeNull();
    expect(await source.part(key as string, { msn: ORIGIN_MSN + 1, part: 2 })).toBeNull();
    expect(await source.segment(key as string, ORIGIN_MSN)).not.toBeNull();
    expect(await source.segment(key as string, ORIGIN_MSN + 1)).toBeNull();
  });

  it('answers a blocked reload false on timeout or abort, never holding it longer', async () => {
    start();
    const source = live.sourceFor(cam('ptz-1'), 'sub');
    if (!source) throw new Error();
    expect(await source.waitFor({ msn: ORIGIN_MSN, part: 0 }, 20, new AbortController().signal)).toBe(false);
    const abort = new AbortController();
    const waiting = source.waitFor({ msn: ORIGIN_MSN, part: 0 }, 60_000, abort.signal);
    abort.abort();
    expect(await waiting).toBe(false);
  });

  it('moves the crop as the camera moves: one command at a time, the latest position wins', async () => {
    start();
    live.sourceFor(cam('ptz-1'), 'sub');
    const encoder = encoders[0] as FakeEncoder;
    cameras = cameras.map((c) => (c.id === 'ptz-1' ? { ...c, ptzState: { pan: 100, tilt: 0, zoom: 1 } } : c));
    await tick();
    const x100 = cropFor({ pan: 100, tilt: 0, zoom: 1 }, 'sub').centreX;
    expect(encoder.written).toBe(`ccrop@ptz -1 x ${x100}-ow/2\n`);
    // Two more moves before ffmpeg read the first: only the newest is sent, once it has.
    cameras = cameras.map((c) => (c.id === 'ptz-1' ? { ...c, ptzState: { pan: 110, tilt: 0, zoom: 1 } } : c));
    await tick();
    cameras = cameras.map((c) => (c.id === 'ptz-1' ? { ...c, ptzState: { pan: 120, tilt: -5, zoom: 2 } } : c));
    await tick();
    expect(encoder.written.split('\n')).toHaveLength(2);
    encoder.stderr.write('\nEnter command: <target>|all <time>|-1 <command>[ <argument>]\n');
    await tick();
    const target = cropFor({ pan: 120, tilt: -5, zoom: 2 }, 'sub');
    expect(encoder.written).toContain(`ccrop@ptz -1 x ${target.centreX}-ow/2\n`);
    encoder.stderr.write('Enter command:');
    await tick();
    expect(encoder.written).toContain(`ccrop@ptz -1 y ${target.centreY}-oh/2\n`);
    encoder.stderr.write('Enter command:');
    await tick();
    expect(encoder.written).toMatch(new RegExp(`Ccrop@ptz [\\d.]+ w ${target.width}\\nCscale@ptz [\\d.]+ w 480\\n$`));
  });

  it('stops the encoder once nobody has asked for the stream for idleMs', async () => {
    start({ idleMs: 200 });
    live.sourceFor(cam('ptz-1'), 'sub');
    clock += 150;
    await tick();
    expect(live.stats().sessions).toBe(1);
    expect(encoders[0]?.signalCode).toBeNull();
    clock += 100;
    await tick();
    expect(live.stats().sessions).toBe(0);
    expect(encoders[0]?.signalCode).toBe('SIGTERM');
    // Asked again: a new encode.
    live.sourceFor(cam('ptz-1'), 'sub');
    expect(encoders).toHaveLength(2);
  });

  it('stops the encoder when its camera is gone or no longer PTZ', async () => {
    start();
    live.sourceFor(cam('ptz-1'), 'sub');
    cameras = cameras.filter((c) => c.id !== 'ptz-1');
    await tick();
    expect(live.stats().sessions).toBe(0);
    expect(encoders[0]?.signalCode).toBe('SIGTERM');
  });

  it('refuses beyond maxSessions concurrent encodes (no media: the routes answer 503), until one ends', async () => {
    start({ maxSessions: 1, idleMs: 200 });
    expect(live.sourceFor(cam('ptz-1'), 'sub')).not.toBeInstanceOf(PtzBusySource);
    const refused = live.sourceFor(cam('ptz-2'), 'sub');
    expect(refused).toBeInstanceOf(PtzBusySource);
    expect(refused?.key()).toBeNull();
    expect(live.stats()).toMatchObject({ sessions: 1, refused: 1, spawns: 1 });
    clock += 300;
    await tick();
    expect(live.sourceFor(cam('ptz-2'), 'sub')).not.toBeInstanceOf(PtzBusySource);
  });

  it('restarts a crashed encoder with a new key, and serves the old parts until the new ones come', async () => {
    start();
    const source = live.sourceFor(cam('ptz-1'), 'sub');
    if (!source) throw new Error();
    encoders[0]?.writeParts(0, 6);
    await tick();
    const first = source.key();
    encoders[0]?.crash();
    await tick(700);
    expect(encoders).toHaveLength(2);
    expect(source.key()).toBe(first);
    encoders[1]?.writeParts(0, 2);
    await tick();
    expect(source.key()).not.toBe(first);
    expect(source.key()).toMatch(/^[0-9a-f]{16}$/);
  });

  it('restarts an encoder that writes malformed MP4', async () => {
    start();
    live.sourceFor(cam('ptz-1'), 'sub');
    encoders[0]?.stdout.write(Buffer.from([0, 0, 0, 2, 1, 2, 3, 4]));
    await tick();
    expect(encoders[0]?.signalCode).toBe('SIGTERM');
    await tick(700);
    expect(encoders).toHaveLength(2);
  });

  it('close kills every encoder and refuses from then on', async () => {
    start();
    live.sourceFor(cam('ptz-1'), 'sub');
    live.sourceFor(cam('ptz-2'), 'main');
    await live.close();
    expect(encoders.map((e) => e.signalCode)).toEqual(['SIGTERM', 'SIGTERM']);
    expect(live.sourceFor(cam('ptz-1'), 'sub')).toBeInstanceOf(PtzBusySource);
  });
});
