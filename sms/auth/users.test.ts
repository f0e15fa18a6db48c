import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSqliteStorage } from '../storage/sqlite';
import { hashPassword, PUBLIC_PASSWORD_COST } from './passwords';
import { ConfigError, demoUsers, readUsersFile, syncUsers } from './users';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'jccr-users-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function usersFile(content: unknown): Promise<string> {
  const path = join(dir, 'users.json');
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('readUsersFile', () => {
  it('reads users with password hashes', async () => {
    const passwordHash = await hashPassword('long enough', PUBLIC_PASSWORD_COST);
    const path = await usersFile({ users: [{ username: 'jsmith', role: 'dispatcher', passwordHash }] });
    expect(await readUsersFile(path)).toEqual([{ username: 'jsmith', role: 'dispatcher', passwordHash }]);
  });

  it('refuses unreadable JSON, unknown roles, duplicates and entries without a password', async () => {
    const bad = [
      '{"users": [',
      { users: [{ username: 'a', role: 'superuser', password: 'long enough' }] },
      {
        users: [
          { username: 'a', role: 'viewer', password: 'long enough' },
          { username: 'a', role: 'viewer', password: 'long enough' },
        ],
      },
      { users: [{ username: 'a', role: 'viewer' }] },
      // A misspelt flag must not leave an account open.
      { users: [{ username: 'a', role: 'viewer', password: 'long enough', disabeld: true }] },
      { users: [{ username: 'a', role: 'viewer', password: 'long enough', disabled: 'yes' }] },
      { users: [] },
    ];
    for (const content of bad) await expect(readUsersFile(await usersFile(content))).rejects.toThrow(ConfigError);
  });
});

describe('disabled users', () => {
  it('are read from the file and kept out of the users table', async () => {
    const path = await usersFile({
      users: [
        { username: 'on', role: 'viewer', password: 'long enough' },
        { username: 'off', role: 'admin', password: 'long enough', disabled: true },
      ],
    });
    const configured = await readUsersFile(path);
    expect(configured.map((u) => [u.username, u.disabled ?? false])).toEqual([
      ['on', false],
      ['off', true],
    ]);
    const storage = openSqliteStorage(':memory:');
    const synced = await syncUsers(storage, configured);
    expect(synced.users.map((u) => u.username)).toEqual(['on']);
    expect(synced.disabled).toEqual(['off']);
    expect(storage.listUsers().map((u) => u.username)).toEqual(['on']);
    storage.close();
  });
});

describe('syncUsers', () => {
  it('makes the stored users exactly the configured ones', async () => {
    const storage = openSqliteStorage(':memory:');
    await syncUsers(storage, await demoUsers());
    await syncUsers(storage, [{ username: 'jsmith', role: 'admin', password: 'long enough' }]);
    expect(storage.listUsers().map((u) => [u.id, u.role])).toEqual([['user-jsmith', 'admin']]);
    storage.close();
  });
});
