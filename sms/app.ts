import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { join, resolve } from 'node:path';
import { createLoginLimits } from './auth/loginLimits';
import type { RateLimit } from './auth/rateLimit';
import { resolveSecret } from './auth/secret';
import { createAuth, type AuthService, type Revocation } from './auth/sessions';
import { ConfigError, demoUsers, readUsersFile, syncUsers, type ConfiguredUser } from './auth/users';
import { watchUsersFile, type UsersReload } from './auth/usersReload';
import { startAuditRetention } from './core/auditRetention';
import { acceleratedClock } from './core/clock';
import { SMS_COMMANDS } from './commands/commandRules';
import { createCore, type SmsCoreService } from './core/core';
import { stderrLogger, type Logger } from './core/log';
import { createHttpServer, ELECTRON_APP_ORIGIN } from './http/server';
import { attachSocketServer } from './socket/server';
import { openSqliteStorage } from './storage/sqlite';
import { ROOM_WALL_ID } from '../shared/domain/wallRules';
import { IncidentSchema } from '../shared/protocol';
import { startWallAlarms } from './wall/alarms';
import { camerasOnWall } from './wall/camerasOnWall';
import { createHlsAccess, type Viewer } from './wall/hlsAccess';
import { startWallTours } from './wall/tourTimer';
import type { Storage } from './storage/storage';
// A type only: the simulator itself is loaded when wanted.
import type { Prerolled } from './sim/index';

/** How to run an SMS: what `main.ts` builds from flags, and what tests and benchmarks pass directly. */
export interface SmsOptions {
  /** 0 (default) picks a free port. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Folder of `sms.sqlite` (created if needed); null keeps everything in memory. */
  dataDir: string | null;
  /** Demo users (one per role, password `jccr-demo`) and a generated secret kept in the data folder. */
  demo?: boolean;
  /** Run the City of London simulator (default false). */
  sim?: boolean;
  seed?: number;
  /** Simulated seconds per real second; also the SMS clock's speed while the simulator runs. */
  speed?: number;
  units?: number;
  eventRate?: number;
  /**
   * Open a fresh City mid-shift: the simulator computes the hours before now, so that the room
   * starts with incidents running, units committed and alerts waiting (sms/sim/preroll.ts).
   * Only when the simulator seeds a new world (never over a data folder that has one) and not
   * in load mode (`eventRate`). Default false: tests start from an empty City; `--demo` turns it on.
   */
  preroll?: boolean;
  /**
   * The demo's pace: the workload model's arrivals faster, with a floor at quiet hours, so that
   * the room changes within a minute or two at any hour (sms/sim/workload/demoPace.ts). Default
   * false: the model's real rates; `--demo` turns it on.
   */
  demoPace?: boolean;
  /** Serve synthetic HLS for the cameras (default false). */
  video?: boolean;
  /** Where encoded video loops are cached (default `<dataDir>/hls-cache`, or `.cache/hls` in memory mode). */
  videoCacheDir?: string;
  /** Encode every camera's loops at start rather than on first request. */
  videoPrewarm?: boolean;
  /** A built renderer to serve at `/`; default `out/renderer` when it exists; null for none. */
  appDir?: string | null;
  /** Origins besides the SMS's own whose pages may call `/api` (CORS); the Electron app's is always allowed. */
  allowedOrigins?: readonly string[];
  journalRetention?: number;
  /**
   * How long after its latest change a closed incident or a handled alert leaves the live state
   * (default 8 h of the SMS clock); it stays in the database, found by `GET /api/history/…`.
   */
  archiveAfterMs?: number;
  /**
   * Days audit records stay in the database (default 90); older ones move to
   * `<dataDir>/audit-archive/YYYY-MM.jsonl.gz`, or are deleted in memory mode (sms/core/auditRetention.ts).
   */
  auditHotDays?: number;
  /** Days archived audit records are kept (default 2557, seven years). */
  auditArchiveDays?: number;
  /** Users file (see sms/auth/users.ts). */
  usersFile?: string;
  /** Users given directly (tests), in addition to the file's. */
  users?: readonly ConfiguredUser[];
  secretFile?: string;
  /** The token secret itself (tests, benchmarks); otherwise `secretFile`, env `JCCR_SMS_SECRET`, or demo. */
  secret?: string;
  /** Session length, slid forward by each renewal (default 12 h). */
  tokenTtlMs?: number;
  /** Longest a session lasts however often it is renewed (default 7 days). */
  sessionMaxAgeMs?: number;
  /** Per-connection command rate (default 20/s, burst 50). */
  commandRate?: RateLimit;
  /** Commands of one user across all of their connections (default 40/s, burst 100). */
  userCommandRate?: RateLimit;
  /** Login attempts per client IP (default 1 every 2 s, burst 20). */
  loginRate?: RateLimit;
  /** Failed logins per account, from any IP (default burst 10, then 1 every 30 s). */
  accountLoginRate?: RateLimit;
  /** How often the users file is polled for changes (default 2 s). */
  usersPollMs?: number;
  /** The SMS clock (default: wall clock, accelerated by `speed` while the simulator runs). */
  clock?: () => number;
  logger?: Logger;
}

