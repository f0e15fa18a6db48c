import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { z } from 'zod';
import { DEFAULT_AUDIT_ARCHIVE_DAYS, DEFAULT_AUDIT_HOT_DAYS } from './core/auditRetention';
import { describeIssues } from './core/issues';

/** Usage text of `npm run sms -- <flags>`. */
export const USAGE = `Usage: npm run sms -- [flags]
  --port <p>                 port to listen on (0 picks a free one; default 0)
  --host <h>                 interface to listen on (default 127.0.0.1)
  --data <dir>               data folder (default .data/sms)
  --demo                     demo mode: demo users (password jccr-demo) and a generated secret
  --seed <n>                 simulator seed (default 1)
  --speed <x>                simulated time per real second (default 1)
  --units <n>                number of simulated units
  --event-rate <r>           simulator load: events per second (benchmarks)
  --no-sim                   no simulator
  --no-preroll               demo mode: start from an empty City rather than mid-shift (the
                             simulator otherwise computes the 5 hours before now on a new data folder)
  --no-demo-pace             demo mode: the workload model's real rates rather than the demo's
                             faster pace (see README)
  --no-video                 no synthetic HLS video
  --app-dir <dir>            built renderer to serve at / (default out/renderer when it exists)
  --allow-origin <origin>    another origin whose pages may call the API (repeatable; jccr://app,
                             the Electron app, is always allowed)
  --journal-retention <n>    journal events kept (default 500000)
  --archive-after-hours <h>  closed incidents and handled alerts leave the live state this many
                             hours (of the SMS clock) after their latest change (default 8); they
                             stay in the database (GET /api/history/incidents, /alerts)
  --audit-hot-days <n>       days audit records stay in the database (default 90)
  --audit-archive-days <n>   days archived audit records are kept in <data>/audit-archive
                             (default 2557: seven years; at least the hot days)
  --users <file>             users file: {"users":[{"username","role","passwordHash"}]}
  --secret-file <file>       token secret (or env JCCR_SMS_SECRET)
  --hash-password            read a password on stdin, print its hash for a users file, exit
  --help                     this text`;

const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/** Flags as given on the command line, checked. */
const FlagsSchema = z.object({
  port: int(0, 65_535).default(0),
  host: z.string().min(1).max(255).default('127.0.0.1'),
  data: z.string().min(1).default('.data/sms'),
  demo: z.boolean().default(false),
  seed: int(0, 2 ** 31 - 1).default(1),
  speed: z.coerce.number().positive().max(1_000).default(1),
  units: int(1, 100_000).optional(),
  'event-rate': z.coerce.number().positive().max(1_000_000).optional(),
  'no-sim': z.boolean().default(false),
  'no-preroll': z.boolean().default(false),
  'no-demo-pace': z.boolean().default(false),
  'no-video': z.boolean().default(false),
  'app-dir': z.string().min(1).optional(),
  'allow-origin': z.array(z.url().max(200)).default([]),
  'journal-retention': int(1, 1_000_000_000).optional(),
  'archive-after-hours': z.coerce.number().min(0).max(8_760).optional(),
  'audit-hot-days': int(1, 36_525).optional(),
  'audit-archive-days': int(1, 36_525).optional(),
  users: z.string().min(1).optional(),
  'secret-file': z.string().min(1).optional(),
  'hash-password': z.boolean().default(false),
  help: z.boolean().default(false),
});

/** The command line, as `main.ts` acts on it. */
export interface CliConfig {
  mode: 'run' | 'help' | 'hash-password';
  port: number;
  host: string;
  dataDir: string;
  demo: boolean;
  seed: number;
  speed: number;
  units?: number;
  eventRate?: number;
  sim: boolean;
  /** Demo with the simulator: a new City opens mid-shift (`--no-preroll` turns it off). */
  preroll: boolean;
  /** Demo with the simulator: the demo's faster pace (`--no-demo-pace` turns it off). */
  demoPace: boolean;
  video: boolean;
  appDir: string | null;
  /** Origins besides the SMS's own whose pages may call the API (CORS). */
  allowedOrigins: string[];
  journalRetention?: number;
  /** Hours after which a closed incident or a handled alert leaves the live state (sms/core/archive.ts). */
  archiveAfterHours?: number;
  /** Days audit records stay in the database before they are archived (sms/core/auditRetention.ts). */
  auditHotDays?: number;
  /** Days archived audit records are kept. */
  auditArchiveDays?: number;
  usersFile?: string;
  secretFile?: string;
}

