// Lint rules that enforce the process boundaries written down in docs/architecture.md. Each rule is proven by
// tests/lint-boundaries.test.ts, which lints the cases it must catch (and some it must let through).
import { builtinModules } from 'node:module';
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/** Every Node built-in, with and without `node:`, and their sub-paths (`fs/promises`), matched exactly. */
const NODE_BUILTINS = builtinModules.filter((name) => !name.startsWith('_')).map((name) => name.replace(/[/\\^$.*+?()[\]{}|]/g, '\\$&'));
const nodeModules = (message) => ({ regex: `^(?:node:.+|(?:${NODE_BUILTINS.join('|')})(?:/.*)?)$`, message });

/** Test helpers live in electron/testing/ and renderer/src/test/; code that ships never imports them. */
const noTestHelpers = {
  group: ['**/testing/**', '**/renderer/src/test/**', '**/test/fake-api', '**/test/render-app'],
  message: 'Test helpers are for tests and tools only.',
};

const ipcOnlyInShell = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Only the Electron shell (electron/main/shell/electron-ipc.ts) and the preload touch ipcMain/ipcRenderer.',
};
/** A default or namespace import of electron would hide ipcMain/ipcRenderer from the named-import rule. */
const electronWholesale = [
  {
    selector: "ImportDeclaration[source.value='electron'] > :matches(ImportDefaultSpecifier, ImportNamespaceSpecifier)",
    message: 'Import named Electron APIs (import { app } from "electron"), never the whole module.',
  },
  {
    selector: "CallExpression[callee.name='require'][arguments.0.value='electron']",
    message: 'Import named Electron APIs, never require("electron").',
  },
];
/** Pushing to the renderer goes through pushState only; a webContents reached any other way is a second channel. */
const noWebContents = {
  selector: "MemberExpression[property.name='webContents']",
  message: 'Only the Electron shell (electron/main/shell/) reaches a window’s webContents.',
};
const onlyInTests = {
  selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
  message: 'No .only in tests.',
};
const singleOwners = [
  { name: 'electron-store', message: 'Only electron/main/shell/electron-store-engine.ts opens electron-store.' },
  { name: 'conf', message: 'Only electron/main/store/conf-engine.ts opens conf.' },
];
const journalWriter = { group: ['**/journal/journal'], message: 'Only RecordService writes the journal; take it in the constructor.' };

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.tsbuild/', 'test-results/', 'playwright-report/', 'e2e-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { paths: [ipcOnlyInShell] }],
      'no-restricted-syntax': ['error', onlyInTests, ...electronWholesale],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // shared/: pure TypeScript for both sides.
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'electron-store', 'conf'].map((name) => ({
            name,
            message: 'shared/ is pure TypeScript: no electron, react or node imports.',
          })),
          patterns: [
            nodeModules('shared/ imports no Node module.'),
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports neither side.' },
            noTestHelpers,
          ],
        },
      ],
    },
  },
  {
    // renderer/: sandboxed; it reaches main only through window.api.
    files: ['renderer/**/*.{ts,tsx}'],
    ignores: ['renderer/src/test/**', 'renderer/**/*.test.tsx', 'renderer/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'electron-store', 'conf'].map((name) => ({ name, message: 'The renderer is sandboxed: use window.api.' })),
          patterns: [
            nodeModules('The renderer is sandboxed: no Node modules.'),
            { group: ['**/electron/**'], message: 'The renderer imports nothing from electron/; use shared/ and window.api.' },
            noTestHelpers,
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/src/test/**', 'renderer/**/*.test.tsx', 'renderer/**/*.test.ts'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
  },
  {
    // electron/main/: plain Node services; Electron only in the shell (electron/main/shell/) and the entry file.
    files: ['electron/main/**/*.ts'],
    ignores: ['electron/main/**/*.test.ts', 'electron/main/shell/**', 'electron/main/index.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Main-process logic runs in plain Node: Electron only in electron/main/shell/ and index.ts.' },
            ...singleOwners,
          ],
          patterns: [noTestHelpers],
        },
      ],
      'no-restricted-syntax': ['error', onlyInTests, ...electronWholesale, noWebContents],
    },
  },
  {
    // The journal has one writer: RecordService (and the journal module itself, and the start that wires it).
    files: ['electron/main/**/*.ts'],
    ignores: [
      'electron/main/**/*.test.ts',
      'electron/main/shell/**',
      'electron/main/index.ts',
      'electron/main/journal/**',
      'electron/main/services/record-service.ts',
      'electron/main/bootstrap.ts',
      'electron/main/store/conf-engine.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Main-process logic runs in plain Node: Electron only in electron/main/shell/ and index.ts.' },
            ...singleOwners,
          ],
          patterns: [journalWriter, noTestHelpers],
        },
      ],
    },
  },
  {
    files: ['electron/main/store/conf-engine.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'electron', message: 'Plain Node.' }, singleOwners[0]] }] },
  },
  {
    // The Electron shell: the only place that touches ipcMain, BrowserWindow.webContents and electron-store.
    files: ['electron/main/shell/**/*.ts', 'electron/main/index.ts'],
    ignores: ['electron/main/**/*.test.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [singleOwners[1]], patterns: [journalWriter, noTestHelpers] }],
      'no-restricted-syntax': ['error', onlyInTests, ...electronWholesale],
    },
  },
  {
    // The preload is sandboxed: it may import electron and the channel names, nothing else (no zod, no contract).
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^(?!electron$|\\.\\./\\.\\./shared/ipc/channels$).*',
              message: 'The preload imports only electron and shared/ipc/channels.',
            },
          ],
        },
      ],
      'no-restricted-syntax': ['error', onlyInTests, ...electronWholesale],
    },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
