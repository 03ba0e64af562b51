import { defaultProfile } from '../domain/profile';
import { CURRENT_SCHEMA_VERSION } from './persisted';

/**
 * Exact-version migrations of the settings file.
 *
 * `migrations[n]` turns a store of schema version n into one of version n + 1. Each is a pure function on
 * plain JSON and has its own test. The record a version-2 store holds is carried into the journal before the
 * 2 → 3 step runs (see `shared/journal/migrate-v2.ts`).
 */
export const migrations: Readonly<Record<number, (data: Record<string, unknown>) => Record<string, unknown>>> = {
  /** 1 → 2: the checklist arrives: an empty practice profile, no task states, an empty Protokoll. */
  1: (v1) => ({ ...v1, schemaVersion: 2, profile: defaultProfile(), taskStates: {}, log: [] }),
  /** 2 → 3: the record moves to the journal; the file keeps who uses the app here and the language. */
  2: (v2) => {
    const settings = (v2['settings'] ?? {}) as Record<string, unknown>;
    return { schemaVersion: 3, settings: { userName: settings['userName'], language: settings['language'] } };
  },
};

export type MigrationOutcome =
  | { ok: true; data: Record<string, unknown>; from: number; migrated: boolean }
  | { ok: false; reason: 'not-an-object' | 'no-version' | 'newer-version' | 'no-migration'; version?: number };

/** Bring a parsed store file up to `target` (default: the current version), one exact step at a time. */
export function migrateToCurrent(raw: unknown, target = CURRENT_SCHEMA_VERSION): MigrationOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not-an-object' };
  let data = raw as Record<string, unknown>;
  const version = data['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, reason: 'no-version' };
  if (version > CURRENT_SCHEMA_VERSION) return { ok: false, reason: 'newer-version', version };
  for (let v = version; v < target; v += 1) {
    const step = migrations[v];
    if (!step) return { ok: false, reason: 'no-migration', version: v };
    data = step(data);
  }
  return { ok: true, data, from: version, migrated: version !== target };
}
