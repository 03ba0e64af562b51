import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PersistedState } from '../../shared/state/persisted';
import { startMainServices } from './bootstrap';
import { createMemoryLogger } from './logger';
import { confEngine } from './store/conf-engine';
import type { StoreEngine } from './store/key-value-store';
import { acquireRecordLock } from './store/record-lock';
import { BUNDLED_PACK_PATH, KEYS_DIR } from '../testing/test-support';

const start = (dir: string, engine: StoreEngine<PersistedState> = confEngine) =>
  startMainServices({
    userDataDir: dir,
    engine,
    version: '0.0.0-test',
    logger: createMemoryLogger(),
    packFile: BUNDLED_PACK_PATH,
    keysDir: KEYS_DIR,
  });

describe('two instances started at once on a fresh folder', () => {
  it('the one without the record lock does not replace the writer’s installation id: the next start shows the record', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-two-fresh-'));
    // The writer got the lock first; the second instance reads the still empty settings, then the writer saves its id
    // (its journal comes with its first entry, after the second instance chose an id).
    const writerLock = acquireRecordLock({ dir, account: 'anna', computer: 'PC' });
    if (!writerLock.held) throw new Error('not held');
    let writer: ReturnType<typeof start> | undefined;
    const racing: StoreEngine<PersistedState> = (options) => {
      const store = confEngine(options);
      let seen: PersistedState | undefined;
      return {
        get store() {
          if (!seen) {
            seen = store.store;
            writerLock.lock.release();
            writer = start(dir);
          }
          return seen;
        },
        get path() {
          return store.path;
        },
        get: (key) => store.get(key),
        set: (key, value) => store.set(key, value),
      };
    };
    const second = start(dir, racing);
    expect(second.core.snapshot().record.readOnly).toBe(true);
    second.close();
    if (!writer) throw new Error('no writer');
    writer.core.handlers.updateSettings({ userName: 'SY', practiceName: 'Praxis am Dom' });
    const recorded = writer.core.record.installationId;
    writer.close();

    const next = start(dir);
    expect(next.core.record.installationId).toBe(recorded);
    expect(next.core.snapshot().settings.practiceName).toBe('Praxis am Dom');
    next.close();
  });
});
