import { randomBytes } from 'node:crypto';
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ConfigError } from './users';

/** Shortest secret accepted: 32 characters (e.g. 24 random bytes in base64). */
export const MIN_SECRET_LENGTH = 32;

async function readSecretFile(path: string): Promise<string> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (e) {
    throw new ConfigError(`Cannot read the secret file ${path}: ${e instanceof Error ? e.message : String(e)}.`);
  }
  return text.trim();
}

function checked(secret: string, from: string): string {
  if (secret.length < MIN_SECRET_LENGTH) {
    throw new ConfigError(`The token secret from ${from} is shorter than ${MIN_SECRET_LENGTH} characters.`);
  }
  return secret;
}

/**
 * The token secret: `--secret-file`, else `JCCR_SMS_SECRET`, else (demo mode only) one
 * generated on first start and kept in the data folder, so demo tokens survive restarts.
 * `null` when none is configured outside demo mode.
 */
export async function resolveSecret(opts: {
  secretFile?: string;
  env?: string;
  dataDir: string | null;
  demo: boolean;
}): Promise<string | null> {
  if (opts.secretFile !== undefined) return checked(await readSecretFile(opts.secretFile), opts.secretFile);
  if (opts.env !== undefined && opts.env !== '') return checked(opts.env, 'JCCR_SMS_SECRET');
  if (!opts.demo) return null;
  if (opts.dataDir === null) return randomBytes(32).toString('base64url');
  const path = join(opts.dataDir, 'demo-secret');
  try {
    return checked(await readSecretFile(path), path);
  } catch {
    const secret = randomBytes(32).toString('base64url');
    await writeFile(path, `${secret}\n`, { mode: 0o600 });
    return secret;
  }
}
