import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { hashPassword, PUBLIC_PASSWORD_COST } from '../../../sms/auth/passwords';
import { connect, post } from '../support/sms';

const ROOT = resolve(__dirname, '../../..');

jest.setTimeout(60_000);

let dir: string;
let child: ChildProcessWithoutNullStreams | undefined;
const afterEachClose: (() => void)[] = [];
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jccr-sighup-'));
});
afterEach(async () => {
  for (const close of afterEachClose.splice(0)) close();
  if (child && child.exitCode === null) child.kill('SIGKILL');
  await rm(dir, { recursive: true, force: true });
});

const until = async (check: () => boolean, ms: number, what: string) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error(`not within ${ms} ms: ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
};

// Whatever happens, the SMS process goes with the test.
afterAll(() => {
  if (child && child.exitCode === null) child.kill('SIGKILL');
});

it('reloads the users file on SIGHUP, revoking a changed user, and keeps running on a broken file', async () => {
  const users = join(dir, 'users.json');
  const secret = join(dir, 'secret');
  const passwordHash = await hashPassword('correct horse', PUBLIC_PASSWORD_COST);
  await writeFile(users, JSON.stringify({ users: [{ username: 'jsmith', role: 'dispatcher', passwordHash }] }));
  await writeFile(secret, 'a-production-secret-that-is-long-enough\n');
  const { JCCR_SMS_SECRET: _ignored, ...env } = process.env;
  const args = ['--port', '0', '--data', join(dir, 'data'), '--users', users, '--secret-file', secret];
  // tsx's loader in this process rather than its CLI: the CLI relays SIGINT and SIGTERM to the
  // program but dies of a SIGHUP itself, so a SIGHUP goes to the SMS's own process.
  const run = spawn(process.execPath, ['--import', 'tsx', 'sms/main.ts', ...args, '--no-sim', '--no-video'], {
    cwd: ROOT,
    env,
  });
  child = run;
  let stdout = '';
  let stderr = '';
  run.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  run.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  await until(() => /SMS listening on/.test(stdout), 30_000, `listening (stderr: ${stderr})`);
  const url = /SMS listening on (\S+)/.exec(stdout)?.[1] ?? '';

  const res = await post(`${url}/api/session`, { username: 'jsmith', password: 'correct horse' });
  const client = await connect(url, (res.body as { token: string }).token);
  const gone = new Promise((r) => client.socket.once('disconnect', r));
  afterEachClose.push(() => client.close());

  await writeFile(users, JSON.stringify({ users: [{ username: 'jsmith', role: 'viewer', passwordHash }] }));
  run.kill('SIGHUP');
  await gone;
  await until(() => /SIGHUP: reloading the users/.test(stderr), 5_000, 'the SIGHUP logged');
  client.close();

  await writeFile(users, '{ broken');
  run.kill('SIGHUP');
  await until(() => /users file NOT reloaded/.test(stderr), 5_000, 'the broken file reported');
  expect(run.exitCode).toBeNull();
  const again = await post(`${url}/api/session`, { username: 'jsmith', password: 'correct horse' });
  expect(again.status).toBe(200);
  expect((again.body as { user: { role: string } }).user.role).toBe('viewer');
  run.kill('SIGTERM');
});
