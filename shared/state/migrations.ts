import { defaultProfile } from '../domain/profile';
import { CURRENT_SCHEMA_VERSION } from './persisted';

/**
 * Exact-version migrations of the persisted state.
 *
 * `migrations[n]` turns a store of schema version n into one of version n + 1. Each is a pure function on
 * plain JSON and has its own test.
 */
export const migrations: Readonly<Record<number, (data: Record<string, unknown>) => Record<string, unknown>>> = {
  /** 1 → 2: the checklist arrives: an empty practice profile, no task states, an empty Protokoll. */
  1: (v1) => ({ ...v1, schemaVersion: 2, profile: defaultProfile(), taskStates: {}, log: [] }),
};

export type MigrationOutcome =
  | { ok: true; data: Record<string, unknown>; from: number; migrated: boolean }
  | { ok: false; reason: 'not-an-object' | 'no-version' | 'newer-version' | 'no-migration'; version?: number };

/** Bring a parsed store file up to the current schema version, one exact step at a time. */
export function migrateToCurrent(raw: unknown): MigrationOutcome {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { ok: false, reason: 'not-an-object' };
  let data = raw as Record<string, unknown>;
  const version = data['schemaVersion'];
  if (typeof version !== 'number' || !Number.isInteger(version) || version < 1) return { ok: false, reason: 'no-version' };
  if (version > CURRENT_SCHEMA_VERSION) return { ok: false, reason: 'newer-version', version };
  for (let v = version; v < CURRENT_SCHEMA_VERSION; v += 1) {
    const step = migrations[v];
    if (!step) return { ok: false, reason: 'no-migration', version: v };
    data = step(data);
  }
  return { ok: true, data, from: version, migrated: version !== CURRENT_SCHEMA_VERSION };
}
