// Starts the console bench's SMS process (./benchSms.ts) and talks to it over its stdin hooks: the
// console benchmark and the console-at-scale e2e test drive the same seeded SMS.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { createInterface, type Interface } from 'node:readline';

const ROOT = path.resolve(__dirname, '../../..');

export interface BenchSms {
  url: string;
  /** Everything the process printed. */
  log: string[];
  /** Writes a hook line (`rate N`, `close N`, `create`, …) and resolves with the answer matching `answer`. */
  ask(line: string, answer: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<void>;
}

export interface BenchSmsOptions {
  incidents: number;
  seed: number;
  /** The renderer the SMS serves. */
  appDir: string;
  listenTimeoutMs: number;
}

/** Starts ./benchSms.ts with `incidents` seeded through the core's commands; resolves once it listens. */
export async function startBenchSms(options: BenchSmsOptions): Promise<BenchSms> {
  const args = {
    incidents: options.incidents,
    // The City's units and cameras (the simulator at real time, no pre-roll), no video.
    sms: { dataDir: null, demo: true, sim: true, seed: options.seed, speed: 1, video: false, appDir: options.appDir },
  };
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', path.join(__dirname, 'benchSms.ts'), JSON.stringify(args)],
    { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] },
  );
  const log: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => log.push(line));
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => log.push(line));
  const url = await answer(lines, child, log, /^SMS listening on (\S+)$/, options.listenTimeoutMs);
  return {
    url,
    log,
    ask: (line, pattern, timeoutMs = 60_000) => {
      const reply = answer(lines, child, log, pattern, timeoutMs);
      child.stdin!.write(`${line}\n`);
      return reply;
    },
    stop: () => stopChild(child),
  };
}

function answer(
  lines: Interface,
  child: ChildProcess,
  log: string[],
  pattern: RegExp,
  timeoutMs: number,
): Promise<string> {
  return new Promise((resolve, reject) => {
    const finish = (error: Error | null, value = '') => {
      clearTimeout(timer);
      lines.off('line', onLine);
      child.off('exit', onExit);
      if (error) reject(error);
      else resolve(value);
    };
    const onLine = (line: string) => {
      const match = pattern.exec(line);
      if (match) finish(null, match[1] ?? match[0]);
      else if (line.startsWith('hook failed')) finish(new Error(line));
    };
    const onExit = (code: number | null) =>
      finish(new Error(`the bench SMS exited (${code}):\n${log.slice(-20).join('\n')}`));
    const timer = setTimeout(() => finish(new Error(`no answer matching ${pattern}`)), timeoutMs);
    lines.on('line', onLine);
    child.once('exit', onExit);
  });
}

async function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}
