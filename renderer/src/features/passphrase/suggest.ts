/**
 * Which suggestion the helper shows, from the dialog's choices, using the pure core (shared/passphrase).
 *
 * Kinds: `words` (a passphrase), `windows` (the core's Windows variant: capitals and a digit, meets the complexity
 * rule) and `pin` (the card terminal's 8-digit Admin-PIN, with the ORGA rules). A known maximum length (typed by the
 * user; the core invents none) gives the word count that fits, or a character password where four words do not.
 *
 * "ohne Umlaute": always on (`umlauts: 'transcribe'`), not offered as a toggle: the bundled list
 * (assets/wordlists/de-7776-v1.txt) has no umlauts and no ß at all, so the toggle would change nothing. The help
 * text says the words have none instead. If a list with umlauts is bundled one day, offer the toggle here.
 */
import {
  bestPlanForMaxLength,
  DEFAULT_PASSPHRASE_OPTIONS,
  drawPassphrase,
  generateVariant,
  germanWordList,
  MAX_CHARACTER_PASSWORD_LENGTH,
  MIN_CHARACTER_PASSWORD_LENGTH,
  planPassphrase,
  variantsFor,
  type FillRandom,
  type GeneratedSecret,
  type PassphraseOptions,
  type Separator,
  type Target,
} from '../../../../shared/passphrase';

export type SuggestionKind = 'words' | 'windows' | 'pin';

export interface SuggestionChoices {
  kind: SuggestionKind;
  words: number;
  separator: Separator;
  digit: boolean;
  /** A maximum length the user knows (words only); undefined when none is known. */
  maxLength: number | undefined;
}

export type Suggestion = GeneratedSecret & {
  /** How a maximum length changed the suggestion, for a line of explanation. */
  fitted?: { kind: 'shortened'; words: number; max: number } | { kind: 'characters'; max: number } | undefined;
};

/** The renderer's only source of randomness: Web Crypto. */
export const cryptoFill: FillRandom = (target) => crypto.getRandomValues(target);

/** The kinds offered for a guide's target (the first is chosen at first); from the Übersicht all three. */
export function kindsFor(target: Target | 'any'): SuggestionKind[] {
  if (target === 'card-terminal' || target === 'smc-b') return ['pin'];
  if (target === 'windows') return ['windows', 'words'];
  if (target === 'any') return ['words', 'windows', 'pin'];
  return ['words'];
}

/** Whether the max-length field is offered: for a passphrase where the system's limit is not known to us. */
export function asksMaxLength(choices: Pick<SuggestionChoices, 'kind'>): boolean {
  return choices.kind === 'words';
}

export function suggest(choices: SuggestionChoices, fill: FillRandom = cryptoFill): Suggestion {
  const list = germanWordList();
  if (choices.kind === 'pin') {
    const pin = variantsFor('card-terminal', list).variants[0];
    if (!pin) throw new Error('no PIN variant');
    return generateVariant(pin, list, fill);
  }
  const base: PassphraseOptions = {
    ...DEFAULT_PASSPHRASE_OPTIONS,
    umlauts: 'transcribe',
    words: choices.words,
    separator: choices.separator,
    digit: choices.digit,
  };
  if (choices.kind === 'windows') {
    const windows = variantsFor('windows', list).variants[0];
    const options = windows?.kind === 'passphrase' ? windows.options : { ...base, capitalize: true, digit: true };
    return generateVariant(
      {
        id: 'passphrase-windows',
        kind: 'passphrase',
        options: { ...options, words: choices.words, separator: choices.separator },
        constraints: [],
      },
      list,
      fill,
    );
  }
  const max = choices.maxLength;
  const plan = planPassphrase({ ...base, maxLength: max }, list);
  if (plan.fits) return fromPlan(drawPassphrase(plan, fill));
  if (max === undefined) throw new Error('a passphrase without a maximum length always fits');
  const { words: _words, ...rest } = base;
  const best = bestPlanForMaxLength(max, rest, list);
  if (best) return { ...fromPlan(drawPassphrase(best, fill)), fitted: { kind: 'shortened', words: best.options.words, max } };
  const length = Math.min(Math.max(max, MIN_CHARACTER_PASSWORD_LENGTH), MAX_CHARACTER_PASSWORD_LENGTH);
  return {
    ...generateVariant({ id: 'characters-short', kind: 'characters', length, constraints: [] }, list, fill),
    fitted: { kind: 'characters', max },
  };
}

function fromPlan(phrase: ReturnType<typeof drawPassphrase>): Suggestion {
  return { text: phrase.text, parts: phrase.words, length: phrase.length, bits: phrase.bits, strength: phrase.strength };
}
