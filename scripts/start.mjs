#!/usr/bin/env node
// `npm start` on a fresh clone: install what is missing, build the renderer when its sources
// changed, run the embedded SMS in demo mode, then open the app: in Electron when its runtime
// is present, else in the browser host (Chromium as an app window, or a URL to open).
// Plain Node ESM with built-ins only, because it must run before `npm install` has.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const PORT = process.env.JCCR_PORT ?? '7300';
const DATA_DIR = '.data/demo';
const RENDERER_OUT = 'out/renderer';
const CHROMIUM = '/usr/bin/chromium';
const DEMO_USERS = ['dispatcher', 'supervisor', 'commander', 'viewer', 'admin'];
const DEMO_PASSWORD = 'jccr-demo';
const SMS_START_TIMEOUT_MS = 120_000;
const STOP_GRACE_MS = 10_000;

const at = (...parts) => path.join(ROOT, ...parts);
const say = (text) => console.log(`[start] ${text}`);

/** Children to stop on the way out, in order: the app window first, then the SMS. */
const children = [];
let profileDir = null;
let stopping = false;

main().catch((error) => {
  console.error(`[start] ${error instanceof Error ? error.message : String(error)}`);
  void stop(1);
});

async function main() {
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));
  // Should this process die any other way, take the children down with it.
  process.on('exit', () => children.forEach(({ child }) => child.exitCode === null && child.kill('SIGKILL')));

  if (needsInstall()) {
    say('Installing node modules (npm install)…');
    run(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['install', '--no-audit', '--no-fund']);
  }
  if (needsRendererBuild()) {
    say('Building the renderer…');
    // Production React whatever NODE_ENV the shell happens to have.
    run(process.execPath, [at('node_modules/vite/bin/vite.js'), 'build', '--config', 'renderer/vite.config.mts'], {
      ...process.env,
      NODE_ENV: 'production',
    });
  }

  const url = await startSms();
  say(`SMS (demo mode) at ${url}, data in ${DATA_DIR}`);
  say(`Browser windows by role: ${url}/?role=console, map, wall or command (no role: every surface in one window)`);
  say(`Demo users, password ${DEMO_PASSWORD}: ${DEMO_USERS.join(', ')}`);

  const electron = electronBinary();
  if (electron) {
    say('Building the Electron main process and preload…');
    run(process.execPath, [at('node_modules/electron-vite/bin/electron-vite.js'), 'build']);
    watch('Electron', spawn(electron, ['.', `--sms-url=${url}`], { cwd: ROOT, stdio: 'inherit', detached: true }));
    return;
  }
  say(
    'The Electron runtime is not installed (node_modules/electron/dist is missing and cannot be downloaded here), ' +
      'so JCCR opens in the browser host instead.',
  );
  if (process.env.DISPLAY && existsSync(CHROMIUM)) {
    mkdirSync(at('.data'), { recursive: true });
    profileDir = mkdtempSync(at('.data', 'chromium-profile-'));
    const args = [`--app=${url}/`, `--user-data-dir=${profileDir}`, '--no-first-run', '--no-default-browser-check'];
    // Chromium refuses to run as root with its sandbox on.
    if (process.getuid?.() === 0) args.push('--no-sandbox');
    say(`Opening ${url} in Chromium. Close its window or press Ctrl-C to stop.`);
    watch('Chromium', spawn(CHROMIUM, args, { cwd: ROOT, stdio: 'ignore', detached: true }));
  } else {
    say(`Open ${url} in a browser (user dispatcher, password ${DEMO_PASSWORD}). Press Ctrl-C to stop.`);
  }
}

/** node_modules is missing, or older than package-lock.json. */
function needsInstall() {
  const marker = at('node_modules/.package-lock.json');
  if (!existsSync(marker)) return true;
  return statSync(marker).mtimeMs < statSync(at('package-lock.json')).mtimeMs;
}

/** out/renderer is missing, or older than anything the bundle is built from. */
function needsRendererBuild() {
  const built = at(RENDERER_OUT, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  const sources = [at('renderer'), at('shared'), at('package-lock.json')];
  return sources.some((source) => newestMtime(source) > builtAt);
}

function newestMtime(file) {
  const stat = statSync(file);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(file)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(path.join(file, entry)));
  }
  return newest;
}

/** Runs a build step in the foreground; a failure ends `npm start` with its output shown. */
function run(command, args, env = process.env) {
  const result = spawnSync(command, args, { cwd: ROOT, stdio: 'inherit', env });
  if (result.error) throw new Error(`${path.basename(command)} could not start: ${result.error.message}`);
  if (result.status !== 0)
    throw new Error(`${path.basename(command)} ${args.join(' ')} failed (exit ${result.status}).`);
}

/** Starts the SMS and resolves with its URL once it prints its listening line. */
function startSms() {
  const args = ['sms/main.ts', '--demo', '--port', PORT, '--data', DATA_DIR, '--app-dir', RENDERER_OUT];
  // Its own process group: Ctrl-C reaches only this script, which then stops the SMS once,
  // with SIGTERM, after the app window (so the SMS can flush its journal undisturbed).
  const child = spawn(at('node_modules/.bin/tsx'), args, {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    detached: true,
  });
  watch('SMS', child);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error('The SMS did not report that it was listening within 2 minutes.')),
      SMS_START_TIMEOUT_MS,
    );
    child.once('exit', () => reject(new Error('The SMS stopped before it was listening (see its output above).')));
    createInterface({ input: child.stdout }).on('line', (line) => {
      console.log(`[sms] ${line}`);
      const match = /SMS listening on (https?:\/\/\S+)/.exec(line);
      if (match) {
        clearTimeout(timer);
        resolve(match[1].replace(/\/$/, ''));
      }
    });
  });
}

/** Electron's executable, if its runtime was downloaded; never the package's getter, which tries to download. */
function electronBinary() {
  const pathFile = at('node_modules/electron/path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = at('node_modules/electron/dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Stops everything when a child we depend on ends. */
function watch(name, child) {
  children.unshift({ name, child });
  child.on('error', (error) => {
    console.error(`[start] ${name} could not start: ${error.message}`);
    void stop(1);
  });
  child.on('exit', (code, signal) => {
    if (stopping) return;
    say(`${name} ended (${signal ?? `exit ${code}`}); stopping.`);
    void stop(code === 0 || signal === 'SIGTERM' ? 0 : 1);
  });
}

/** Stops the children in order, each with SIGTERM and then, after a grace period, SIGKILL. */
async function stop(code) {
  if (stopping) return;
  stopping = true;
  for (const { name, child } of children) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    say(`Stopping ${name}…`);
    const ended = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    const timer = setTimeout(() => child.kill('SIGKILL'), STOP_GRACE_MS);
    await ended;
    clearTimeout(timer);
  }
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  process.exit(code);
}
