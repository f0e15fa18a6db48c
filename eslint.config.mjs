// One gate for style and architecture. The import rules below are the project's layering:
// a violation fails `npm test` (see scripts/test.mjs, which runs eslint with --max-warnings 0).
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import importX, { createNodeResolver } from 'eslint-plugin-import-x';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import { builtinModules } from 'node:module';

const nodeBuiltins = [...builtinModules, ...builtinModules.map((m) => `node:${m}`)];

/** Heavy libraries, each owned by one capability folder (STYLE.md §3). */
const owned = [
  {
    name: 'maplibre-gl',
    owner: 'renderer/map/**',
    message: 'Only the map feature (renderer/map/) imports maplibre-gl.',
  },
  { name: 'hls.js', owner: 'renderer/video/**', message: 'Only the video feature (renderer/video/) imports hls.js.' },
  {
    name: 'socket.io-client',
    owner: 'renderer/connection/**',
    message: 'Only the connection module (renderer/connection/) imports socket.io-client.',
  },
];

const restrictedForRenderer = (except) => [
  'error',
  {
    paths: [
      ...nodeBuiltins.map((name) => ({ name, message: 'The renderer never touches Node: use the host bridge.' })),
      { name: 'electron', message: 'The renderer never touches Electron: use the host bridge.' },
      ...owned.filter((o) => o.name !== except).map(({ name, message }) => ({ name, message })),
    ],
  },
];

/** Which folder may import which (STYLE.md §2). */
const layers = [
  {
    target: './shared',
    from: ['./electron', './renderer', './sms', './scripts'],
    message: 'shared/ imports nothing from the other folders.',
  },
  { target: './renderer', from: ['./electron', './sms'], message: 'The renderer imports shared/ only.' },
  { target: './electron', from: ['./renderer', './sms'], message: 'Electron never imports the renderer.' },
  {
    target: './electron/preload',
    from: ['./electron/main'],
    message: 'The preload is the narrow bridge: shared/ and contextBridge/ipcRenderer only, nothing of main.',
  },
  { target: './sms', from: ['./renderer', './electron'], message: 'The SMS imports shared/ only.' },
];

/**
 * Inside the SMS, dependencies point one way: features (commands, wall, sim, transports) build on
 * the core, which is handed its command rules by sms/app.ts; commands and the wall meet only in
 * the registry, which takes the wall's handler record.
 */
const smsFeatures = [
  {
    target: './sms/core',
    from: ['./sms/commands', './sms/wall', './sms/sim', './sms/http', './sms/socket', './sms/video', './sms/auth'],
    message: 'The core imports no SMS feature: sms/app.ts hands it the command rules.',
  },
  { target: './sms/wall', from: ['./sms/commands'], message: 'The wall never imports sms/commands (no cycle).' },
  {
    target: './sms/commands',
    from: ['./sms/wall'],
    except: ['./commands/handlers.ts'],
    message: 'sms/commands reaches the wall only through its handler record (sms/wall/commands/handlers.ts).',
  },
];

/** Test builders and rigs live under test/, so no production bundle or tsconfig can reach them. */
const productionNeverImportsTests = {
  target: ['./shared', './renderer', './electron', './sms', './scripts', './build'],
  from: ['./test'],
  message: 'Production code never imports test support: only the *.test.* files beside it may.',
};

const noFocusedOrSkippedTests = [
  'error',
  {
    selector:
      'CallExpression[callee.object.name=/^(describe|it|test)$/][callee.property.name=/^(only|skip|todo)$/], CallExpression[callee.name=/^(fdescribe|fit|xdescribe|xit|xtest)$/]',
    message: 'Focused or skipped tests are not allowed.',
  },
];

export default tseslint.config(
  {
    ignores: ['node_modules/', 'out/', 'dist/', 'release/', '.cache/', '.data/', 'coverage/', 'data/'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    plugins: { 'import-x': importX },
    languageOptions: { globals: { ...globals.es2023 } },
    // Resolve TypeScript sources so the layering zones see through extension-less imports.
    settings: {
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.js', '.mjs', '.json'] })],
    },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-restricted-syntax': noFocusedOrSkippedTests,
      'import-x/no-restricted-paths': ['error', { zones: [...layers, ...smsFeatures, productionNeverImportsTests] }],
    },
  },
  {
    // Tests beside the code keep the layering but may use test support (test/support/, test/integration/support/).
    files: ['**/*.test.{ts,tsx}'],
    rules: { 'import-x/no-restricted-paths': ['error', { zones: layers }] },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'shared/ runs anywhere: no Node.' })),
            { name: 'electron', message: 'shared/ runs anywhere: no Electron.' },
            ...owned.map(({ name }) => ({ name, message: 'shared/ holds the protocol and pure rules only.' })),
            { name: 'react', message: 'shared/ holds the protocol and pure rules only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': restrictedForRenderer(null),
    },
  },
  ...owned.map((o) => ({
    files: [o.owner],
    rules: { 'no-restricted-imports': restrictedForRenderer(o.name) },
  })),
  {
    files: ['renderer/vite.config.mts'],
    rules: { 'no-restricted-imports': 'off' },
    languageOptions: { globals: { ...globals.node } },
  },
  {
    // However ipcMain is reached: named import, `electron.ipcMain` on a namespace or default
    // import (or `electron['ipcMain']`), or destructured from the module object.
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc/**'],
    rules: {
      'no-restricted-syntax': [
        ...noFocusedOrSkippedTests,
        ...[
          "ImportSpecifier[imported.name='ipcMain']",
          "MemberExpression[property.name='ipcMain']",
          "MemberExpression[property.value='ipcMain']",
          "ObjectPattern > Property[key.name='ipcMain']",
        ].map((selector) => ({
          selector,
          message: 'Handle IPC only through the validating wrapper in electron/main/ipc/.',
        })),
      ],
    },
  },
  {
    // The sandboxed preload can require only `electron`, and exposes the typed bridge through
    // contextBridge over ipcRenderer: no Node, no other Electron API, no namespace import.
    files: ['electron/preload/**/*.ts'],
    ignores: ['electron/preload/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            ...nodeBuiltins.map((name) => ({ name, message: 'A sandboxed preload cannot require Node modules.' })),
            {
              name: 'electron',
              allowImportNames: ['contextBridge', 'ipcRenderer', 'IpcRenderer', 'IpcRendererEvent'],
              message: 'The preload uses only contextBridge and ipcRenderer from electron.',
            },
            ...owned.map(({ name }) => ({ name, message: 'The preload is the narrow bridge: no UI libraries.' })),
            { name: 'react', message: 'The preload is the narrow bridge: no UI libraries.' },
          ],
        },
      ],
    },
  },
  {
    files: ['sms/**/*.ts', 'electron/**/*.ts', 'scripts/**/*.{ts,mjs,js}', 'test/**/*.ts', '*.{js,mjs,cjs,ts}'],
    languageOptions: { globals: { ...globals.node } },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'test/**/*.ts'],
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
  },
);
