import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startupLanguage } from './startup-language';

describe('startupLanguage', () => {
  const dir = () => mkdtempSync(join(tmpdir(), 'pl-startup-'));

  it('speaks the language the settings file names', () => {
    const folder = dir();
    writeFileSync(join(folder, 'passwort-lotse.json'), JSON.stringify({ schemaVersion: 3, settings: { userName: '', language: 'en' } }));
    expect(startupLanguage(folder)).toBe('en');
  });

  it('falls back to German for a missing, damaged or odd file', () => {
    expect(startupLanguage(dir())).toBe('de');
    const damaged = dir();
    writeFileSync(join(damaged, 'passwort-lotse.json'), '{"settings": {"language": "en"');
    expect(startupLanguage(damaged)).toBe('de');
    const odd = dir();
    writeFileSync(join(odd, 'passwort-lotse.json'), JSON.stringify({ settings: { language: 'fr' } }));
    expect(startupLanguage(odd)).toBe('de');
  });
});
