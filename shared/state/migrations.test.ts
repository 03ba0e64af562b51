import { describe, expect, it } from 'vitest';
import { migrateToCurrent, migrations } from './migrations';
import { defaultProfile } from '../domain/profile';
import { CURRENT_SCHEMA_VERSION, defaultPersistedState, persistedStateSchema, persistedV2Schema } from './persisted';

describe('migration 1 → 2', () => {
  const v1 = { schemaVersion: 1, settings: { practiceName: 'Praxis Süd', userName: 'SY', language: 'en' } };

  it('adds an empty profile, no task states and an empty Protokoll, and keeps the settings', () => {
    const step = migrations[1];
    expect(step).toBeDefined();
    const v2 = step?.(structuredClone(v1));
    expect(v2).toEqual({ ...v1, schemaVersion: 2, profile: defaultProfile(), taskStates: {}, log: [] });
    expect(persistedV2Schema.safeParse(v2).success).toBe(true);
  });

  it('is pure: the input is not changed', () => {
    const input = structuredClone(v1);
    migrations[1]?.(input);
    expect(input).toEqual(v1);
  });

  it('runs through migrateToCurrent up to a target version', () => {
    expect(migrateToCurrent(structuredClone(v1), 2)).toMatchObject({
      ok: true,
      from: 1,
      migrated: true,
      data: { schemaVersion: 2, settings: v1.settings },
    });
  });
});

describe('migration 2 → 3', () => {
  const v2 = {
    schemaVersion: 2,
    settings: { practiceName: 'Praxis Süd', userName: 'SY', language: 'en' },
    profile: { ...defaultProfile(), completed: true, products: ['x.comfort'] },
    taskStates: {
      'pvs:x.comfort': { history: [{ status: 'done', at: '2026-11-28T10:00:00.000Z', by: 'SY', guideVersion: '1.1' }], checkedSteps: [] },
    },
    log: [],
  };

  it('keeps who uses the app and the language; the record goes to the journal before this step', () => {
    const v3 = migrations[2]?.(structuredClone(v2));
    expect(v3).toEqual({ schemaVersion: 3, settings: { userName: 'SY', language: 'en' } });
    expect(persistedStateSchema.safeParse(v3).success).toBe(true);
  });

  it('is pure: the input is not changed', () => {
    const input = structuredClone(v2);
    migrations[2]?.(input);
    expect(input).toEqual(v2);
  });

  it('takes a version-1 file all the way to the current version', () => {
    const outcome = migrateToCurrent({ schemaVersion: 1, settings: { practiceName: 'P', userName: 'AB', language: 'de' } });
    expect(outcome).toMatchObject({ ok: true, from: 1, migrated: true, data: { schemaVersion: CURRENT_SCHEMA_VERSION } });
    expect(persistedStateSchema.safeParse(outcome.ok ? outcome.data : null).success).toBe(true);
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
