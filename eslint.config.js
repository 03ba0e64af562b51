// Lint rules that enforce the process boundaries of shared/design/architecture.md.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['fs', 'path', 'os', 'child_process', 'crypto', 'url', 'util', 'stream', 'http', 'https', 'net', 'events'];

const rawIpc = {
  name: 'electron',
  importNames: ['ipcMain', 'ipcRenderer'],
  message: 'Only the typed wrappers (electron/main/ipc/electron-ipc.ts, electron/preload) touch ipcMain/ipcRenderer.',
};
const webContentsSend = {
  selector: "CallExpression[callee.property.name='send'][callee.object.property.name='webContents']",
  message: 'Only electron/main/ipc/electron-ipc.ts pushes to the renderer (pushState).',
};
const onlyInTests = {
  selector: "CallExpression[callee.property.name='only'][callee.object.name=/^(it|test|describe)$/]",
  message: 'No .only in tests.',
};

export default tseslint.config(
  { ignores: ['node_modules/', 'out/', 'dist/', '.tsbuild/', 'test-results/', 'playwright-report/', 'e2e-artifacts/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      'no-console': 'error',
      'no-restricted-imports': ['error', { paths: [rawIpc] }],
      'no-restricted-syntax': ['error', webContentsSend, onlyInTests],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['shared/**/*.ts'],
    ignores: ['shared/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'react', 'react-dom', 'react-i18next', ...NODE_BUILTINS].map((name) => ({
            name,
            message: 'shared/ is pure TypeScript: no electron, react or node imports.',
          })),
          patterns: [
            { group: ['node:*'], message: 'shared/ imports no node:* module.' },
            { group: ['**/electron/**', '**/renderer/**'], message: 'shared/ imports neither side.' },
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
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', ...NODE_BUILTINS].map((name) => ({ name, message: 'The renderer is sandboxed: use window.api.' })),
          patterns: [
            { group: ['node:*'], message: 'The renderer is sandboxed: no node:* modules.' },
            { group: ['**/electron/**'], message: 'The renderer imports nothing from electron/; use shared/ and window.api.' },
          ],
        },
      ],
    },
  },
  {
    files: [
      'electron/main/services/**/*.ts',
      'electron/main/store/open-state-store.ts',
      'electron/main/core.ts',
      'electron/main/ipc/router.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'electron', message: 'Services run in plain Node: take dependencies in the constructor.' }] },
      ],
    },
  },
  {
    // The settings file has one owner (the store engines); the journal has one writer, reached through RecordService.
    files: ['electron/main/**/*.ts'],
    ignores: [
      'electron/main/**/*.test.ts',
      'electron/main/store/electron-store-engine.ts',
      'electron/main/store/conf-engine.ts',
      'electron/main/journal/**',
      'electron/main/services/record-service.ts',
      'electron/main/bootstrap.ts',
      'electron/main/ipc/router.ts',
      'electron/main/index.ts',
      'electron/main/ipc/electron-ipc.ts',
    ],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            rawIpc,
            { name: 'electron-store', message: 'Only electron/main/store/electron-store-engine.ts opens electron-store.' },
            { name: 'conf', message: 'Only electron/main/store/conf-engine.ts opens conf.' },
          ],
          patterns: [{ group: ['**/journal/journal'], message: 'Only RecordService writes the journal; take it in the constructor.' }],
        },
      ],
    },
  },
  {
    files: ['electron/main/services/**/*.ts', 'electron/main/store/open-state-store.ts', 'electron/main/core.ts'],
    ignores: ['electron/main/**/*.test.ts', 'electron/main/services/record-service.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'electron', message: 'Services run in plain Node: take dependencies in the constructor.' },
            { name: 'electron-store', message: 'Only electron/main/store/electron-store-engine.ts opens electron-store.' },
            { name: 'conf', message: 'Only electron/main/store/conf-engine.ts opens conf.' },
          ],
          patterns: [{ group: ['**/journal/journal'], message: 'Only RecordService writes the journal; take it in the constructor.' }],
        },
      ],
    },
  },
  {
    files: ['electron/main/ipc/electron-ipc.ts', 'electron/preload/index.ts'],
    rules: { 'no-restricted-imports': 'off', 'no-restricted-syntax': ['error', onlyInTests] },
  },
  {
    files: ['**/*.test.ts', '**/*.test.tsx', 'e2e/**/*.ts', 'tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // Component tests put the real main core behind their fake bridge; app code in renderer/ never may.
    files: ['renderer/src/test/**/*.ts', 'renderer/**/*.test.tsx'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
