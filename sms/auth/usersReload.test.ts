import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Logger } from '../core/log';
import { ConfigError, readUsersFile } from './users';
import { watchUsersFile, type UsersReload } from './usersReload';

let dir: string;
let watch: UsersReload | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jccr-reload-'));
});
afterEach(async () => {
  watch?.close();
  await rm(dir, { recursive: true, force: true });
});

function recordingLogger(): Logger & { errors: string[]; infos: string[] } {
  const errors: string[] = [];
  const infos: string[] = [];
  return { errors, infos, info: (m) => infos.push(m), warn: () => {}, error: (m) => errors.push(m) };
}

const until = async (check: () => boolean, ms = 5_000) => {
  const end = Date.now() + ms;
  while (!check()) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
};

describe('watchUsersFile', () => {
  it('applies a changed file, and keeps the users in force when the file goes bad', async () => {
    const path = join(dir, 'users.json');
    await writeFile(path, JSON.stringify({ users: [{ username: 'a', role: 'viewer', password: 'long enough' }] }));
    const applied: string[][] = [];
    const logger = recordingLogger();
    watch = watchUsersFile({
      path,
      pollMs: 50,
      logger,
      apply: async () => {
        applied.push((await readUsersFile(path)).map((u) => u.username));
      },
    });
    await writeFile(path, JSON.stringify({ users: [{ username: 'b', role: 'viewer', password: 'long enough' }] }));
    await until(() => applied.length === 1);
    expect(applied).toEqual([['b']]);

    await writeFile(path, '{"users": [');
    await until(() => logger.errors.length === 1);
    expect(logger.errors[0]).toMatch(/NOT reloaded.*previous users stay in force.*users file/);
    expect(applied).toHaveLength(1);

    await rm(path);
    await until(() => logger.errors.length === 2);
    expect(applied).toHaveLength(1);
  });

  it('reloads on request, one at a time, and reports failure', async () => {
    const path = join(dir, 'users.json');
    await writeFile(path, '{}');
    let running = 0;
    let most = 0;
    let fail = false;
    watch = watchUsersFile({
      path,
      pollMs: 60_000,
      logger: recordingLogger(),
      apply: async () => {
        running++;
        most = Math.max(most, running);
        await new Promise((r) => setTimeout(r, 30));
        running--;
        if (fail) throw new ConfigError('bad file');
      },
    });
    expect(await Promise.all([watch.reload('a'), watch.reload('b'), watch.reload('c')])).toEqual([true, true, true]);
    expect(most).toBe(1);
    fail = true;
    expect(await watch.reload('d')).toBe(false);
  });
});
