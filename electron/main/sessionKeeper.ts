import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import type { SafeStorage } from 'electron';
import type { StoredSession } from '../../shared/host/bridge';
import { StoredSessionSchema } from '../../shared/host/bridge';
import type { SessionKeeper } from './hostService';

export const SESSION_FILE = 'session.bin';

/**
 * Keeps the session token with `safeStorage`: encrypted on disk with the OS key store (DPAPI,
 * libsecret/kwallet), so all the workstation's windows, a reloaded window and a restart after a
 * crash stay signed in, while the token is never readable from the disk. Where only Chromium's
 * hard-coded key is available (`basic_text` on Linux without a key ring) the token is kept in
 * memory only: a restart then asks for sign-in, which beats a token in the clear.
 */
export function createEncryptedSessionKeeper(
  file: string,
  safeStorage: Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
    Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>,
  log: (message: string) => void,
): SessionKeeper {
  let kept: StoredSession | null = null;
  const canEncrypt = () =>
    safeStorage.isEncryptionAvailable() && safeStorage.getSelectedStorageBackend?.() !== 'basic_text';
  return {
    save(session) {
      kept = StoredSessionSchema.parse(session);
      if (!canEncrypt()) {
        log('session kept in memory only: no OS key store for safeStorage');
        return;
      }
      writeFileSync(file, safeStorage.encryptString(JSON.stringify(kept)), { mode: 0o600 });
    },
    load() {
      if (kept) return kept;
      if (!existsSync(file) || !canEncrypt()) return null;
      try {
        const parsed = StoredSessionSchema.safeParse(JSON.parse(safeStorage.decryptString(readFileSync(file))));
        if (parsed.success) return (kept = parsed.data);
      } catch {
        // Falls through: a file that does not decrypt (another OS user, a new key) is worthless.
      }
      log('kept session unreadable; removed');
      rmSync(file, { force: true });
      return null;
    },
    clear() {
      kept = null;
      rmSync(file, { force: true });
    },
  };
}
