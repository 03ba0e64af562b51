import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { storeEngineOptions, STORE_NAME } from '../store/open-state-store';

const listeners = new Map<string, unknown>();
vi.mock('electron', () => ({
  default: {
    app: { getPath: () => tmpdir(), getVersion: () => '0.1.0' },
    ipcMain: {
      on: (channel: string, listener: unknown) => listeners.set(channel, listener),
      removeAllListeners: (channel: string) => listeners.delete(channel),
    },
    shell: {},
  },
}));

describe('electronStoreEngine', () => {
  it('writes the file the recovery watches (passwort-lotse.json), not electron-store’s default config.json', async () => {
    const { electronStoreEngine } = await import('./electron-store-engine');
    const dir = mkdtempSync(join(tmpdir(), 'pl-es-'));
    const store = electronStoreEngine(storeEngineOptions(dir));
    store.set('settings', { userName: 'AB', language: 'de' });
    expect(store.path).toBe(join(dir, `${STORE_NAME}.json`));
    expect(existsSync(join(dir, `${STORE_NAME}.json`))).toBe(true);
    expect(existsSync(join(dir, 'config.json'))).toBe(false);
  });
});
