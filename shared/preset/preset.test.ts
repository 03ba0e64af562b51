import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../domain/profile';
import { buildPreset, parsePreset, parsePresetFile, presetProfile, PRESET_FORMAT, samePracticeName } from './preset';

const valid = {
  format: PRESET_FORMAT,
  version: 1,
  practice: { id: '5b0f8a52-3c1e-4d7a-9f35-0e6b1c2d3a4f', name: 'Praxis Dr. Muster' },
  einrichtung: {
    products: ['x.comfort'],
    connector: 'yes',
    connectorModel: 'secunet',
    cardTerminals: [{ model: 'ORGA 6141 online' }],
    computers: [
      { name: 'Empfang 1', server: false },
      { name: 'Server', server: true },
    ],
    windowsAccounts: 'personal',
    remoteTools: ['teamviewer'],
    firewall: 'yes',
    securitySystem: 'unsure',
    portals: [],
  },
  itPartner: { name: 'IT-Service Nord', phone: '+49 40 123456-0' },
  record: 'machine',
};

describe('preset (Vorgabe)', () => {
  it('reads a valid preset and turns its answers into a not yet completed profile with main-made ids', () => {
    const outcome = parsePreset(JSON.stringify(valid));
    expect(outcome.ok).toBe(true);
    if (!outcome.ok) return;
    const profile = presetProfile(outcome.preset);
    expect(profile.completed).toBe(false);
    expect(profile.computers).toEqual([
      { id: 'pc-empfang-1', name: 'Empfang 1', server: false },
      { id: 'pc-server', name: 'Server', server: true },
    ]);
    expect(profile.cardTerminals).toEqual([{ id: 'kt-orga-6141-online', model: 'ORGA 6141 online' }]);
    expect(profile.products).toEqual(['x.comfort']);
  });

  it('round-trips: a preset built from a profile parses back to the same answers', () => {
    const first = parsePreset(JSON.stringify(valid));
    if (!first.ok) throw new Error('valid preset refused');
    const profile = { ...presetProfile(first.preset), completed: true };
    const built = buildPreset({
      practiceId: first.preset.practice.id,
      practiceName: 'Praxis Dr. Muster',
      profile,
      itPartner: { name: 'IT-Service Nord', phone: '+49 40 123456-0' },
      record: 'machine',
      createdAt: '2026-11-29T01:00:00.000Z',
      createdBy: 'IT',
    });
    const again = parsePreset(JSON.stringify(built));
    expect(again.ok).toBe(true);
    if (again.ok) expect(presetProfile(again.preset)).toEqual(presetProfile(first.preset));
  });

  it.each([
    ['not JSON', '{"format":', 'not-json', undefined],
    ['another file', JSON.stringify({ formatVersion: 1, installations: [] }), 'wrong-format', undefined],
    ['an array', '[]', 'wrong-format', undefined],
    ['a newer version', JSON.stringify({ ...valid, version: 2 }), 'newer-version', undefined],
    // Not a newer version but no version at all: JSON.parse makes 1e400 Infinity.
    ['a version of 1e400', JSON.stringify(valid).replace('"version":1', '"version":1e400'), 'invalid', 'version'],
    ['a version of 2.5', JSON.stringify({ ...valid, version: 2.5 }), 'invalid', 'version'],
    ['an unknown key', JSON.stringify({ ...valid, password: 'geheim' }), 'invalid', 'password'],
    [
      'an unknown nested key',
      JSON.stringify({ ...valid, einrichtung: { ...valid.einrichtung, pin: '1234' } }),
      'invalid',
      'einrichtung.pin',
    ],
    [
      'an unknown product',
      JSON.stringify({ ...valid, einrichtung: { ...valid.einrichtung, products: ['x.unknown'] } }),
      'invalid',
      'einrichtung.products.0',
    ],
    [
      'an empty computer name',
      JSON.stringify({ ...valid, einrichtung: { ...valid.einrichtung, computers: [{ name: '  ', server: false }] } }),
      'invalid',
      'einrichtung.computers.0.name',
    ],
    ['a phone with letters', JSON.stringify({ ...valid, itPartner: { name: 'IT', phone: 'ruf mich an' } }), 'invalid', 'itPartner.phone'],
    ['a bad practice id', JSON.stringify({ ...valid, practice: { ...valid.practice, id: 'abc' } }), 'invalid', 'practice.id'],
    [
      'a control character',
      JSON.stringify({ ...valid, practice: { ...valid.practice, name: 'Praxis\u0007' } }),
      'invalid',
      'practice.name',
    ],
    ['a prototype key', `{"__proto__":{"polluted":1},${JSON.stringify(valid).slice(1)}`, 'invalid', '__proto__'],
    ['too large', JSON.stringify({ ...valid, createdBy: 'x'.repeat(300 * 1024) }), 'too-large', undefined],
  ])('refuses %s with a reason (and the field)', (_name, content, refusal, field) => {
    const outcome = parsePreset(content);
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.refusal).toBe(refusal);
    expect(outcome.field).toBe(field);
    expect(({} as Record<string, unknown>)['polluted']).toBeUndefined();
  });

  it('accepts a BOM (Windows Notepad) and trims what people typed', () => {
    const outcome = parsePreset(`\uFEFF${JSON.stringify({ ...valid, practice: { ...valid.practice, name: '  Praxis Dr. Muster ' } })}`);
    expect(outcome.ok && outcome.preset.practice.name).toBe('Praxis Dr. Muster');
  });

  it('reads a file only as UTF-8: one saved as Windows-1252 ("ANSI") or UTF-16 is refused, not read with U+FFFD', () => {
    const text = JSON.stringify({ ...valid, practice: { ...valid.practice, name: 'Praxis Dr. Weiß' } });
    const utf8 = parsePresetFile(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]));
    expect(utf8.ok && utf8.preset.practice.name).toBe('Praxis Dr. Weiß');
    expect(parsePresetFile(Buffer.from(text, 'latin1'))).toEqual({ ok: false, refusal: 'not-utf8' });
    expect(parsePresetFile(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).toEqual({
      ok: false,
      refusal: 'not-utf8',
    });
    expect(parsePresetFile(Buffer.from(''))).toEqual({ ok: false, refusal: 'not-json' });
  });

  it('compares practice names as people mean them', () => {
    expect(samePracticeName('Praxis  Dr. Muster', ' praxis dr. muster')).toBe(true);
    expect(samePracticeName('Praxis Dr. Muster', 'Praxis Dr. Meier')).toBe(false);
    expect(samePracticeName('Praxis Müller', 'Praxis Mu\u0308ller')).toBe(true);
  });

  it('never carries a status or anything outside the Einrichtung', () => {
    const built = buildPreset({
      practiceId: valid.practice.id,
      practiceName: 'P',
      profile: { ...defaultProfile(), completed: true },
      record: 'user',
      createdAt: '2026-11-29T01:00:00.000Z',
      createdBy: '',
    });
    expect(Object.keys(built).sort()).toEqual(['createdAt', 'einrichtung', 'format', 'practice', 'record', 'version']);
    expect(JSON.stringify(built)).not.toMatch(/status|completed/);
  });
});
