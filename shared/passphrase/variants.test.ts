import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { germanWordList } from './bundled-word-list';
import type { FillRandom } from './random';
import { generateVariant, satisfies, TARGETS, variantsFor } from './variants';

const cryptoFill: FillRandom = (target) => crypto.getRandomValues(target);
const list = germanWordList();

describe('variantsFor', () => {
  it('says for every target what is not known, and that the maximum length is unknown unless given', () => {
    for (const target of TARGETS) {
      const advice = variantsFor(target, list);
      expect(advice.variants.length).toBeGreaterThan(0);
      expect(advice.maxLength).toEqual({ known: false });
      if (['pvs', 'connector', 'other', 'remote-maintenance'].includes(target)) expect(advice.unknowns).toContain('max-length');
      for (const fact of advice.facts) expect(fact.source.quote.length).toBeGreaterThan(20);
    }
  });

  it('card terminal and SMC-B: an 8-digit PIN; Windows: capitals and a digit', () => {
    expect(variantsFor('card-terminal', list).variants).toMatchObject([{ kind: 'pin', length: 8 }]);
    expect(variantsFor('smc-b', list).variants).toMatchObject([{ kind: 'pin', length: 8 }]);
    expect(variantsFor('windows', list).variants).toMatchObject([{ id: 'passphrase-windows', options: { capitalize: true, digit: true } }]);
  });

  it('with a maximum length: a shorter passphrase when one fits, else random characters, else nothing', () => {
    expect(variantsFor('connector', list, { maxLength: 40 }).variants).toMatchObject([{ id: 'passphrase-short' }]);
    expect(variantsFor('connector', list, { maxLength: 20 }).variants).toMatchObject([{ id: 'characters-short', length: 20 }]);
    expect(variantsFor('windows', list, { maxLength: 12 }).variants).toEqual([]);
    expect(variantsFor('card-terminal', list, { maxLength: 6 }).variants).toEqual([]);
    expect(variantsFor('pvs', list, { maxLength: 30 }).maxLength).toEqual({ known: true, value: 30 });
    expect(() => variantsFor('pvs', list, { maxLength: 0 })).toThrow(RangeError);
  });

  const cases = TARGETS.flatMap((target) => [undefined, 16, 24, 32, 48].map((maxLength) => [target, maxLength] as const));
  it.each(cases)(
    '%s, maxLength %s: every variant meets all its constraints in 2,000 draws (10,000 per generator in its own test file)',
    (target, maxLength) => {
      for (const variant of variantsFor(target, list, { maxLength }).variants) {
        if (maxLength !== undefined) expect(variant.constraints).toContainEqual({ kind: 'max-length', value: maxLength });
        for (let i = 0; i < 2_000; i += 1) {
          const secret = generateVariant(variant, list, cryptoFill);
          for (const constraint of variant.constraints)
            expect(satisfies(secret.text, constraint), `${secret.text} ${JSON.stringify(constraint)}`).toBe(true);
          expect(secret.parts.join(variant.kind === 'passphrase' ? (variant.options.separator as string) : '')).toBe(secret.text);
        }
      }
    },
    60_000,
  );
});

describe('sources', () => {
  const research = fileURLToPath(new URL('../../../shared/research/', import.meta.url));
  it.skipIf(!existsSync(research))('every quote from the research sheets is in them word for word', () => {
    for (const target of TARGETS)
      for (const { source } of variantsFor(target, list).facts) {
        if (!source.file.startsWith('research/')) continue;
        const text = readFileSync(`${research}${source.file.slice('research/'.length)}`, 'utf8').replace(/\s+/gu, ' ');
        expect(text, `${target}: ${source.quote}`).toContain(source.quote);
      }
  });
});
