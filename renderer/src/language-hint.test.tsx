import { afterEach, describe, expect, it, vi } from 'vitest';

/** The module reads the storage once, when it is loaded: each test loads it afresh over its own storage. */
async function loadHint(storage: Pick<Storage, 'getItem' | 'setItem'>) {
  vi.resetModules();
  vi.stubGlobal('localStorage', storage);
  return import('./language-hint');
}

describe('the language guess', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('guesses the language kept, and writes the language shown only when it differs from what is kept', async () => {
    const kept = new Map<string, string>([['passwort-lotse.language', 'en']]);
    const setItem = vi.fn((key: string, value: string) => void kept.set(key, value));
    const hint = await loadHint({ getItem: (key) => kept.get(key) ?? null, setItem });
    expect(hint.languageGuess).toBe('en');
    hint.rememberLanguage('en');
    expect(setItem).not.toHaveBeenCalled();
    hint.rememberLanguage('de');
    hint.rememberLanguage('de');
    expect(setItem).toHaveBeenCalledTimes(1);
    expect(kept.get('passwort-lotse.language')).toBe('de');
  });

  it('guesses German when nothing is kept, and costs only the guess when the storage refuses', async () => {
    const refused = () => {
      throw new Error('storage refused');
    };
    const hint = await loadHint({ getItem: refused, setItem: refused });
    expect(hint.languageGuess).toBe('de');
    expect(() => hint.rememberLanguage('en')).not.toThrow();
  });
});
