import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';
import type { SmsOptions } from '../../../sms/app';
import { RENDERER_OUT, ROOT } from './renderer';

/** A demo SMS for one test: its URL, where it keeps its data, and how to stop it. */
export interface DemoSms {
  url: string;
  port: number;
  dataDir: string;
  /** What the SMS printed, for a failing test's report. */
  log: string[];
  /**
   * Sends a line to the SMS process's test hook (stdin, see ../cad/support/cadSmsProcess.ts) and
   * resolves with the first group of the first answer line matching `answer`.
   */
  ask(line: string, answer: RegExp): Promise<string>;
  /** Stops the SMS (SIGTERM, as an operator's service manager would), keeping its data. */
  stop(): Promise<void>;
}

/** Fixed, so every run sees the same simulated City. */
const SEED = 20_260_325;
/** Ten simulated seconds per real second: the room moves visibly within a test's patience. */
const SPEED = 10;
const START_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

/** How to start a demo SMS; everything has a default. */
export interface DemoSmsOptions {
  /** An existing data folder: starting on it again is a restart. */
  dataDir?: string;
  port?: number;
  /** Overrides of the SMS options (video on, another app folder, real-time speed…). */
  sms?: Partial<SmsOptions>;
  /** The process entry: ./smsProcess.ts, or a harness adding a stdin test hook. */
  entry?: string;
}

/**
 * Starts the real SMS (`startSms`, in its own process, see ./smsProcess.ts) in demo mode with
 * the simulator and no video, serving the built renderer at `/`. A fresh temporary data folder
 * unless one is given (a restart); port 0 picks a free one.
 */
export async function startDemoSms(options: DemoSmsOptions = {}): Promise<DemoSms> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'jccr-e2e-sms-'));
  const smsOptions: SmsOptions = {
    demo: true,
    dataDir,
    port: options.port ?? 0,
    seed: SEED,
    speed: SPEED,
    sim: true,
    video: false,
    appDir: RENDERER_OUT,
    ...options.sms,
  };
  const child = spawn(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [options.entry ?? path.join(__dirname, 'smsProcess.ts'), JSON.stringify(smsOptions)],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => log.push(line));
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => log.push(line));
  const url = await listeningUrl(child, lines, log);
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    log,
    ask: (line, answer) =>
      new Promise((resolve, reject) => {
        const onLine = (out: string) => {
          const match = answer.exec(out);
          if (match) {
            lines.off('line', onLine);
            resolve(match[1] ?? match[0]);
          } else if (out.startsWith('hook failed')) {
            lines.off('line', onLine);
            reject(new Error(out));
          }
        };
        lines.on('line', onLine);
        child.stdin!.write(`${line}\n`);
      }),
    stop: () => stopProcess(child),
  };
}

/** Removes a data folder made by `startDemoSms`. */
export function removeDataDir(dataDir: string): void {
  rmSync(dataDir, { recursive: true, force: true });
}

function listeningUrl(child: ChildProcess, lines: Interface, log: string[]): Promise<string> {
  return new Promise((resolve, reject) => {
    const fail = (why: string) => {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${why}\n${log.slice(-20).join('\n')}`));
    };
    const timer = setTimeout(() => fail('The SMS did not start in time.'), START_TIMEOUT_MS);
    child.once('exit', (code) => fail(`The SMS exited (${code}) before listening.`));
    lines.on('line', (line) => {
      const match = /^SMS listening on (\S+)$/.exec(line);
      if (!match?.[1]) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve(match[1]);
    });
  });
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
