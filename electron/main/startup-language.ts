import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Language } from '../../shared/state/settings';

/**
 * The language to tell a failed start in: the one the person chose, read straight from the settings file (the
 * services that normally read it may be what failed). German when the file is missing, damaged or says nothing.
 */
export function startupLanguage(userDataDir: string): Language {
  try {
    const raw: unknown = JSON.parse(readFileSync(join(userDataDir, 'passwort-lotse.json'), 'utf8'));
    const language = (raw as { settings?: { language?: unknown } } | null)?.settings?.language;
    return language === 'en' ? 'en' : 'de';
  } catch {
    return 'de';
  }
}