/** A running SMS. */
export interface RunningSms {
  /** Base URL, e.g. `http://127.0.0.1:41234`. */
  url: string;
  port: number;
  core: SmsCoreService;
  /** What the pre-roll computed before listening (null when it did not run). */
  prerolled: { hours: number; tookMs: number } | null;
  /**
   * Reads the users file again (SIGHUP): sessions of users removed, disabled or given another
   * role are revoked. Resolves false, with the users unchanged, when the file is unusable.
   */
  reloadUsers(): Promise<boolean>;
  /** Stops accepting, disconnects clients, stops the simulator, flushes and closes the store. */
  close(): Promise<void>;
}

/** How often ended sessions are swept from memory and, long ended, from the store. */
const SESSION_SWEEP_MS = 10 * 60_000;

/**
 * The users the SMS should have; production needs a users file (or given users), demo adds its
 * own (`demo`, made once at start so that a reload does not hash them again).
 */
async function configuredUsers(opts: SmsOptions, demo: readonly ConfiguredUser[]): Promise<ConfiguredUser[]> {
  const fromFile = opts.usersFile === undefined ? [] : await readUsersFile(opts.usersFile);
  const given = [...fromFile, ...(opts.users ?? [])];
  const named = new Set(given.map((u) => u.username));
  return [...demo.filter((u) => !named.has(u.username)), ...given];
}

/** The signed-in user a request's bearer token speaks for, or null. */
function viewerOf(auth: AuthService, authorization: string | undefined): Viewer | null {
  const token = /^Bearer (\S+)$/.exec(authorization ?? '')?.[1];
  const checked = token === undefined ? null : auth.verify(token);
  return checked?.ok
    ? { userId: checked.session.userId, username: checked.session.username, role: checked.session.role }
    : null;
}

function urlOf(host: string, port: number): string {
  const h = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host.includes(':') ? `[${host}]` : host;
  return `http://${h}:${port}`;
}

/**
 * The composition root: store, core, auth, HTTP, socket.io, and (when enabled) the simulator
 * and the synthetic video. Refuses with a `ConfigError` outside demo mode without users and a secret.
 */
