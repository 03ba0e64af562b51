/**
 * Which kind of new secret fits which system, from what is known about it, and nothing more.
 *
 * Each target lists the constraints we have a source for (file + quote) and, just as important, what is not known.
 * Where a system's maximum length is not known the result says so (`maxLength.known === false`); the caller may
 * pass a maximum length (from a manual, a fact sheet or an error message the user saw) and gets variants that fit it.
 * No limit here is invented: every number has a source below, or is a parameter.
 */
import { generateCharacterPassword, MAX_CHARACTER_PASSWORD_LENGTH, MIN_CHARACTER_PASSWORD_LENGTH } from './characters';
import { bestPlanForMaxLength, DEFAULT_PASSPHRASE_OPTIONS, drawPassphrase, planPassphrase, type PassphraseOptions } from './passphrase';
import { generatePin, pinProblems } from './pin';
import type { FillRandom } from './random';
import type { Strength } from './strength';
import { meetsWindowsComplexity } from './windows';
import { hasUmlauts } from './word-list';

export const TARGETS = ['pvs', 'windows', 'connector', 'card-terminal', 'smc-b', 'remote-maintenance', 'other'] as const;
export type Target = (typeof TARGETS)[number];

/** A rule a generated secret must meet; `satisfies` checks it. */
export type Constraint =
  | { kind: 'max-length'; value: number }
  | { kind: 'min-length'; value: number }
  | { kind: 'exact-length'; value: number }
  | { kind: 'digits-only' }
  | { kind: 'no-umlauts' }
  | { kind: 'windows-complexity' }
  | { kind: 'pin-rules' };

export interface Source {
  /** Path of the source, relative to the shared folder (`research/…`) or a public repository. */
  file: string;
  section: string;
  quote: string;
}

export interface SourcedConstraint {
  constraint: Constraint;
  source: Source;
}

/** What we do not know about a target; the UI says so instead of guessing. */
export type Unknown = 'max-length' | 'allowed-characters' | 'windows-complexity-enabled' | 'other-terminal-models' | 'remote-tool-limits';

export type Variant =
  | {
      id: 'passphrase' | 'passphrase-windows' | 'passphrase-short';
      kind: 'passphrase';
      options: PassphraseOptions;
      constraints: Constraint[];
    }
  | { id: 'characters-short'; kind: 'characters'; length: number; constraints: Constraint[] }
  | { id: 'pin'; kind: 'pin'; length: number; constraints: Constraint[] };

export interface TargetAdvice {
  target: Target;
  /** Best first. Empty only for a maximum length below what any variant can meet. */
  variants: Variant[];
  maxLength: { known: true; value: number } | { known: false };
  facts: SourcedConstraint[];
  unknowns: Unknown[];
}

const ADVISORY = 'research/advisory-facts.md';
const AREAS = 'research/credential-areas.md';
const MS_DOCS = 'github.com/MicrosoftDocs/windows-itpro-docs windows/security/threat-protection/security-policy-settings/';

const ORGA_RULES: Source = {
  file: ADVISORY,
  section: 'TI-Konnektor and card terminals',
  quote: 'ORGA 6141 online: Admin-PIN via "Service" → "PIN ändern"; avoid repeated/ascending digits, dates, staff numbers.',
};
const BSI_UMLAUTS: Source = {
  file: AREAS,
  section: '§ 1.2',
  quote: 'Avoid umlauts and symbols like ä, ö, ü, ß, €, ¢, because foreign services/keyboards may not accept or encode them the same way.',
};

interface Profile {
  facts: SourcedConstraint[];
  unknowns: Unknown[];
  /** Variants without a maximum length, best first. */
  variants: Variant[];
}

const noUmlauts: SourcedConstraint = { constraint: { kind: 'no-umlauts' }, source: BSI_UMLAUTS };
const plainPassphrase: PassphraseOptions = { ...DEFAULT_PASSPHRASE_OPTIONS, umlauts: 'transcribe' };
const windowsPassphrase: PassphraseOptions = { ...plainPassphrase, capitalize: true, digit: true };

