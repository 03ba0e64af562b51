/**
 * Checks of the i18n resources, pure so the test run can prove each of them catches what it should.
 */

/** Every leaf key of a nested resource object, dotted: `settings.practiceName.label`. */
export function leafKeys(tree: unknown, prefix = ''): string[] {
  if (typeof tree !== 'object' || tree === null) return prefix ? [prefix] : [];
  return Object.entries(tree).flatMap(([key, value]) => (typeof value === 'string' ? [prefix + key] : leafKeys(value, `${prefix}${key}.`)));
}

/** Keys present in `reference` but missing (or not a non-empty string) in `other`. */
export function missingKeys(reference: unknown, other: unknown): string[] {
  const have = new Set(leafKeys(other).filter((key) => typeof lookup(other, key) === 'string' && lookup(other, key) !== ''));
  return leafKeys(reference).filter((key) => !have.has(key));
}

export function lookup(tree: unknown, dotted: string): unknown {
  return dotted.split('.').reduce<unknown>((node, part) => {
    if (typeof node !== 'object' || node === null) return undefined;
    return (node as Record<string, unknown>)[part];
  }, tree);
}

/**
 * Literal i18n keys used in source text: calls of t with a string literal, i18nKey props and …Key properties.
 *
 * With `namespaces`, every string literal that starts with one of them counts too, which covers typed key maps.
 * Keys built at run time (template strings) are not found here.
 */
export function usedKeys(source: string, namespaces: readonly string[] = []): string[] {
  const patterns = [
    // Any string literal that starts with a top-level namespace of the resources, e.g. in a typed key map.
    ...(namespaces.length
      ? [new RegExp(`['"]((?:${namespaces.map((n) => n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|')})\\.[A-Za-z0-9_.-]+)['"]`, 'g')]
      : []),
    /\bt\(\s*['"]([A-Za-z0-9_.-]+)['"]/g,
    /\bi18nKey=\{?['"]([A-Za-z0-9_.-]+)['"]/g,
    /\b[a-z][A-Za-z]*Key:\s*['"]([A-Za-z0-9_.-]+\.[A-Za-z0-9_.-]+)['"]/g,
  ];
  const found = new Set<string>();
  for (const pattern of patterns) for (const match of source.matchAll(pattern)) found.add(match[1] as string);
  return [...found];
}

/** Used keys that no resource defines; a plural key `x` is defined when `x_one` and `x_other` are. */
export function undefinedKeys(used: readonly string[], resources: unknown): string[] {
  return used.filter((key) => {
    if (typeof lookup(resources, key) === 'string') return false;
    return !(typeof lookup(resources, `${key}_one`) === 'string' && typeof lookup(resources, `${key}_other`) === 'string');
  });
}
