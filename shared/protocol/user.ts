import { z } from 'zod';
import { IdSchema } from './primitives';

/** Operator roles. The SMS enforces them; `viewer` may read and watch but never command. */
export const RoleSchema = z.enum(['dispatcher', 'supervisor', 'commander', 'viewer', 'admin']);
export type Role = z.infer<typeof RoleSchema>;
export const ROLES = RoleSchema.options;

/** An authenticated operator as the SMS describes them. */
export const UserSchema = z.object({
  id: IdSchema,
  username: z.string().min(1).max(64),
  role: RoleSchema,
});
export type User = z.infer<typeof UserSchema>;
