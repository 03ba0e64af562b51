import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { confEngine } from '../store/conf-engine';
import { STORE_NAME, storeEngineOptions } from '../store/open-state-store';
import { SettingsService } from './settings-service';

const open = (dir: string, onWrite?: () => void) => new SettingsService(confEngine(storeEngineOptions(dir)), onWrite);

describe('SettingsService on a real conf store', () => {
  it('keeps the window state across a reopen, and refuses an absurd one', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-settings-'));
    const settings = open(dir);
    settings.setWindowState({ x: 40, y: 30, width: 1200, height: 700, maximized: true });
    settings.setWindowState({ x: 0, y: 0, width: 5, height: 5, maximized: false });
    expect(open(dir).windowState()).toEqual({ x: 40, y: 30, width: 1200, height: 700, maximized: true });
  });

  it('reads the file once and refreshes the last good copy after every write', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-settings-'));
    let writes = 0;
    const settings = open(dir, () => (writes += 1));
    expect(settings.update({ userName: 'SY' })).toBe(true);
    expect(settings.update({ userName: 'SY' })).toBe(false);
    settings.setInstallationId('0b5e7a1c-3d2f-4e6a-9b8c-7d6e5f4a3b2c');
    expect(writes).toBe(2);
    const onDisk = JSON.parse(readFileSync(join(dir, `${STORE_NAME}.json`), 'utf8'));
    expect(onDisk).toMatchObject({
      schemaVersion: 3,
      installationId: '0b5e7a1c-3d2f-4e6a-9b8c-7d6e5f4a3b2c',
      settings: { userName: 'SY' },
    });
  });
});
