import { describe, expect, it } from 'vitest';
import { migrateToCurrent } from './migrations';
import { CURRENT_SCHEMA_VERSION, defaultPersistedState, persistedStateSchema } from './persisted';

describe('migrateToCurrent', () => {
  it('leaves a store of the current version as it is', () => {
    const state = defaultPersistedState();
    const outcome = migrateToCurrent(structuredClone(state));
    expect(outcome).toEqual({ ok: true, data: state, from: CURRENT_SCHEMA_VERSION, migrated: false });
    expect(persistedStateSchema.safeParse(state).success).toBe(true);
  });

  it('refuses a store written by a newer version of the app', () => {
    expect(migrateToCurrent({ schemaVersion: CURRENT_SCHEMA_VERSION + 1 })).toEqual({
      ok: false,
      reason: 'newer-version',
      version: CURRENT_SCHEMA_VERSION + 1,
    });
  });

  it.each([
    ['an array', []],
    ['null', null],
    ['a string', 'x'],
  ])('refuses %s', (_label, raw) => {
    expect(migrateToCurrent(raw)).toEqual({ ok: false, reason: 'not-an-object' });
  });

  it.each([{}, { schemaVersion: '1' }, { schemaVersion: 0 }, { schemaVersion: 1.5 }])('refuses a missing or odd version %j', (raw) => {
    expect(migrateToCurrent(raw)).toEqual({ ok: false, reason: 'no-version' });
  });
});
