// Proves the layering rules in eslint.config.mjs really fail a violation (and pass clean code),
// by linting probe sources as if they lived at the given paths.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..', '..', '..');

// One ESLint process lints every probe (ESLint's API, which loads the ESM config, in plain Node):
// a process per probe would spend the test's time starting ESLint.
const LINT_PROBES = `
import { ESLint } from 'eslint';
let input = '';
for await (const chunk of process.stdin) input += chunk;
const eslint = new ESLint({ cwd: process.cwd() });
const rules = [];
for (const { path, source } of JSON.parse(input)) {
  const [result] = await eslint.lintText(source, { filePath: path });
  rules.push((result?.messages ?? []).map((m) => m.ruleId ?? 'fatal'));
}
process.stdout.write(JSON.stringify(rules));
`;

/** The rule ids ESLint reports for each probe, in order. */
async function lintAll(probes: { path: string; source: string }[]): Promise<string[][]> {
  const pending = run(process.execPath, ['--input-type=module', '-e', LINT_PROBES], { cwd: root });
  pending.child.stdin?.end(JSON.stringify(probes));
  const { stdout } = await pending;
  return JSON.parse(stdout) as string[][];
}

const cases: [string, string, string][] = [
  [
    'renderer/probe.ts',
    "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n",
    'no-restricted-imports',
  ],
  ['renderer/probe.ts', "import { app } from 'electron';\nexport const x = app;\n", 'no-restricted-imports'],
  ['renderer/probe.ts', "import * as m from 'maplibre-gl';\nexport const x = m;\n", 'no-restricted-imports'],
  [
    'renderer/probe.ts',
    "import { x } from '../sms/core/ports';\nexport const y = x;\n",
    'import-x/no-restricted-paths',
  ],
  ['shared/probe.ts', "import { join } from 'path';\nexport const x = join;\n", 'no-restricted-imports'],
  [
    'shared/probe.ts',
    "import { x } from '../renderer/tsconfig.json';\nexport const y = x;\n",
    'import-x/no-restricted-paths',
  ],
  [
    'electron/probe.ts',
    "import { x } from '../renderer/tsconfig.json';\nexport const y = x;\n",
    'import-x/no-restricted-paths',
  ],
  [
    'sms/probe.ts',
    "import { x } from '../electron/tsconfig.json';\nexport const y = x;\n",
    'import-x/no-restricted-paths',
  ],
  ['sms/probe.test.ts', "describe.only('x', () => {});\n", 'no-restricted-syntax'],
  // Test support stays out of production code, in every production folder.
  ...['shared/probe.ts', 'renderer/probe.tsx', 'sms/probe.ts', 'electron/main/probe.ts', 'scripts/probe.ts'].map(
    (path): [string, string, string] => [path, importRecords(path), 'import-x/no-restricted-paths'],
  ),
  // The preload: shared/ and contextBridge/ipcRenderer only.
  [
    'electron/preload/probe.ts',
    "import { x } from '../main/config';\nexport const y = x;\n",
    'import-x/no-restricted-paths',
  ],
  [
    'electron/preload/probe.ts',
    "import { x } from '../../renderer/tsconfig.json';\nexport const y = x;\n",
    'import-x/no-restricted-paths',
  ],
  [
    'electron/preload/probe.ts',
    "import { shell } from 'electron';\nexport const x = shell;\n",
    'no-restricted-imports',
  ],
  ['electron/preload/probe.ts', "import * as e from 'electron';\nexport const x = e;\n", 'no-restricted-imports'],
  [
    'electron/preload/probe.ts',
    "import { readFileSync } from 'fs';\nexport const x = readFileSync;\n",
    'no-restricted-imports',
  ],
  // Inside the SMS: the core imports no feature; commands and the wall do not import each other.
  ...[
    ['sms/core/probe.ts', '../commands/registry'],
    ['sms/core/probe.ts', '../wall/wall'],
    ['sms/core/probe.ts', '../sim/simulation'],
    ['sms/wall/probe.ts', '../commands/permissions'],
    ['sms/wall/commands/probe.ts', '../../commands/incidentRecords'],
    ['sms/commands/probe.ts', '../wall/wall'],
    ['sms/commands/probe.ts', '../wall/commands/arrange'],
  ].map(([path, from]): [string, string, string] => [
    path!,
    `import * as m from '${from}';\nexport const x = m;\n`,
    'import-x/no-restricted-paths',
  ]),
  // ipcMain outside electron/main/ipc/, however it is reached.
  ...[
    "import { ipcMain } from 'electron';\nexport const x = ipcMain;\n",
    "import * as electron from 'electron';\nexport const x = electron.ipcMain;\n",
    "import electron from 'electron';\nexport const x = electron.ipcMain;\n",
    "import electron from 'electron';\nexport const x = electron['ipcMain'];\n",
    "import electron from 'electron';\nconst { ipcMain } = electron;\nexport const x = ipcMain;\n",
  ].map((source): [string, string, string] => ['electron/main/probe.ts', source, 'no-restricted-syntax']),
];

/** A probe at `path` importing the test record builders. */
function importRecords(path: string): string {
  const up = '../'.repeat(path.split('/').length - 1);
  return `import { aUnit } from '${up}test/support/records';\nexport const x = aUnit;\n`;
}

const accepted: [string, string][] = [
  ['renderer/probe.ts', "import { PROTOCOL_VERSION } from '../shared/protocol';\nexport const v = PROTOCOL_VERSION;\n"],
  // Unit tests beside the code may use test support.
  ...['shared/probe.test.ts', 'renderer/probe.test.tsx', 'sms/probe.test.ts', 'electron/main/probe.test.ts'].map(
    (path): [string, string] => [path, importRecords(path)],
  ),
  [
    'electron/preload/probe.ts',
    [
      "import { contextBridge, ipcRenderer } from 'electron';",
      "import type { IpcRenderer } from 'electron';",
      "import { HOST_BRIDGE_GLOBAL } from '../../shared/host/bridge';",
      'export const x = [contextBridge, ipcRenderer, HOST_BRIDGE_GLOBAL];',
      'export type Y = IpcRenderer;',
      '',
    ].join('\n'),
  ],
  // The registry takes the wall's handler record; the core takes its rules' types from itself.
  ['sms/commands/probe.ts', "import * as m from '../wall/commands/handlers';\nexport const x = m;\n"],
  [
    'sms/core/probe.ts',
    "import { openSqliteStorage } from '../storage/sqlite';\nexport const x = openSqliteStorage;\n",
  ],
  ['electron/main/ipc/probe.ts', "import * as electron from 'electron';\nexport const x = electron.ipcMain;\n"],
];

describe('layering lint rules', () => {
  const probes = [...cases, ...accepted].map(([path, source]) => ({ path, source }));
  const reported = new Map<string, string[]>();
  const key = (path: string, source: string) => `${path}\n${source}`;

  beforeAll(async () => {
    const rules = await lintAll(probes);
    probes.forEach(({ path, source }, i) => reported.set(key(path, source), rules[i] ?? ['missing']));
  }, 120_000);

  it.each(cases)('%s: rejects %p', (path, source, rule) => {
    expect(reported.get(key(path, source))).toContain(rule);
  });

  it.each(accepted)('%s: accepts %p', (path, source) => {
    expect(reported.get(key(path, source))).toEqual([]);
  });
});
