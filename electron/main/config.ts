import type { SmsUrl } from '../../shared/host/bridge';
import { SmsUrlSchema } from '../../shared/host/bridge';

/** Where the app finds the SMS when nothing says otherwise: the embedded demo SMS of `npm start`. */
export const DEFAULT_SMS_URL = 'http://127.0.0.1:7300';

/** A setting that cannot be used; the message says which and why. */
export class ConfigError extends Error {
  override name = 'ConfigError';
}

/**
 * The SMS origin from `--sms-url=<url>` (or `--sms-url <url>`), else `JCCR_SMS_URL`, else the
 * workstation profile (set at first run from the settings screen), else the default.
 */
export function resolveSmsUrl(
  argv: readonly string[],
  env: Readonly<Record<string, string | undefined>>,
  fromProfile: string | null = null,
): SmsUrl {
  const [value, from] =
    fromArgv(argv) ??
    (env.JCCR_SMS_URL
      ? [env.JCCR_SMS_URL, 'JCCR_SMS_URL']
      : fromProfile
        ? [fromProfile, 'the workstation profile']
        : [DEFAULT_SMS_URL, 'default']);
  const parsed = SmsUrlSchema.safeParse(value);
  if (!parsed.success)
    throw new ConfigError(`The SMS URL ${JSON.stringify(value)} (from ${from}) is not an http(s) URL.`);
  return parsed.data;
}

function fromArgv(argv: readonly string[]): [string, string] | undefined {
  for (const [i, arg] of argv.entries()) {
    if (arg.startsWith('--sms-url=')) return [arg.slice('--sms-url='.length), '--sms-url'];
    if (arg === '--sms-url') return [argv[i + 1] ?? '', '--sms-url'];
  }
  return undefined;
}
