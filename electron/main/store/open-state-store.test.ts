import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { defaultPersistedState, type PersistedV2 } from '../../../shared/state/persisted';
import { createMemoryLogger } from '../logger';
import { defaultProfile } from '../../../shared/domain/profile';
import { confEngine } from './conf-engine';

const defaultPersistedV2Profile = () => defaultProfile();
import { openStateStore, STORE_NAME } from './open-state-store';

let dir: string;
const file = () => join(dir, `${STORE_NAME}.json`);
const backup = () => join(dir, `${STORE_NAME}.last-good.json`);
const INSTALLATION = '11111111-2222-4333-8444-555555555555';
let carried: PersistedV2[] = [];
const open = () =>
  openStateStore({
    dir,
    engine: confEngine,
    logger: createMemoryLogger(),
    carryOver: (legacy) => {
      carried.push(legacy);
      return INSTALLATION;
    },
  });
const damagedFiles = () => readdirSync(dir).filter((name) => name.includes('.damaged-'));

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'pl-store-'));
  carried = [];
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('openStateStore with a real conf store', () => {
  it('starts from defaults in an empty folder, with no notice', () => {
    const opened = open();
    expect(opened.store.store).toEqual(defaultPersistedState());
    expect(opened.notice).toBeUndefined();
  });

  it('persists a change across a reopen and keeps a last-good copy before opening', () => {
    open().store.set('settings', { userName: 'Dr. Weiß', language: 'en' });
    const again = open();
    expect(again.store.get('settings')).toEqual({ userName: 'Dr. Weiß', language: 'en' });
    expect(JSON.parse(readFileSync(backup(), 'utf8')).settings.userName).toBe('Dr. Weiß');
  });

  it('sets an unparsable file aside, restores the last good copy and says so', () => {
    open().store.set('settings', { userName: 'Süd', language: 'de' });
    open(); // this start copies the good file to the backup
    writeFileSync(file(), '{"schemaVersion": 1, "settings": {');
    const recovered = open();
    expect(recovered.store.get('settings').userName).toBe('Süd');
    expect(recovered.notice).toMatchObject({ kind: 'store-recovered', restoredFrom: 'backup' });
    const damaged = damagedFiles();
    expect(damaged).toHaveLength(1);
    expect(readFileSync(join(dir, damaged[0] as string), 'utf8')).toBe('{"schemaVersion": 1, "settings": {');
    expect(recovered.notice).toMatchObject({ damagedFile: join(dir, damaged[0] as string) });
  });

  it('sets a file that fails the schema aside too', () => {
    open().store.set('settings', { userName: 'Nord', language: 'de' });
    open();
    writeFileSync(file(), JSON.stringify({ schemaVersion: 1, settings: { practiceName: 7, userName: '', language: 'fr' } }));
    const recovered = open();
    expect(recovered.store.get('settings').userName).toBe('Nord');
    expect(carried).toEqual([]);
    expect(damagedFiles()).toHaveLength(1);
  });

  it('starts from defaults when there is no usable backup, and keeps both damaged files', () => {
    writeFileSync(file(), 'kaputt');
    writeFileSync(backup(), 'auch kaputt');
    const recovered = open();
    expect(recovered.store.store).toEqual(defaultPersistedState());
    expect(recovered.notice).toMatchObject({ kind: 'store-recovered', restoredFrom: 'defaults' });
    expect(damagedFiles()).toHaveLength(2);
    expect(existsSync(file())).toBe(true);
  });

  it('refuses a file written by a newer app version instead of overwriting it in place', () => {
    writeFileSync(file(), JSON.stringify({ schemaVersion: 99, settings: {} }));
    const recovered = open();
    const notice = recovered.notice;
    if (notice?.kind !== 'store-recovered') throw new Error('expected a recovery notice');
    expect(notice.restoredFrom).toBe('defaults');
    expect(readFileSync(notice.damagedFile, 'utf8')).toContain('"schemaVersion":99');
  });
});

describe('openStateStore migrations on disk', () => {
  it('migrates a version-1 file to the current version, hands its record to the journal and keeps its settings', () => {
    writeFileSync(file(), JSON.stringify({ schemaVersion: 1, settings: { practiceName: 'Praxis Alt', userName: 'AB', language: 'en' } }));
    const opened = open();
    expect(opened.notice).toBeUndefined();
    expect(opened.store.get('schemaVersion')).toBe(3);
    expect(opened.store.get('settings')).toEqual({ userName: 'AB', language: 'en' });
    expect(opened.store.get('installationId')).toBe(INSTALLATION);
    expect(carried).toHaveLength(1);
    expect(carried[0]).toMatchObject({ schemaVersion: 2, settings: { practiceName: 'Praxis Alt' }, log: [] });
    expect(JSON.parse(readFileSync(file(), 'utf8')).schemaVersion).toBe(3);
    // A second start finds the current version: nothing is carried over again.
    open();
    expect(carried).toHaveLength(1);
  });

  it('leaves the old file in place when the carry-over fails, so nothing of the record is lost', () => {
    const v2 = JSON.stringify({
      schemaVersion: 2,
      settings: { practiceName: 'P', userName: 'AB', language: 'de' },
      profile: defaultPersistedV2Profile(),
      taskStates: {},
      log: [],
    });
    writeFileSync(file(), v2);
    expect(() =>
      openStateStore({
        dir,
        engine: confEngine,
        logger: createMemoryLogger(),
        carryOver: () => {
          throw new Error('disk full');
        },
      }),
    ).toThrow('disk full');
    expect(readFileSync(file(), 'utf8')).toBe(v2);
  });
});

describe('openStateStore when the file is missing', () => {
  it('restores the last good copy instead of starting empty, says so, and keeps the backup', () => {
    open().store.set('settings', { userName: 'Nord', language: 'de' });
    open(); // keeps the last good copy
    rmSync(file());
    const restored = open();
    expect(restored.store.get('settings').userName).toBe('Nord');
    expect(restored.notice).toMatchObject({ kind: 'store-missing-restored', backupFile: backup() });
    expect(JSON.parse(readFileSync(backup(), 'utf8')).settings.userName).toBe('Nord');
  });

  it('keeps the file as it was before a migration', () => {
    const v1 = JSON.stringify({ schemaVersion: 1, settings: { practiceName: 'Alt', userName: '', language: 'de' } });
    writeFileSync(file(), v1);
    open();
    const kept = readdirSync(dir).filter((name) => name.includes('.before-migration-v1-'));
    expect(kept).toHaveLength(1);
    expect(readFileSync(join(dir, kept[0] as string), 'utf8')).toBe(v1);
  });
});