function passphraseVariant(options: PassphraseOptions, facts: SourcedConstraint[], windows = false): Variant {
  return {
    id: windows ? 'passphrase-windows' : 'passphrase',
    kind: 'passphrase',
    options,
    constraints: facts.map((fact) => fact.constraint),
  };
}

function pinProfile(length: Source & { value: number }, extra: SourcedConstraint[], unknowns: Unknown[]): Profile {
  const facts: SourcedConstraint[] = [
    { constraint: { kind: 'exact-length', value: length.value }, source: length },
    { constraint: { kind: 'digits-only' }, source: length },
    { constraint: { kind: 'pin-rules' }, source: ORGA_RULES },
    ...extra,
  ];
  return { facts, unknowns, variants: [{ id: 'pin', kind: 'pin', length: length.value, constraints: facts.map((f) => f.constraint) }] };
}

function profile(target: Target): Profile {
  switch (target) {
    case 'windows': {
      const facts: SourcedConstraint[] = [
        {
          constraint: { kind: 'windows-complexity' },
          source: {
            file: `${MS_DOCS}password-must-meet-complexity-requirements.md`,
            section: 'Reference',
            quote:
              'The password contains characters from three of the following categories: Uppercase letters […] Lowercase letters […] Base 10 digits (0 through 9) Non-alphanumeric characters […]',
          },
        },
        {
          constraint: { kind: 'min-length', value: 14 },
          source: {
            file: `${MS_DOCS}minimum-password-length.md`,
            section: 'Reference',
            quote:
              'You can set a value of between 1 and 14 characters, or you can establish that no password is required by setting the number of characters to 0.',
          },
        },
        noUmlauts,
      ];
      return { facts, unknowns: ['windows-complexity-enabled'], variants: [passphraseVariant(windowsPassphrase, facts, true)] };
    }
    case 'card-terminal':
      return pinProfile(
        {
          file: ADVISORY,
          section: 'TI-Konnektor and card terminals',
          quote: 'ORGA 930 M online: 8-digit Admin-PIN, 3 wrong tries lock for 24 h.',
          value: 8,
        },
        [],
        // Cherry ST-1506 / G87-1505: "admin menu / administrator password and PUK" (advisory-facts.md), no format known.
        ['other-terminal-models'],
      );
    case 'smc-b':
      return pinProfile(
        { file: AREAS, section: '§ 3.3', quote: 'SMC-B: transport PIN changed into a self-chosen PIN of 6–8 digits.', value: 8 },
        [],
        [],
      );
    case 'remote-maintenance': {
      const facts: SourcedConstraint[] = [
        {
          constraint: { kind: 'min-length', value: 13 },
          source: {
            file: AREAS,
            section: '§ 4.2',
            quote: 'Anyone who has the unattended password and the AnyDesk ID has full access; AnyDesk recommends more than 12 characters.',
          },
        },
        noUmlauts,
      ];
      return {
        facts,
        unknowns: ['max-length', 'allowed-characters', 'remote-tool-limits'],
        variants: [passphraseVariant(plainPassphrase, facts)],
      };
    }
    case 'pvs':
    case 'connector':
    case 'other':
      // PVS: "No menu paths are public for changing passwords in easymed, medatixx, x.comfort, x.concept, x.isynet,
      // x.vianova" (advisory-facts.md); connector: the manuals quoted there name no length or character rules.
      return {
        facts: [noUmlauts],
        unknowns: ['max-length', 'allowed-characters'],
        variants: [passphraseVariant(plainPassphrase, [noUmlauts])],
      };
  }
}

/**
 * The variants that fit a target, best first. With `maxLength` (a limit the user or a manual gave): passphrase
 * variants are shortened to the word count with the most bits that fits, and where no passphrase fits, a password of
 * random characters of exactly that length (capped at MAX_CHARACTER_PASSWORD_LENGTH) is offered instead.
 */
