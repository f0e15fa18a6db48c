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
      'import-x/no-restricted-paths': [
        'error',
        {
          zones: [
            {
              target: './shared',
              from: ['./electron', './renderer', './sms', './test', './scripts'],
              message: 'shared/ imports nothing from the other folders.',
            },
            { target: './renderer', from: ['./electron', './sms'], message: 'The renderer imports shared/ only.' },
            { target: './electron', from: ['./renderer', './sms'], message: 'Electron never imports the renderer.' },
            { target: './sms', from: ['./renderer', './electron'], message: 'The SMS imports shared/ only.' },
          ],
        },
      ],
    },
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
    files: ['electron/**/*.ts'],
    ignores: ['electron/main/ipc/**'],
    rules: {
      'no-restricted-syntax': [
        ...noFocusedOrSkippedTests,
        {
          selector: "ImportSpecifier[imported.name='ipcMain']",
          message: 'Handle IPC only through the validating wrapper in electron/main/ipc/.',
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
