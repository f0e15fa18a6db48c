import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hashPassword } from '../../../sms/auth/passwords';
import { connect, get, login, post } from '../support/sms';

const ROOT = resolve(__dirname, '../../..');
const TSX = require.resolve('tsx/cli');
/** How long the SMS may take to start under a cold tsx, and to stop after SIGTERM. */
const START_LIMIT_MS = 30_000;
const STOP_LIMIT_MS = 5_000;

jest.setTimeout(60_000);

let dir: string;
const children: ChildProcessWithoutNullStreams[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jccr-sms-cli-'));
});
afterEach(async () => {
  for (const c of children.splice(0)) if (c.exitCode === null) c.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

/** Runs `tsx sms/main.ts <args>` (what `npm run sms -- <args>` runs) with a clean environment. */
function sms(args: string[], env: Record<string, string> = {}) {
  const { JCCR_SMS_SECRET: _ignored, ...rest } = process.env;
  const child = spawn(process.execPath, [TSX, 'sms/main.ts', ...args], { cwd: ROOT, env: { ...rest, ...env } });
  children.push(child);
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const exited = new Promise<number | null>((r) => child.once('exit', (code) => r(code)));
  const listening = new Promise<string>((res, rej) => {
    const timer = setTimeout(() => rej(new Error(`not listening; stderr: ${stderr}`)), START_LIMIT_MS);
    child.stdout.on('data', () => {
      const m = /^SMS listening on (http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout);
      if (m?.[1]) {
        clearTimeout(timer);
        res(m[1]);
      }
    });
    void exited.then(() => {
      clearTimeout(timer);
      rej(new Error(`exited; stderr: ${stderr}`));
    });
  });
  // Runs that are expected to fail never await it.
  listening.catch(() => {});
  return { child, exited, listening, out: () => stdout, err: () => stderr };
}

/** Resolves with the exit code, or rejects if the process is still running after `ms`. */
async function within<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<T>((_, rej) => {
    timer = setTimeout(() => rej(new Error(`still running after ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([p, limit]);
  } finally {
    clearTimeout(timer);
  }
}

it('refuses production mode without users and a secret: one sentence, exit code 2', async () => {
  const run = sms(['--port', '0', '--data', dir, '--no-sim', '--no-video']);
  expect(await run.exited).toBe(2);
  expect(run.err().trim()).toBe(
    'Production mode needs configured users (--users <file>) and a token secret (--secret-file <file> or JCCR_SMS_SECRET); use --demo for a demonstration SMS.',
  );
  expect(run.out()).toBe('');
});

it('refuses an unknown flag with one sentence and exit code 2', async () => {
  const run = sms(['--port', '0', '--colour', 'red']);
  expect(await run.exited).toBe(2);
  expect(run.err().trim().split('\n')).toHaveLength(1);
});

it('prints the listening line, serves, and exits 0 soon after SIGTERM', async () => {
  const run = sms(['--demo', '--port', '0', '--data', dir, '--no-sim', '--no-video']);
  const url = await run.listening;
  expect(run.out()).toMatch(/^SMS listening on http:\/\/127\.0\.0\.1:\d+\n$/);
  const client = await connect(url, await login(url, 'dispatcher'));
  const disconnected = new Promise((r) => client.socket.once('disconnect', r));
  run.child.kill('SIGTERM');
  expect(await within(run.exited, STOP_LIMIT_MS)).toBe(0);
  await disconnected;
  client.close();
});

it('runs in production mode with a users file and a secret, without the demo users', async () => {
  const users = join(dir, 'users.json');
  const secret = join(dir, 'secret');
  await writeFile(
    users,
    JSON.stringify({
      users: [{ username: 'jsmith', role: 'dispatcher', passwordHash: await hashPassword('correct horse') }],
    }),
  );
  await writeFile(secret, 'a-production-secret-that-is-long-enough\n');
  const demo = sms(['--demo', '--port', '0', '--data', join(dir, 'data'), '--no-sim', '--no-video']);
  await demo.listening;
  demo.child.kill('SIGTERM');
  await demo.exited;

  const run = sms([
    '--port',
    '0',
    '--data',
    join(dir, 'data'),
    '--users',
    users,
    '--secret-file',
    secret,
    '--no-sim',
    '--no-video',
  ]);
  const url = await run.listening;
  expect((await post(`${url}/api/session`, { username: 'jsmith', password: 'correct horse' })).status).toBe(200);
  expect((await post(`${url}/api/session`, { username: 'dispatcher', password: 'jccr-demo' })).status).toBe(401);
  expect((await get(`${url}/api/health`)).status).toBe(200);
  run.child.kill('SIGINT');
  expect(await within(run.exited, STOP_LIMIT_MS)).toBe(0);
});
