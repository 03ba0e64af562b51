import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ipcErrorCodeSchema, errorMessageKey } from '../ipc/result';
import { de } from './de';
import { en } from './en';
import { leafKeys, missingKeys, undefinedKeys, usedKeys } from './check';

const root = join(import.meta.dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) && !/\.test\.tsx?$/.test(name) ? [path] : [];
  });
}

describe('i18n resources', () => {
  it('English has every German key and German every English key', () => {
    expect(missingKeys(de, en)).toEqual([]);
    expect(missingKeys(en, de)).toEqual([]);
    expect(leafKeys(de).length).toBeGreaterThan(40);
  });

  it('every key used in app code is defined in both languages', () => {
    // parts.ts lists subtrees of the dictionary (e.g. 'tasks.kind'), not keys a text is shown by.
    const files = ['renderer/src', 'electron', 'shared']
      .flatMap((dir) => sourceFiles(join(root, dir)))
      .filter((file) => file !== join(root, 'shared', 'i18n', 'parts.ts'));
    const namespaces = Object.keys(de);
    // Log event names (logger.info('settings.updated')) look like keys but are not user-facing text.
    const withoutLogEvents = (source: string) => source.replace(/\.(info|warn|error)\(\s*['"][^'"]*['"]/g, '');
    const used = [...new Set(files.flatMap((file) => usedKeys(withoutLogEvents(readFileSync(file, 'utf8')), namespaces)))];
    expect(used.length).toBeGreaterThan(150);
    expect(undefinedKeys(used, de)).toEqual([]);
    expect(undefinedKeys(used, en)).toEqual([]);
  });

  it('every IPC error code has a message in both languages', () => {
    const keys = ipcErrorCodeSchema.options.map(errorMessageKey);
    expect(undefinedKeys(keys, de)).toEqual([]);
    expect(undefinedKeys(keys, en)).toEqual([]);
  });

  it('German text uses real umlauts, not ae/oe/ue spellings', () => {
    const text = leafKeys(de).map((key) => key.split('.').reduce<unknown>((n, p) => (n as Record<string, unknown>)[p], de));
    const spelledOut = /\b(fuer|ueber|Passwoerter|aendern|pruefen|koennen|muessen|Uebersicht|zurueck|waehlen|loeschen|Schluessel)\b/i;
    expect(text.filter((value) => spelledOut.test(String(value)))).toEqual([]);
  });
});

describe('i18n checks catch what they should', () => {
  it('a German key deleted from a copy is reported as missing in German', () => {
    const copy = structuredClone(de) as unknown as { settings: { practiceName: Record<string, string> } };
    delete copy.settings.practiceName['label'];
    expect(missingKeys(en, copy)).toEqual(['settings.practiceName.label']);
  });

  it('an empty translation counts as missing', () => {
    const copy = structuredClone(en) as unknown as { nav: Record<string, string> };
    copy.nav['overview'] = '';
    expect(missingKeys(de, copy)).toEqual(['nav.overview']);
  });

  it('finds keys used in t(), i18nKey and …Key properties, and flags undefined ones', () => {
    const source = `t('nav.overview'); t("nope.missing"); <Trans i18nKey="app.name" />; const x = { labelKey: 'nav.tasks' };`;
    expect(usedKeys(source).sort()).toEqual(['app.name', 'nav.overview', 'nav.tasks', 'nope.missing']);
    expect(undefinedKeys(usedKeys(source), de)).toEqual(['nope.missing']);
  });

  it('finds keys in typed key maps by their namespace', () => {
    const source = `const KEYS = { a: 'status.open', b: 'status.gone' } as const; const url = 'app.example.org';`;
    expect(usedKeys(source, ['status']).sort()).toEqual(['status.gone', 'status.open']);
    expect(undefinedKeys(usedKeys(source, ['status']), de)).toEqual(['status.gone']);
  });

  it('a plural key counts as defined when _one and _other exist', () => {
    expect(undefinedKeys(['items'], { items_one: 'ein', items_other: 'viele' })).toEqual([]);
    expect(undefinedKeys(['items'], { items_one: 'ein' })).toEqual(['items']);
  });
});
