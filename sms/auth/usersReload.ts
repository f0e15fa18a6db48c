import { unwatchFile, watchFile, type Stats } from 'node:fs';
import type { Logger } from '../core/log';
import { ConfigError } from './users';

/** How often the users file is polled for changes. */
export const USERS_FILE_POLL_MS = 2_000;

/** Options of `watchUsersFile`. */
export interface UsersReloadOptions {
  /** The `--users` file. */
  path: string;
  /** Reads the file and applies it; throws (a `ConfigError` for a bad file) to keep the users in force. */
  apply: () => Promise<void>;
  logger: Logger;
  pollMs?: number;
}

/** A users file under watch. */
export interface UsersReload {
  /** Reloads now (SIGHUP); resolves true when the new users are in force. */
  reload(why: string): Promise<boolean>;
  /** Stops watching. */
  close(): void;
}

/**
 * Re-reads the users file when it changes (polling: it works on every file system, network
 * shares included, and survives editors that replace the file) and on `reload()`. Reloads run one
 * at a time; a change during one triggers another after it. A file that does not read or
 * validate leaves the users in force and says why in the log: never a crash, never no users.
 */
export function watchUsersFile(opts: UsersReloadOptions): UsersReload {
  let running: Promise<boolean> | null = null;
  let again = false;
  let closed = false;

  const once = async (why: string): Promise<boolean> => {
    try {
      await opts.apply();
      opts.logger.info(`users file ${opts.path} reloaded (${why})`);
      return true;
    } catch (e) {
      const reason = e instanceof ConfigError ? e.message : e instanceof Error ? e.message : String(e);
      opts.logger.error(`users file NOT reloaded (${why}); the previous users stay in force. ${reason}`);
      return false;
    }
  };

  const reload = (why: string): Promise<boolean> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let ok = await once(why);
      while (again && !closed) {
        again = false;
        ok = await once('changed again while reloading');
      }
      running = null;
      return ok;
    })();
    return running;
  };

  const onChange = (curr: Stats, prev: Stats) => {
    if (closed) return;
    const same =
      curr.mtimeMs === prev.mtimeMs &&
      curr.size === prev.size &&
      curr.ino === prev.ino &&
      curr.ctimeMs === prev.ctimeMs;
    if (same) return;
    void reload(curr.nlink === 0 && curr.mtimeMs === 0 ? 'file removed' : 'file changed');
  };
  watchFile(opts.path, { interval: opts.pollMs ?? USERS_FILE_POLL_MS, persistent: false }, onChange);

  return {
    reload,
    close() {
      closed = true;
      unwatchFile(opts.path, onChange);
    },
  };
}
