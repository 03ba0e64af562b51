import { copyFileSync, existsSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { migrateToCurrent } from '../../../shared/state/migrations';
import {
  defaultPersistedState,
  persistedStateSchema,
  persistedV2Schema,
  type PersistedState,
  type PersistedV2,
} from '../../../shared/state/persisted';
import type { Notice } from '../../../shared/state/snapshot';
import type { Logger } from '../logger';
import type { KeyValueStore, StoreEngine, StoreEngineOptions } from './key-value-store';
import { fileStamp } from '../../../shared/format/date';

export const STORE_NAME = 'passwort-lotse';

/** JSON schema of each top-level key, derived from the zod schema so the two can never disagree. */
export function storeJsonSchema(): Record<string, unknown> {
  const json = z.toJSONSchema(persistedStateSchema, { target: 'draft-2020-12' }) as { properties: Record<string, unknown> };
  return json.properties;
}

export interface OpenedStore {
  store: KeyValueStore<PersistedState>;
  notice?: Notice;
}

type ReadOutcome =
  { ok: true; data: PersistedState; migrated: boolean; from: number; legacy?: PersistedV2 } | { ok: false; reason: string };

/** Parse, migrate and validate one settings file; a file of version ≤ 2 also returns the record it holds. Never throws. */
export function readStateFile(file: string): ReadOutcome {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch {
    return { ok: false, reason: 'unparsable' };
  }
  const migrated = migrateToCurrent(raw);
  if (!migrated.ok) return { ok: false, reason: migrated.reason };
  let legacy: PersistedV2 | undefined;
  if (migrated.from <= 2) {
    // The record of an older store must be readable before anything of it is carried over.
    const v2 = migrateToCurrent(raw, 2);
    const parsedV2 = v2.ok ? persistedV2Schema.safeParse(v2.data) : undefined;
    if (!parsedV2?.success) return { ok: false, reason: 'schema' };
    legacy = parsedV2.data;
  }
  const parsed = persistedStateSchema.safeParse(migrated.data);
  if (!parsed.success) return { ok: false, reason: 'schema' };
  return { ok: true, data: parsed.data, migrated: migrated.migrated, from: migrated.from, ...(legacy ? { legacy } : {}) };
}

/**
 * Open the settings store, keeping a copy of the last good file and recovering from a damaged one.
 *
 * A file that does not parse, cannot be migrated or fails the schema is renamed aside (never deleted); the
 * store then starts from the last good copy, or from defaults when there is none, and a notice says so. A store
 * of version 2 holds the practice's record: `carryOver` writes it to the journal and returns the installation id
 * before the migrated file replaces the old one (which is kept beside it).
 */
export function openStateStore(options: {
  dir: string;
  engine: StoreEngine<PersistedState>;
  logger: Logger;
  carryOver: (legacy: PersistedV2) => string;
  now?: () => Date;
}): OpenedStore {
  const { dir, engine, logger } = options;
  const now = options.now ?? (() => new Date());
  const file = join(dir, `${STORE_NAME}.json`);
  const backup = join(dir, `${STORE_NAME}.last-good.json`);
  let notice: Notice | undefined;

  /** The data to write for a read outcome: an older store's record goes to the journal first. */
  const settle = (outcome: Extract<ReadOutcome, { ok: true }>): PersistedState =>
    outcome.legacy ? { ...outcome.data, installationId: options.carryOver(outcome.legacy) } : outcome.data;

  if (!existsSync(file) && existsSync(backup)) {
    // The file is gone (quarantined, moved, lost in a crash) but the last good copy is there: never start empty.
    const fromBackup = readStateFile(backup);
    if (fromBackup.ok) {
      if (fromBackup.migrated) copyAtomic(backup, join(dir, `${STORE_NAME}.before-migration-v${fromBackup.from}-${fileStamp(now())}.json`));
      writeJsonAtomic(file, settle(fromBackup));
      notice = { id: `store-restored-${fileStamp(now())}`, kind: 'store-missing-restored', backupFile: backup };
      logger.warn('store.missing-restored');
    }
  }

  if (existsSync(file)) {
    const current = readStateFile(file);
    if (current.ok) {
      if (current.migrated) {
        // Keep the file as it was before the migration, so a faulty migration can be undone by hand.
        copyAtomic(file, join(dir, `${STORE_NAME}.before-migration-v${current.from}-${fileStamp(now())}.json`));
        writeJsonAtomic(file, settle(current));
        logger.info('store.migrated', { from: current.from });
      }
      copyAtomic(file, backup);
    } else {
      const damagedFile = join(dir, `${STORE_NAME}.damaged-${fileStamp(now())}.json`);
      renameSync(file, damagedFile);
      const fromBackup = existsSync(backup) ? readStateFile(backup) : undefined;
      if (fromBackup?.ok) {
        writeJsonAtomic(file, settle(fromBackup));
      } else if (fromBackup) {
        // The backup is damaged too: set it aside as well rather than overwrite it later.
        renameSync(backup, join(dir, `${STORE_NAME}.damaged-backup-${fileStamp(now())}.json`));
      }
      const restoredFrom = fromBackup?.ok ? 'backup' : 'defaults';
      notice = { id: `store-recovered-${fileStamp(now())}`, kind: 'store-recovered', restoredFrom, damagedFile };
      logger.warn('store.recovered', { reason: current.reason, restoredFrom });
    }
  }

  const store = engine(storeEngineOptions(dir));
  return notice ? { store, notice } : { store };
}

/** Refresh the last good copy after a settings change, so a recovery never drops what this session set. */
export function backUpStore(dir: string): void {
  const file = join(dir, `${STORE_NAME}.json`);
  if (existsSync(file) && readStateFile(file).ok) copyAtomic(file, join(dir, `${STORE_NAME}.last-good.json`));
}

/** The options every engine opens the state store with: the same file, schema and defaults in app and tests. */
export function storeEngineOptions(dir: string): StoreEngineOptions<PersistedState> {
  return {
    cwd: dir,
    configName: STORE_NAME,
    schema: storeJsonSchema(),
    defaults: defaultPersistedState(),
    clearInvalidConfig: false,
    accessPropertiesByDotNotation: false,
  };
}

function copyAtomic(from: string, to: string): void {
  const temp = `${to}.tmp-${process.pid}`;
  copyFileSync(from, temp);
  renameSync(temp, to);
}

function writeJsonAtomic(file: string, data: unknown): void {
  const temp = `${file}.tmp-${process.pid}`;
  writeFileSync(temp, `${JSON.stringify(data, null, '\t')}\n`, 'utf8');
  renameSync(temp, file);
}