export function variantsFor(target: Target, list: readonly string[], limits: { maxLength?: number | undefined } = {}): TargetAdvice {
  const { facts, unknowns, variants } = profile(target);
  const { maxLength } = limits;
  if (maxLength === undefined) return { target, variants, maxLength: { known: false }, facts, unknowns: [...unknowns] };
  if (!Number.isInteger(maxLength) || maxLength < 1) throw new RangeError(`maxLength must be a positive integer, got ${maxLength}`);

  const fitted: Variant[] = [];
  const limit: Constraint = { kind: 'max-length', value: maxLength };
  for (const variant of variants) {
    const constraints = [...variant.constraints, limit];
    const minLength = Math.max(0, ...constraints.map((c) => (c.kind === 'min-length' || c.kind === 'exact-length' ? c.value : 0)));
    if (minLength > maxLength) continue;
    if (variant.kind !== 'passphrase') {
      fitted.push({ ...variant, constraints });
      continue;
    }
    const { words: _words, maxLength: _max, ...base } = variant.options;
    const plan = bestPlanForMaxLength(maxLength, base, list);
    if (plan) {
      fitted.push({ id: 'passphrase-short', kind: 'passphrase', options: plan.options, constraints });
    } else if (maxLength >= MIN_CHARACTER_PASSWORD_LENGTH) {
      fitted.push({ id: 'characters-short', kind: 'characters', length: Math.min(maxLength, MAX_CHARACTER_PASSWORD_LENGTH), constraints });
    }
  }
  return {
    target,
    variants: fitted,
    maxLength: { known: true, value: maxLength },
    facts,
    unknowns: unknowns.filter((u) => u !== 'max-length'),
  };
}

export interface GeneratedSecret {
  text: string;
  /** Pieces for the "Buchstabieren" view: words, groups of four characters, or the PIN's digits. */
  parts: string[];
  length: number;
  bits: number;
  /** Not for PINs: they rely on the terminal's lockout, see strength.ts. */
  strength: Strength | undefined;
}

/** Plans by word list and options, so that drawing many passphrases does not rebuild the pool each time. */
const plans = new WeakMap<readonly string[], Map<string, ReturnType<typeof planPassphrase>>>();

function cachedPlan(options: PassphraseOptions, list: readonly string[]): ReturnType<typeof planPassphrase> {
  let byOptions = plans.get(list);
  if (!byOptions) plans.set(list, (byOptions = new Map()));
  const key = JSON.stringify(options);
  let plan = byOptions.get(key);
  if (!plan) byOptions.set(key, (plan = planPassphrase(options, list)));
  return plan;
}

export function generateVariant(variant: Variant, list: readonly string[], fill: FillRandom): GeneratedSecret {
  switch (variant.kind) {
    case 'passphrase': {
      const plan = cachedPlan(variant.options, list);
      if (!plan.fits) throw new RangeError('the variant does not fit this word list');
      const phrase = drawPassphrase(plan, fill);
      return { text: phrase.text, parts: phrase.words, length: phrase.length, bits: phrase.bits, strength: phrase.strength };
    }
    case 'characters': {
      const password = generateCharacterPassword(variant.length, fill);
      return { text: password.text, parts: password.groups, length: password.length, bits: password.bits, strength: password.strength };
    }
    case 'pin': {
      const pin = generatePin(fill, variant.length);
      return { text: pin.pin, parts: [...pin.pin], length: pin.length, bits: pin.bits, strength: undefined };
    }
  }
}

/** Whether a secret meets one constraint. */
export function satisfies(text: string, constraint: Constraint): boolean {
  const length = [...text].length;
  switch (constraint.kind) {
    case 'max-length':
      return length <= constraint.value;
    case 'min-length':
      return length >= constraint.value;
    case 'exact-length':
      return length === constraint.value;
    case 'digits-only':
      return /^[0-9]+$/u.test(text);
    case 'no-umlauts':
      return !hasUmlauts(text);
    case 'windows-complexity':
      return meetsWindowsComplexity(text);
    case 'pin-rules':
      return /^[0-9]+$/u.test(text) && pinProblems(text).length === 0;
  }
}
