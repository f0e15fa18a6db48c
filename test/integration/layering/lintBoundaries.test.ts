// Proves the layering rules in eslint.config.mjs really fail a violation (and pass clean code),
// by linting probe sources as if they lived at the given paths.
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '..', '..', '..');
const eslint = join(root, 'node_modules', 'eslint', 'bin', 'eslint.js');

async function lintAs(path: string, source: string): Promise<string[]> {
  const pending = run(process.execPath, [eslint, '--stdin', '--stdin-filename', path, '--format', 'json'], {
    cwd: root,
  });
  pending.child.stdin?.end(source);
  // eslint exits 1 when it reports errors; its JSON is on stdout either way.
  const { stdout } = await pending.catch((error: { stdout?: string }) => ({ stdout: error.stdout ?? '[]' }));
  const [result] = JSON.parse(stdout) as { messages: { ruleId: string | null }[] }[];
  return (result?.messages ?? []).map((m) => m.ruleId ?? 'fatal');
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
];

describe('layering lint rules', () => {
  jest.setTimeout(60_000);

  it.each(cases)('%s: rejects %p', async (path, source, rule) => {
    expect(await lintAs(path, source)).toContain(rule);
  });

  it('accepts the renderer importing shared/', async () => {
    const rules = await lintAs(
      'renderer/probe.ts',
      "import { PROTOCOL_VERSION } from '../shared/protocol';\nexport const v = PROTOCOL_VERSION;\n",
    );
    expect(rules).toEqual([]);
  });
});
