import type { Profile } from './profile';

const MAX_SLUG = 30;

/** The normalised form of a name for an id: lower case, umlauts spelt out, other signs as single dashes. */
export function slugOf(name: string): string {
  const spelt = name
    .normalize('NFC')
    .toLowerCase()
    .replace(/ä/g, 'ae')
    .replace(/ö/g, 'oe')
    .replace(/ü/g, 'ue')
    .replace(/ß/g, 'ss')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '');
  return spelt
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, MAX_SLUG)
    .replace(/-+$/g, '');
}

function assign<T extends { id: string }>(
  items: readonly T[],
  known: ReadonlySet<string>,
  prefix: string,
  nameOf: (item: T) => string,
  fallback: string,
): T[] {
  const used = new Set<string>();
  // Items the practice already had keep their id, also when renamed, so their recorded statuses stay attached.
  for (const item of items) if (known.has(item.id)) used.add(item.id);
  return items.map((item) => {
    if (known.has(item.id)) return item;
    const base = `${prefix}-${slugOf(nameOf(item)) || fallback}`;
    let id = base;
    for (let n = 2; used.has(id); n += 1) id = `${base}-${n}`;
    used.add(id);
    return { ...item, id };
  });
}

/**
 * Stable ids for the profile's computers and card terminals.
 *
 * A new item gets an id from its kind and its normalised name (`pc-empfang-1`, `kt-orga-6141-online`; a second
 * item of the same name `-2`, in the order entered), so the same practice set up on another PC gets the same ids
 * and task ids. An item that is already in the current profile keeps its id. Pure.
 */
export function withStableIds(input: Profile, current: Profile): Profile {
  return {
    ...input,
    computers: assign(input.computers, new Set(current.computers.map((c) => c.id)), 'pc', (c) => c.name, 'computer'),
    cardTerminals: assign(input.cardTerminals, new Set(current.cardTerminals.map((c) => c.id)), 'kt', (c) => c.model, 'kartenterminal'),
  };
}
