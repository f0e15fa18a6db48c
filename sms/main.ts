// The SMS as a program: `npm run sms -- <flags>` (see sms/config.ts for the flags).
import { startSms, type RunningSms } from './app';
import { hashPassword } from './auth/passwords';
import { ConfigError } from './auth/users';
import { parseCli, USAGE, UsageError } from './config';
import { stderrLogger } from './core/log';
import { StorageCorruptError } from './storage/sqlite';

/** Exit code of a configuration the SMS refuses to run with. */
const EXIT_CONFIG = 2;
/** Longest a graceful shutdown may take before the process exits anyway. */
const SHUTDOWN_DEADLINE_MS = 4_000;

function fail(message: string, code: number): never {
  process.stderr.write(`${message}\n`);
  process.exit(code);
}

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(String(chunk)));
  return Buffer.concat(chunks)
    .toString('utf8')
    .replace(/\r?\n$/, '');
}

/** A sentence for the errors an operator can fix; anything else is a bug and keeps its stack. */
function explain(e: unknown): { message: string; code: number } | null {
  if (e instanceof UsageError || e instanceof ConfigError) return { message: e.message, code: EXIT_CONFIG };
  if (e instanceof StorageCorruptError) return { message: `The SMS database cannot be used: ${e.message}`, code: 1 };
  const err = e as NodeJS.ErrnoException & { address?: string; port?: number };
  if (err.code === 'EADDRINUSE')
    return { message: `Port ${err.port ?? ''} is already in use; pick another with --port.`, code: 1 };
  if (err.code === 'EACCES' || err.code === 'EPERM') return { message: `Permission denied: ${err.message}.`, code: 1 };
  if (err.code === 'EADDRNOTAVAIL') return { message: `Cannot listen on ${err.address ?? 'that host'}.`, code: 1 };
  return null;
}

async function main(): Promise<void> {
  let config;
  try {
    config = parseCli(process.argv.slice(2));
  } catch (e) {
    const known = explain(e);
    if (known) fail(known.message, known.code);
    throw e;
  }
  if (config.mode === 'help') {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  if (config.mode === 'hash-password') {
    const password = await readStdin();
    if (password.length < 8) fail('The password must have at least 8 characters.', EXIT_CONFIG);
    process.stdout.write(`${await hashPassword(password)}\n`);
    return;
  }

  const logger = stderrLogger();
  let sms: RunningSms;
  try {
    sms = await startSms({
      port: config.port,
      host: config.host,
      dataDir: config.dataDir,
      demo: config.demo,
      sim: config.sim,
      preroll: config.preroll,
      demoPace: config.demoPace,
      seed: config.seed,
      speed: config.speed,
      ...(config.units === undefined ? {} : { units: config.units }),
      ...(config.eventRate === undefined ? {} : { eventRate: config.eventRate }),
      video: config.video,
      videoPrewarm: true,
      appDir: config.appDir,
      allowedOrigins: config.allowedOrigins,
      ...(config.journalRetention === undefined ? {} : { journalRetention: config.journalRetention }),
      ...(config.archiveAfterHours === undefined ? {} : { archiveAfterMs: config.archiveAfterHours * 3_600_000 }),
      ...(config.auditHotDays === undefined ? {} : { auditHotDays: config.auditHotDays }),
      ...(config.auditArchiveDays === undefined ? {} : { auditArchiveDays: config.auditArchiveDays }),
      ...(config.usersFile === undefined ? {} : { usersFile: config.usersFile }),
      ...(config.secretFile === undefined ? {} : { secretFile: config.secretFile }),
      logger,
    });
  } catch (e) {
    const known = explain(e);
    if (known) fail(known.message, known.code);
    throw e;
  }
  // How long the shift's pre-roll held up listening, where start-up time is watched.
  const prerolled = sms.prerolled
    ? ` (opened mid-shift: ${sms.prerolled.hours} h pre-rolled in ${(sms.prerolled.tookMs / 1000).toFixed(1)} s)`
    : '';
  process.stdout.write(`SMS listening on ${sms.url}${prerolled}\n`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info(`${signal}: shutting down`);
    setTimeout(() => {
      logger.warn('shutdown took too long; exiting');
      process.exit(1);
    }, SHUTDOWN_DEADLINE_MS).unref();
    sms.close().then(
      () => process.exit(0),
      (e: unknown) => {
        logger.error('shutdown failed', e);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
  // SIGHUP reads the users file again (it is also watched); a bad file keeps the users in force.
  process.on('SIGHUP', () => {
    if (stopping) return;
    logger.info('SIGHUP: reloading the users');
    void sms.reloadUsers();
  });
}

process.on('uncaughtException', (e) => {
  // A bug somewhere must not take the room's SMS down; it is logged with its stack and serving goes on.
  stderrLogger().error('uncaught exception', e);
});
process.on('unhandledRejection', (e) => {
  stderrLogger().error('unhandled rejection', e);
});

main().catch((e: unknown) => {
  stderrLogger().error('the SMS failed to start', e);
  process.exit(1);
});
