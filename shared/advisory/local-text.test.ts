import { describe, expect, it } from 'vitest';
import { advisoryTexts, fallsBackToGerman, guideTexts, languagesOf, pickText, textIn } from './local-text';
import type { Guide, LocalText, Pack } from './pack-schema';

const both: LocalText = { de: 'Ändern Sie zuerst das Administrator-Passwort.', en: 'Change the administrator password first.' };
const germanOnly: LocalText = { de: 'Fragen Sie Ihren IT-Partner.' };

describe('pickText and textIn', () => {
  it('shows German in the German UI, even where English exists', () => {
    expect(pickText(both, 'de')).toEqual({ text: both.de, lang: 'de' });
    expect(pickText(germanOnly, 'de')).toEqual({ text: germanOnly.de, lang: 'de' });
    expect(textIn(both, 'de')).toBe(both.de);
  });

  it('shows English in the English UI where the text has it', () => {
    expect(pickText(both, 'en')).toEqual({ text: both.en, lang: 'en' });
    expect(textIn(both, 'en')).toBe(both.en);
  });

  it('falls back to German, marked lang "de", where the English is missing', () => {
    expect(pickText(germanOnly, 'en')).toEqual({ text: germanOnly.de, lang: 'de' });
    expect(pickText({ de: 'Text', en: undefined }, 'en')).toEqual({ text: 'Text', lang: 'de' });
    expect(textIn(germanOnly, 'en')).toBe(germanOnly.de);
  });

  it('shows German for a language the pack does not carry', () => {
    expect(pickText(both, 'fr')).toEqual({ text: both.de, lang: 'de' });
  });
});

describe('languagesOf', () => {
  it('is German and English only when every text has English', () => {
    expect(languagesOf([both, both])).toEqual(['de', 'en']);
    expect(languagesOf([both, germanOnly])).toEqual(['de']);
    expect(languagesOf([germanOnly])).toEqual(['de']);
  });
});

describe('fallsBackToGerman', () => {
  it('never in the German UI', () => {
    expect(fallsBackToGerman([both, germanOnly], 'de')).toBe(false);
  });

  it('in the English UI as soon as one text lacks English, and not when none does', () => {
    expect(fallsBackToGerman([both, germanOnly], 'en')).toBe(true);
    expect(fallsBackToGerman([germanOnly], 'en')).toBe(true);
    expect(fallsBackToGerman([both, both], 'en')).toBe(false);
    expect(fallsBackToGerman([], 'en')).toBe(false);
  });
});

describe('guideTexts and advisoryTexts', () => {
  const t = (name: string): LocalText => ({ de: `${name} (de)`, en: `${name} (en)` });
  const guide: Guide = {
    id: 'pvs-test',
    target: 'pvs',
    title: t('title'),
    issuer: 'Passwort-Lotse',
    vendorDocument: t('document'),
    products: ['x.comfort'],
    version: '1.0',
    date: '2026-01-01',
    audience: 'praxis',
    minutes: 10,
    steps: [
      { id: 'one', text: t('step 1'), source: t('source 1') },
      { id: 'two', text: t('step 2'), source: t('source 2'), warning: t('warning 2') },
    ],
    changelog: [{ version: '1.0', date: '2026-01-01', note: t('note'), redoRequired: false }],
  };

  it('lists every human text of a guide in reading order, the issuer and ids not among them', () => {
    expect(guideTexts(guide).map((text) => text.de)).toEqual([
      'title (de)',
      'document (de)',
      'step 1 (de)',
      'source 1 (de)',
      'warning 2 (de)',
      'step 2 (de)',
      'source 2 (de)',
      'note (de)',
    ]);
  });

  it('lets one step source without English make the whole guide German-only in the English UI', () => {
    const partly: Guide = { ...guide, steps: [guide.steps[0]!, { ...guide.steps[1]!, source: { de: 'Quelle 2' } }] };
    expect(languagesOf(guideTexts(guide))).toEqual(['de', 'en']);
    expect(languagesOf(guideTexts(partly))).toEqual(['de']);
    expect(fallsBackToGerman(guideTexts(partly), 'en')).toBe(true);
  });

  it('lists every human text of the advisory', () => {
    const advisory: Pack['advisory'] = {
      issuer: 'medatixx GmbH & Co. KG',
      title: t('title'),
      date: '2021-11-08',
      summary: t('summary'),
      timeline: [{ date: '2021-11-08', text: t('event') }],
      known: [t('known')],
      unknown: [t('unknown')],
      sources: [t('source')],
    };
    expect(advisoryTexts(advisory).map((text) => text.en)).toEqual([
      'title (en)',
      'summary (en)',
      'event (en)',
      'known (en)',
      'unknown (en)',
      'source (en)',
    ]);
    expect(fallsBackToGerman(advisoryTexts({ ...advisory, unknown: [{ de: 'Unbekannt' }] }), 'en')).toBe(true);
  });
});
