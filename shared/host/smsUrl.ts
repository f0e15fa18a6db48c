import { z } from 'zod';

/**
 * The SMS a window talks to: an http(s) origin. Only the origin counts because the contract
 * puts REST (`/api/...`) and socket.io (default path) at the root of one origin.
 */
export const SmsUrlSchema = z
  .url({ protocol: /^https?$/, normalize: true })
  .max(2_000)
  .transform((url) => originOf(url));
export type SmsUrl = z.output<typeof SmsUrlSchema>;

// `URL` is not available here (no DOM, no Node types); the input is already a normalised
// http(s) URL, so its origin is the scheme and the authority without any user info.
function originOf(url: string): string {
  const match = /^(https?:\/\/)(?:[^/?#]*@)?([^/?#]+)/.exec(url);
  if (!match) throw new Error(`not an http(s) URL: ${url}`);
  return `${match[1]}${match[2]}`;
}
