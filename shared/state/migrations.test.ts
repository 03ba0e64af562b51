import { describe, expect, it } from 'vitest';
import { migrateToCurrent, migrations } from './migrations';
import { CURRENT_SCHEMA_VERSION, defaultPersistedState, persistedStateSchema } from './persisted';

describe('migration 1 → 2', () => {
  const v1 = { schemaVersion: 1, settings: { practiceName: 'Praxis Süd', userName: 'SY', language: 'en' } };

  it('adds an empty profile, no task states and an empty Protokoll, and keeps the settings', () => {
    const step = migrations[1];
    expect(step).toBeDefined();
    const v2 = step?.(structuredClone(v1));
    expect(v2).toEqual({ ...v1, schemaVersion: 2, profile: defaultPersistedState().profile, taskStates: {}, log: [] });
    expect(persistedStateSchema.safeParse(v2).success).toBe(true);
  });

  it('is pure: the input is not changed', () => {
    const input = structuredClone(v1);
    migrations[1]?.(input);
    expect(input).toEqual(v1);
  });

  it('runs through migrateToCurrent', () => {
    expect(migrateToCurrent(structuredClone(v1))).toMatchObject({
      ok: true,
      from: 1,
      migrated: true,
      data: { schemaVersion: 2, settings: v1.settings },
    });
  });
});

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
