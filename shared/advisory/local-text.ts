import type { Guide, LocalText, Pack } from './pack-schema';

export type { LocalText } from './pack-schema';

/** The languages a pack's human texts can carry; German is always there. */
export type TextLanguage = 'de' | 'en';

/** A pack text as shown: the words, and the language they are really in (German where English is missing). */
export interface ShownText {
  text: string;
  lang: TextLanguage;
}

/** The text in the UI language, or the German one where the pack has no English. */
export function pickText(value: LocalText, language: string): ShownText {
  if (language === 'en' && value.en !== undefined) return { text: value.en, lang: 'en' };
  return { text: value.de, lang: 'de' };
}

/** Shorthand for where only the words matter (a title inside a sentence, a file name). */
export const textIn = (value: LocalText, language: string): string => pickText(value, language).text;

/** Every human text of a guide, in reading order: title, vendor document, each step's warning, text and source, the changelog. */
export function guideTexts(guide: Guide): LocalText[] {
  return [
    guide.title,
    ...(guide.vendorDocument ? [guide.vendorDocument] : []),
    ...guide.steps.flatMap((step) => [...(step.warning ? [step.warning] : []), step.text, step.source]),
    ...guide.changelog.map((entry) => entry.note),
  ];
}

/** Every human text of the advisory ("Was ist passiert?"). */
export function advisoryTexts(advisory: Pack['advisory']): LocalText[] {
  return [
    advisory.title,
    advisory.summary,
    ...advisory.timeline.map((event) => event.text),
    ...advisory.known,
    ...advisory.unknown,
    ...advisory.sources,
  ];
}

/** The languages in which every one of these texts exists: always German, English only where none lacks it. */
export function languagesOf(texts: readonly LocalText[]): TextLanguage[] {
  return texts.every((value) => value.en !== undefined) ? ['de', 'en'] : ['de'];
}

/** Does showing these texts in `language` fall back to German anywhere? Then the screen says so once. */
export function fallsBackToGerman(texts: readonly LocalText[], language: string): boolean {
  return language !== 'de' && texts.some((value) => pickText(value, language).lang !== language);
}
