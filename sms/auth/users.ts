import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { ROLES, RoleSchema, type Role } from '../../shared/protocol';
import type { Storage, StoredUser } from '../storage/storage';
import { describeIssues } from '../core/issues';
import { hashPassword, isPasswordHash, PUBLIC_PASSWORD_COST } from './passwords';

/** Password of every demo user (demo mode only). */
export const DEMO_PASSWORD = 'jccr-demo';

/**
 * One operator in a users file: a password hash (preferred) or, for trials, a plain password;
 * `"disabled": true` keeps the entry but refuses its logins and ends its sessions. Strict: a
 * misspelt `disabled` must not leave an account open.
 */
const UserEntrySchema = z
  .strictObject({
    username: z
      .string()
      .min(1)
      .max(64)
      .regex(/^[\w.@-]+$/, 'letters, digits and . _ @ - only'),
    role: RoleSchema,
    passwordHash: z.string().refine(isPasswordHash, 'not an scrypt hash from --hash-password').optional(),
    password: z.string().min(8).max(200).optional(),
    disabled: z.boolean().optional(),
  })
  .refine((u) => (u.passwordHash === undefined) !== (u.password === undefined), 'give passwordHash or password');

/** The `--users` file: `{"users": [{"username", "role", "passwordHash", "disabled"?}]}`. */
export const UsersFileSchema = z.strictObject({ users: z.array(UserEntrySchema).min(1).max(10_000) });

/** A user the SMS should have, as configured. */
export interface ConfiguredUser {
  username: string;
  role: Role;
  passwordHash?: string;
  password?: string;
  /** Configured but not allowed in. */
  disabled?: boolean;
}

/** A problem with the configuration that stops the SMS with one clear sentence. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/** Reads and validates a users file. */
export async function readUsersFile(path: string): Promise<ConfiguredUser[]> {
  let json: unknown;
  try {
    json = JSON.parse(await readFile(path, 'utf8'));
  } catch (e) {
    throw new ConfigError(`Cannot read the users file ${path}: ${e instanceof Error ? e.message : String(e)}.`);
  }
  const parsed = UsersFileSchema.safeParse(json);
  if (!parsed.success) throw new ConfigError(`The users file ${path} is invalid: ${describeIssues(parsed.error)}.`);
  const names = new Set<string>();
  for (const u of parsed.data.users) {
    if (names.has(u.username)) throw new ConfigError(`The users file ${path} names ${u.username} twice.`);
    names.add(u.username);
  }
  return parsed.data.users.map((u) => ({
    username: u.username,
    role: u.role,
    ...(u.passwordHash === undefined ? {} : { passwordHash: u.passwordHash }),
    ...(u.password === undefined ? {} : { password: u.password }),
    ...(u.disabled === true ? { disabled: true } : {}),
  }));
}

/** One demo user per role, named after the role. Their password is public, so a cheap hash will do. */
export async function demoUsers(): Promise<ConfiguredUser[]> {
  return Promise.all(
    ROLES.map(async (role) => ({
      username: role,
      role,
      passwordHash: await hashPassword(DEMO_PASSWORD, PUBLIC_PASSWORD_COST),
    })),
  );
}

/** The users who may sign in, and the usernames configured but disabled. */
export interface SyncedUsers {
  users: StoredUser[];
  disabled: string[];
}

/**
 * Makes the users table exactly the enabled users of `configured`, so demo users vanish outside
 * demo mode and someone removed from the users file, or disabled, can no longer log in. Plain
 * passwords are hashed here.
 */
export async function syncUsers(storage: Storage, configured: readonly ConfiguredUser[]): Promise<SyncedUsers> {
  const enabled = configured.filter((c) => c.disabled !== true);
  const users = await Promise.all(
    enabled.map(async (c): Promise<StoredUser> => ({
      id: `user-${c.username}`,
      username: c.username,
      role: c.role,
      passwordHash: c.passwordHash ?? (await hashPassword(c.password ?? '')),
    })),
  );
  storage.replaceUsers(users);
  return { users, disabled: configured.filter((c) => c.disabled === true).map((c) => c.username) };
}
