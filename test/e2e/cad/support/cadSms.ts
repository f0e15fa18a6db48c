import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { createInterface } from 'node:readline';
import type { SmsOptions } from '../../../../sms/app';
import { RENDERER_OUT, ROOT } from '../../support/renderer';

/** The demo SMS for the console's tests, with a hook to raise a Digital Service Point call. */
export interface CadSms {
  url: string;
  port: number;
  dataDir: string;
  log: string[];
  /** Raises a Digital Service Point call; resolves with the alert's id. */
  raiseServicePointCall(): Promise<string>;
  /** Raises an officer's emergency button; resolves with the alert's id. */
  raiseEmergencyButton(): Promise<string>;
  /** SIGTERM, keeping the data: a later `startCadSms({dataDir, port})` is a restart. */
  stop(): Promise<void>;
}

const SEED = 20_260_325;
/** Ten simulated seconds per real second, so an assigned unit arrives within the test's patience. */
const SPEED = 10;

export async function startCadSms(options: { dataDir?: string; port?: number } = {}): Promise<CadSms> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'jccr-e2e-cad-'));
  const smsOptions: SmsOptions = {
    demo: true,
    dataDir,
    port: options.port ?? 0,
    seed: SEED,
    speed: SPEED,
    sim: true,
    video: false,
    appDir: RENDERER_OUT,
  };
  const child = spawn(
    path.join(ROOT, 'node_modules/.bin/tsx'),
    [path.join(__dirname, 'cadSmsProcess.ts'), JSON.stringify(smsOptions)],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  const lines = createInterface({ input: child.stdout! });
  createInterface({ input: child.stderr! }).on('line', (line) => log.push(line));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`The SMS did not start.\n${log.slice(-20).join('\n')}`)), 60_000);
    child.once('exit', (code) => reject(new Error(`The SMS exited (${code}).\n${log.slice(-20).join('\n')}`)));
    lines.on('line', (line) => {
      log.push(line);
      const m = /^SMS listening on (\S+)$/.exec(line);
      if (m?.[1]) {
        clearTimeout(timer);
        child.removeAllListeners('exit');
        resolve(m[1]);
      }
    });
  });
  return {
    url,
    port: Number(new URL(url).port),
    dataDir,
    log,
    raiseServicePointCall: () => raise('raise-service-point-call'),
    raiseEmergencyButton: () => raise('raise-emergency-button'),
    stop: () => stop(child),
  };

  function raise(hook: string): Promise<string> {
    return new Promise((resolve, reject) => {
      const onLine = (line: string) => {
        const m = /^raised (\S+)$/.exec(line);
        if (m?.[1]) {
          lines.off('line', onLine);
          resolve(m[1]);
        } else if (line.startsWith('raise failed')) {
          lines.off('line', onLine);
          reject(new Error(line));
        }
      };
      lines.on('line', onLine);
      child.stdin!.write(`${hook}\n`);
    });
  }
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill('SIGTERM');
  });
}