export async function startSms(opts: SmsOptions): Promise<RunningSms> {
  const logger = opts.logger ?? stderrLogger();
  const demo = opts.demo ?? false;
  const hasUsers = opts.usersFile !== undefined || (opts.users?.length ?? 0) > 0;
  const envSecret = process.env.JCCR_SMS_SECRET;
  const hasSecret = opts.secret !== undefined || opts.secretFile !== undefined || (envSecret ?? '') !== '';
  if (!demo && (!hasUsers || !hasSecret)) {
    throw new ConfigError(
      'Production mode needs configured users (--users <file>) and a token secret (--secret-file <file> or JCCR_SMS_SECRET); use --demo for a demonstration SMS.',
    );
  }
  if (opts.dataDir !== null) await mkdir(opts.dataDir, { recursive: true });
  const secret =
    opts.secret ??
    (await resolveSecret({
      ...(opts.secretFile === undefined ? {} : { secretFile: opts.secretFile }),
      ...(envSecret === undefined ? {} : { env: envSecret }),
      dataDir: opts.dataDir,
      demo,
    }));
  if (secret === null) throw new ConfigError('No token secret is configured.');
  const demoList = demo ? await demoUsers() : [];
  const users = await configuredUsers(opts, demoList);

  const storage: Storage = openSqliteStorage(opts.dataDir === null ? ':memory:' : join(opts.dataDir, 'sms.sqlite'));
  const cleanups: (() => Promise<void> | void)[] = [() => storage.close()];
  const cleanUp = async () => {
    for (const c of cleanups.reverse()) {
      try {
        await c();
      } catch (e) {
        logger.error('shutdown step failed', e);
      }
    }
  };
  try {
    const synced = await syncUsers(storage, users);
    let clock: () => number = opts.clock ?? Date.now;
    // While the simulator pre-rolls the shift, the SMS clock runs on its virtual time.
    let prerollNow: number | null = null;
    // Incidents created without an address or ward get them from the City's geodata.
    const { loadPlaceDescriber } = await import('./sim/world/describePlace');
    const describePlace = loadPlaceDescriber();
    const core = createCore({
      storage,
      commands: SMS_COMMANDS,
      describePlace,
      clock: () => prerollNow ?? clock(),
      ...(opts.journalRetention === undefined ? {} : { journalRetention: opts.journalRetention }),
      ...(opts.archiveAfterMs === undefined ? {} : { archiveAfterMs: opts.archiveAfterMs }),
      logger,
    });
    cleanups.push(() => core.close());
    const auditRetention = startAuditRetention({
      storage,
      archiveDir: opts.dataDir === null ? null : join(opts.dataDir, 'audit-archive'),
      ...(opts.auditHotDays === undefined ? {} : { hotDays: opts.auditHotDays }),
      ...(opts.auditArchiveDays === undefined ? {} : { archiveDays: opts.auditArchiveDays }),
      log: logger,
    });
    cleanups.push(() => auditRetention.stop());
    if (opts.clock === undefined && opts.sim && (opts.speed ?? 1) !== 1) {
      const lastTs = core.readEvents(Math.max(0, core.seq - 1), 1)[0]?.ts ?? 0;
      clock = acceleratedClock(opts.speed ?? 1, lastTs + 1);
    }

    // A session ended by the SMS (not a sign-out, audited as session.logout) is audited with why.
    const auditRevocation = (r: Revocation) => {
      if (r.why === 'logout') return;
      core.audit([
        {
          at: new Date(core.now()).toISOString(),
          userId: r.userId,
          username: r.username,
          role: r.role,
          action: 'session.revoked',
          targetId: null,
          result: 'ok',
          reason: r.why,
          detail: JSON.stringify({ session: r.sessionId, why: r.why }),
        },
      ]);
    };
    const auth = createAuth({
      users: synced.users,
      disabled: synced.disabled,
      store: storage,
      secret,
      onRevoked: auditRevocation,
      ...(opts.tokenTtlMs === undefined ? {} : { tokenTtlMs: opts.tokenTtlMs }),
      ...(opts.sessionMaxAgeMs === undefined ? {} : { sessionMaxAgeMs: opts.sessionMaxAgeMs }),
    });
    const sweep = setInterval(() => auth.sweep(), SESSION_SWEEP_MS);
    sweep.unref();
    cleanups.push(() => clearInterval(sweep));
    // The users file is read again when it changes and on SIGHUP (sms/main.ts).
    const applyUsers = async () => {
      const next = await syncUsers(storage, await configuredUsers(opts, demoList));
      auth.setUsers(next.users, next.disabled);
    };
    let usersReload: UsersReload | null = null;
    if (opts.usersFile !== undefined) {
      usersReload = watchUsersFile({
        path: opts.usersFile,
        apply: applyUsers,
        logger,
        ...(opts.usersPollMs === undefined ? {} : { pollMs: opts.usersPollMs }),
      });
      const watching = usersReload;
      cleanups.push(() => watching.close());
    }
    const appDir =
      opts.appDir !== undefined
        ? opts.appDir
        : existsSync(resolve('out/renderer/index.html'))
          ? resolve('out/renderer')
          : null;
    const app = await createHttpServer({
      core,
      auth,
      loginLimits: createLoginLimits({
        ...(opts.loginRate === undefined ? {} : { perIp: opts.loginRate }),
        ...(opts.accountLoginRate === undefined ? {} : { perAccount: opts.accountLoginRate }),
      }),
      queryAudit: (q) => storage.queryAudit(q),
      readIncidentLog: (id, before, limit, maxChars) => storage.readRecordLog('incident', id, before, limit, maxChars),
      archivedIncident: (id) => {
        const stored = IncidentSchema.safeParse(storage.findArchived('incident', id));
        return stored.success ? stored.data : undefined;
      },
      searchHistory: (kind, search) => storage.searchHistory(kind, search),
      appDir,
      allowedOrigins: [ELECTRON_APP_ORIGIN, ...(opts.allowedOrigins ?? [])],
      logger,
    });
    cleanups.push(() => app.close());

    if (opts.video) {
      // Loaded only when wanted: it brings ffmpeg along. Video runs on the wall clock even when the
      // simulation runs faster, or the live edge would run away from every player.
      const { registerHls } = await import('./video/index');
      // PTZ cameras' live pictures follow their ptzState: a live encode per watched stream (issue 15).
      const { createPtzLiveSources } = await import('./video/ptz/index');
      const ptz = createPtzLiveSources({ cameras: () => core.cameras.values(), log: logger });
      cleanups.push(() => ptz.close());
      // Reason for viewing, enforced on the streams themselves (see sms/wall/hlsAccess.ts).
      const hlsAccess = createHlsAccess({
        camera: (id) => core.cameras.get(id),
        queryAudit: (query) => storage.queryAudit(query),
        now: () => core.now(),
      });
      const video = await registerHls(app, {
        cacheDir:
          opts.videoCacheDir ?? (opts.dataDir === null ? resolve('.cache/hls') : join(opts.dataDir, 'hls-cache')),
        cameras: () => core.cameras.values(),
        now: Date.now,
        prewarm: opts.videoPrewarm ?? false,
        // The room wall's cameras first: the wall window plays as soon as it opens.
        prewarmFirst: () => camerasOnWall(core.walls.get(ROOM_WALL_ID)),
        access: {
          viewer: (req) => viewerOf(auth, req.headers.authorization),
          mayView: (viewer, target) => hlsAccess(viewer, target),
        },
        // Segment grants are keyed from the token secret, so they survive a restart that keeps it.
        grantSecret: secret,
        liveSources: (camera, stream) => ptz.sourceFor(camera, stream),
      });
      cleanups.push(() => video.close());
    }

    const sockets = attachSocketServer(app.server, {
      core,
      auth,
      ...(opts.commandRate === undefined ? {} : { commandRate: opts.commandRate }),
      ...(opts.userCommandRate === undefined ? {} : { userCommandRate: opts.userCommandRate }),
      logger,
    });
    cleanups.push(() => sockets.close());
    cleanups.push(startWallAlarms(core));
    cleanups.push(startWallTours(core, (e) => logger.error('wall tour step failed', e)));

    // Loaded only when wanted: the simulator reads the City's street network at start.
    const sim = opts.sim ? await import('./sim/index') : null;
    const seed = opts.seed ?? 1;
    const freshCity = sim && core.units.size === 0 && core.cameras.size === 0 && core.servicePoints.size === 0;
    const pace = sim && opts.demoPace ? sim.DEMO_PACE : undefined;
    let prerolled: Prerolled | null = null;
    // The wall is on: a fresh City's room wall shows its key cameras (once: a restart keeps what the room made of it).
    const seedWall = freshCity ? (await import('./sim/scenario/wallSeed')).seedScenarioWall : null;
    if (sim && freshCity && opts.preroll && opts.eventRate === undefined) {
      prerolled = sim.prerollCity(core, {
        seed,
        units: opts.units,
        pace,
        end: core.now(),
        setNow: (ms) => (prerollNow = ms),
        // The wall before the shift's alerts, whose cameras go to its alarm tile.
        afterSeed: () => seedWall?.(core, { speed: opts.speed }),
      });
      logger.info(
        `pre-rolled ${sim.PREROLL_HOURS} h of the shift in ${prerolled.tookMs} ms (${core.incidents.size} incidents, ${core.alerts.size} alerts)`,
      );
    } else {
      if (sim && freshCity) core.seed(sim.createScenario({ seed, units: opts.units, now: core.now() }));
      seedWall?.(core, { speed: opts.speed });
    }

    const host = opts.host ?? '127.0.0.1';
    await app.listen({ port: opts.port ?? 0, host });
    const port = (app.server.address() as AddressInfo).port;

    if (sim) {
      const simulation = sim.startSimulation(core, {
        seed,
        speed: opts.speed ?? 1,
        eventRate: opts.eventRate,
        pace,
        simulation: prerolled?.simulation,
        onError: (e) => logger.error('simulation tick failed', e),
      });
      cleanups.push(() => simulation.stop());
    }

    let closing: Promise<void> | null = null;
    return {
      url: urlOf(host, port),
      port,
      core,
      prerolled: prerolled && { hours: sim?.PREROLL_HOURS ?? 0, tookMs: prerolled.tookMs },
      reloadUsers: () =>
        usersReload
          ? usersReload.reload('reload asked')
          : applyUsers().then(
              () => true,
              (e: unknown) => {
                logger.error('users not reloaded', e);
                return false;
              },
            ),
      close: () => (closing ??= cleanUp()),
    };
  } catch (e) {
    await cleanUp();
    throw e;
  }
}
