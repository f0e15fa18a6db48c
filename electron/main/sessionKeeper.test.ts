import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SESSION_FILE, createEncryptedSessionKeeper } from './sessionKeeper';

jest.mock('electron', () => ({}));

const session = { token: 'secret-token-123', user: { id: 'u1', username: 'dispatcher', role: 'dispatcher' as const } };

/** safeStorage faked with a reversible transform, so a test can see the disk never holds the token. */
const fakeSafeStorage = (available = true, backend = 'gnome_libsecret') => ({
  isEncryptionAvailable: () => available,
  getSelectedStorageBackend: () => backend as 'gnome_libsecret',
  encryptString: (text: string) => Buffer.from(Buffer.from(text).map((b) => b ^ 0x5a)),
  decryptString: (data: Buffer) => Buffer.from(data.map((b) => b ^ 0x5a)).toString(),
});

let dir: string;
let file: string;
beforeEach(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'jccr-session-'));
  file = path.join(dir, SESSION_FILE);
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('encrypted session keeper', () => {
  it('keeps the session encrypted on disk, readable after a restart', () => {
    createEncryptedSessionKeeper(file, fakeSafeStorage(), () => undefined).save(session);
    expect(readFileSync(file).toString('latin1')).not.toContain('secret-token-123');
    expect(createEncryptedSessionKeeper(file, fakeSafeStorage(), () => undefined).load()).toEqual(session);
  });

  it('keeps the token in memory only when there is no OS key store', () => {
    const log: string[] = [];
    const keeper = createEncryptedSessionKeeper(file, fakeSafeStorage(true, 'basic_text'), (m) => log.push(m));
    keeper.save(session);
    expect(existsSync(file)).toBe(false);
    expect(keeper.load()).toEqual(session);
    expect(log).toEqual(['session kept in memory only: no OS key store for safeStorage']);
  });

  it('removes a file that does not decrypt to a session', () => {
    writeFileSync(file, 'garbage');
    expect(createEncryptedSessionKeeper(file, fakeSafeStorage(), () => undefined).load()).toBeNull();
    expect(existsSync(file)).toBe(false);
  });

  it('forgets the session on clear, on disk too', () => {
    const keeper = createEncryptedSessionKeeper(file, fakeSafeStorage(), () => undefined);
    keeper.save(session);
    keeper.clear();
    expect(keeper.load()).toBeNull();
    expect(existsSync(file)).toBe(false);
  });
});
