import { join } from 'node:path';
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

/**
 * The boundaries of docs/architecture.md as the linter enforces them: each case is linted with the project's own
 * eslint.config.js as if it were the named file, and must be refused (or, for the allowed ones, pass).
 */
const eslint = new ESLint({ cwd: join(import.meta.dirname, '..') });

async function messages(code: string, file: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(import.meta.dirname, '..', file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-syntax')
    .map((m) => m.message);
}

describe('lint boundaries', () => {
  it.each([
    [
      'a default import of electron to reach ipcMain',
      "import electron from 'electron';\nelectron.ipcMain.handle('x', () => 1);\n",
      'electron/main/services/sneaky.ts',
    ],
    [
      'a namespace import of electron',
      "import * as electron from 'electron';\nexport const app = electron.app;\n",
      'electron/main/shell/ok-but-wholesale.ts',
    ],
    ['require("electron")', "const electron = require('electron');\nexport default electron;\n", 'electron/main/new-file.ts'],
    [
      'webContents taken into a variable and sent to',
      "declare const win: { webContents: { send(c: string): void } };\nconst wc = win.webContents;\nwc.send('x');\n",
      'electron/main/services/push.ts',
    ],
    [
      'electron-store inside a service',
      "import Store from 'electron-store';\nexport const s = new Store();\n",
      'electron/main/services/settings-service-2.ts',
    ],
    ['electron-store in core', "import Store from 'electron-store';\nexport const s = Store;\n", 'electron/main/core.ts'],
    [
      'node:fs/promises in the renderer',
      "import { readFile } from 'node:fs/promises';\nexport const r = readFile;\n",
      'renderer/src/features/x.ts',
    ],
    ['fs/promises in shared', "import { readFile } from 'fs/promises';\nexport const r = readFile;\n", 'shared/domain/x.ts'],
    ['zlib in shared', "import { gzipSync } from 'zlib';\nexport const g = gzipSync;\n", 'shared/format/x.ts'],
    ['zlib in the renderer', "import { gzipSync } from 'node:zlib';\nexport const g = gzipSync;\n", 'renderer/src/app/x.ts'],
    [
      'the preload importing the contract (and with it zod)',
      "import { contract } from '../../shared/ipc/contract';\nexport const c = contract;\n",
      'electron/preload/index.ts',
    ],
    ['the preload importing zod', "import { z } from 'zod';\nexport const s = z.string();\n", 'electron/preload/index.ts'],
    [
      'a new main file importing electron',
      "import { app } from 'electron';\nexport const quit = () => app.quit();\n",
      'electron/main/services/brand-new.ts',
    ],
    ['ipcMain outside the shell', "import { ipcMain } from 'electron';\nipcMain.handle('x', () => 1);\n", 'electron/main/report/x.ts'],
    [
      'a service writing the journal directly',
      "import { openJournal } from '../journal/journal';\nexport const o = openJournal;\n",
      'electron/main/services/other.ts',
    ],
    [
      'production code importing a test helper',
      "import { startTestServices } from '../electron/testing/test-support';\nexport const s = startTestServices;\n",
      'electron/main/services/x.ts',
    ],
    [
      'the renderer importing its test fake',
      "import { createFakeApi } from '../test/fake-api';\nexport const f = createFakeApi;\n",
      'renderer/src/app/x.ts',
    ],
  ])('refuses %s', async (_, code, file) => {
    expect((await messages(code, file)).length).toBeGreaterThan(0);
  });

  it.each([
    [
      'named Electron APIs in the shell',
      "import { BrowserWindow } from 'electron';\nexport const make = () => new BrowserWindow();\n",
      'electron/main/shell/window.ts',
    ],
    [
      'the preload with electron and the channel names',
      "import { contextBridge } from 'electron';\nimport { invokeChannels } from '../../shared/ipc/channels';\ncontextBridge.exposeInMainWorld('x', invokeChannels);\n",
      'electron/preload/index.ts',
    ],
    [
      'node:fs in a main-process service',
      "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n",
      'electron/main/services/x.ts',
    ],
    ['shared code importing shared code', "import { AREAS } from '../domain/constants';\nexport const a = AREAS;\n", 'shared/report/x.ts'],
  ])('allows %s', async (_, code, file) => {
    expect(await messages(code, file)).toEqual([]);
  });
});
