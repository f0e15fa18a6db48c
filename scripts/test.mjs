#!/usr/bin/env node
// `npm test`: the one gate. Installs what a fresh machine lacks, then runs format check,
// type-check, lint (zero warnings), the dead-code check (knip), the renderer build, and every
// Jest project, and ends with the summary line CI reads: `N passed, N failed[, N skipped]`
// (gate steps count as tests).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const cache = join(root, '.cache');
// Tools run through node and their package's entry file: npm 11 may leave a .bin shim non-executable.
const TOOLS = {
  prettier: 'prettier/bin/prettier.cjs',
  tsc: 'typescript/bin/tsc',
  eslint: 'eslint/bin/eslint.js',
  vite: 'vite/bin/vite.js',
  jest: 'jest/bin/jest.js',
  knip: 'knip/bin/knip.js',
};
const tool = (name, args, opts) => sh(process.execPath, [join(root, 'node_modules', TOOLS[name]), ...args], opts);
const only = process.argv.slice(2); // optional: step names to run, e.g. `npm test -- unit e2e`

function sh(cmd, args, opts = {}) {
  const res = spawnSync(cmd, args, { cwd: root, stdio: 'inherit', ...opts });
  return res.status ?? 1;
}

function mtime(path) {
  try {
    return statSync(path).mtimeMs;
  } catch {
    return 0;
  }
}

function ensureNodeModules() {
  const marker = join(root, 'node_modules', '.package-lock.json');
  if (existsSync(marker) && mtime(marker) >= mtime(join(root, 'package-lock.json'))) return;
  console.log('== installing node modules (npm ci)');
  if (sh('npm', ['ci', '--no-audit', '--no-fund']) !== 0) {
    console.error('npm ci failed: install Node 20 and npm 11 and make the npm registry reachable, then retry.');
    process.exit(1);
  }
}

function ensureBrowser() {
  if (existsSync('/usr/bin/chromium') && existsSync('/usr/bin/xvfb-run')) return;
  if (process.getuid?.() !== 0) {
    console.error('The browser tests need Debian chromium and xvfb: run `sudo apt-get install -y chromium xvfb`.');
    process.exit(1);
  }
  console.log('== installing chromium and xvfb (apt-get)');
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  sh('apt-get', ['update', '-qq'], { env });
  if (sh('apt-get', ['install', '-y', '-qq', 'chromium', 'xvfb', 'fonts-dejavu-core'], { env }) !== 0) {
    console.error('apt-get could not install chromium and xvfb; install them and retry.');
    process.exit(1);
  }
}

/** Runs Jest for some projects and returns its counts from the JSON report. */
function jest(name, projects, extra = []) {
  const out = join(cache, `jest-${name}.json`);
  rmSync(out, { force: true });
  tool('jest', ['--selectProjects', ...projects, '--json', '--outputFile', out, ...extra]);
  if (!existsSync(out)) return { passed: 0, failed: 1, skipped: 0, note: `${name}: jest produced no report` };
  const r = JSON.parse(readFileSync(out, 'utf8'));
  // A suite that failed to run (syntax error, crash in beforeAll) has no failing test: count it.
  const brokenSuites = r.testResults.filter((s) => s.status === 'failed' && s.assertionResults.length === 0).length;
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + brokenSuites,
    skipped: r.numPendingTests + r.numTodoTests,
  };
}

/**
 * Unused files, exports and dependencies (knip.json): once over everything, tests included, then
 * over production code alone, where an export only a test imports is dead code too. Dependencies
 * are judged by the first pass (the second sees only the `start` script).
 */
function deadCode() {
  const all = tool('knip', ['--no-progress', '--no-config-hints']);
  const production = tool('knip', ['--no-progress', '--production', '--exclude', 'dependencies']);
  return all === 0 && production === 0 ? 0 : 1;
}

const steps = [
  { name: 'format', run: () => tool('prettier', ['--check', '--log-level', 'warn', '.']) },
  { name: 'typecheck', run: () => tool('tsc', ['-b']) },
  { name: 'lint', run: () => tool('eslint', ['.', '--max-warnings', '0']) },
  { name: 'deadcode', run: deadCode },
  { name: 'build', run: () => tool('vite', ['build', '--config', 'renderer/vite.config.mts', '--logLevel', 'warn']) },
  { name: 'unit', jest: () => jest('unit', ['unit', 'integration']) },
  { name: 'e2e', jest: () => jest('e2e', ['e2e'], ['--runInBand']), needsBrowser: true },
];

ensureNodeModules();
mkdirSync(cache, { recursive: true });
const selected = only.length ? steps.filter((s) => only.includes(s.name)) : steps;
if (selected.some((s) => s.needsBrowser)) ensureBrowser();

const total = { passed: 0, failed: 0, skipped: 0 };
const lines = [];
for (const step of selected) {
  console.log(`\n== ${step.name}`);
  const started = Date.now();
  if (step.jest) {
    const r = step.jest();
    total.passed += r.passed;
    total.failed += r.failed;
    total.skipped += r.skipped;
    lines.push(
      `${step.name}: ${r.passed} passed, ${r.failed} failed, ${r.skipped} skipped${r.note ? ` (${r.note})` : ''}`,
    );
  } else {
    const ok = step.run() === 0;
    total[ok ? 'passed' : 'failed'] += 1;
    lines.push(`${step.name}: ${ok ? 'ok' : 'FAILED'}`);
  }
  lines[lines.length - 1] += ` [${((Date.now() - started) / 1000).toFixed(0)} s]`;
}

const summary = `${total.passed} passed, ${total.failed} failed` + (total.skipped ? `, ${total.skipped} skipped` : '');
writeFileSync(join(cache, 'test-summary.json'), JSON.stringify({ ...total, steps: lines, summary }, null, 2));
console.log('\n== summary');
for (const line of lines) console.log(`  ${line}`);
console.log(summary);
process.exit(total.failed === 0 && total.passed > 0 ? 0 : 1);
