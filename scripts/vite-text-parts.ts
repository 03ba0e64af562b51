import type { Plugin } from 'vite';
import { de } from '../shared/i18n/de';
import { en } from '../shared/i18n/en';
import { pickPart, TEXT_PARTS, type TextPart } from '../shared/i18n/parts';

const PREFIX = 'virtual:texts/';
const dictionaries = { de, en } as const;

/**
 * `import texts from 'virtual:texts/<language>/<part>'`: one part of one language's UI texts (shared/i18n/parts.ts),
 * cut from de.ts or en.ts at build time, as JSON.parse of a string literal (parsed faster than an object literal).
 */
export function textParts(): Plugin {
  return {
    name: 'passwort-lotse-text-parts',
    resolveId(id) {
      return id.startsWith(PREFIX) ? `\0${id}` : undefined;
    },
    load(id) {
      if (!id.startsWith(`\0${PREFIX}`)) return undefined;
      const [language, part] = id.slice(PREFIX.length + 1).split('/') as [string, string];
      if (!(language in dictionaries) || !(part in TEXT_PARTS) || part === 'main') throw new Error(`no UI text part ${id.slice(1)}`);
      const texts = pickPart(dictionaries[language as keyof typeof dictionaries], part as TextPart);
      return `export default JSON.parse(${JSON.stringify(JSON.stringify(texts))});\n`;
    },
  };
}