/** A command line that cannot be acted on; the message is one sentence for the operator. */
export class UsageError extends Error {
  override name = 'UsageError';
}

const STRING = { type: 'string' } as const;
const BOOLEAN = { type: 'boolean' } as const;

/** Parses `argv` (without node and script) into a checked configuration. */
export function parseCli(argv: readonly string[], cwd: string = process.cwd()): CliConfig {
  let values: Record<string, unknown>;
  try {
    ({ values } = parseArgs({
      args: [...argv],
      strict: true,
      allowPositionals: false,
      options: {
        port: STRING,
        host: STRING,
        data: STRING,
        demo: BOOLEAN,
        seed: STRING,
        speed: STRING,
        units: STRING,
        'event-rate': STRING,
        'no-sim': BOOLEAN,
        'no-preroll': BOOLEAN,
        'no-demo-pace': BOOLEAN,
        'no-video': BOOLEAN,
        'app-dir': STRING,
        'allow-origin': { type: 'string', multiple: true },
        'journal-retention': STRING,
        'archive-after-hours': STRING,
        'audit-hot-days': STRING,
        'audit-archive-days': STRING,
        users: STRING,
        'secret-file': STRING,
        'hash-password': BOOLEAN,
        help: BOOLEAN,
      },
    }));
  } catch (e) {
    throw new UsageError(`${e instanceof Error ? e.message : String(e)} (see --help).`);
  }
  const parsed = FlagsSchema.safeParse(values);
  if (!parsed.success) throw new UsageError(`Invalid flags: ${describeIssues(parsed.error)} (see --help).`);
  const f = parsed.data;
  const hotDays = f['audit-hot-days'] ?? DEFAULT_AUDIT_HOT_DAYS;
  const archiveDays = f['audit-archive-days'] ?? DEFAULT_AUDIT_ARCHIVE_DAYS;
  if (archiveDays < hotDays) {
    // An archive month would be deleted while records of it were still waiting to be archived.
    throw new UsageError(`--audit-archive-days (${archiveDays}) must be at least --audit-hot-days (${hotDays}).`);
  }
  const defaultApp = resolve(cwd, 'out/renderer');
  const appDir =
    f['app-dir'] !== undefined
      ? resolve(cwd, f['app-dir'])
      : existsSync(resolve(defaultApp, 'index.html'))
        ? defaultApp
        : null;
  if (appDir !== null && !existsSync(resolve(appDir, 'index.html'))) {
    throw new UsageError(`--app-dir ${appDir} has no index.html; build the renderer first (npm run build).`);
  }
  return {
    mode: f.help ? 'help' : f['hash-password'] ? 'hash-password' : 'run',
    port: f.port,
    host: f.host,
    dataDir: resolve(cwd, f.data),
    demo: f.demo,
    seed: f.seed,
    speed: f.speed,
    ...(f.units === undefined ? {} : { units: f.units }),
    ...(f['event-rate'] === undefined ? {} : { eventRate: f['event-rate'] }),
    sim: !f['no-sim'],
    preroll: f.demo && !f['no-sim'] && !f['no-preroll'],
    demoPace: f.demo && !f['no-sim'] && !f['no-demo-pace'],
    video: !f['no-video'],
    appDir,
    allowedOrigins: f['allow-origin'],
    ...(f['journal-retention'] === undefined ? {} : { journalRetention: f['journal-retention'] }),
    ...(f['archive-after-hours'] === undefined ? {} : { archiveAfterHours: f['archive-after-hours'] }),
    ...(f['audit-hot-days'] === undefined ? {} : { auditHotDays: f['audit-hot-days'] }),
    ...(f['audit-archive-days'] === undefined ? {} : { auditArchiveDays: f['audit-archive-days'] }),
    ...(f.users === undefined ? {} : { usersFile: resolve(cwd, f.users) }),
    ...(f['secret-file'] === undefined ? {} : { secretFile: resolve(cwd, f['secret-file']) }),
  };
}
