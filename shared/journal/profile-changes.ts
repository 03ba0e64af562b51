import type { Profile } from '../domain/profile';
import type { ProfileChange } from './events';

const LISTS = ['products', 'remoteTools', 'portals'] as const;
const ANSWERS = ['connector', 'connectorModel', 'windowsAccounts', 'firewall', 'securitySystem'] as const;

/** What changed between two profiles, field by field, as the Protokoll records it. Pure. */
export function profileChanges(before: Profile, after: Profile): ProfileChange[] {
  const changes: ProfileChange[] = [];
  const list = (field: string, a: readonly string[], b: readonly string[]) => {
    const added = b.filter((x) => !a.includes(x));
    const removed = a.filter((x) => !b.includes(x));
    if (added.length || removed.length) changes.push({ field, ...(added.length ? { added } : {}), ...(removed.length ? { removed } : {}) });
  };
  for (const field of LISTS) list(field, before[field], after[field]);
  for (const field of ANSWERS) if (before[field] !== after[field]) changes.push({ field, from: before[field], to: after[field] });
  if (Boolean(before.productsUnsure) !== Boolean(after.productsUnsure)) {
    changes.push({ field: 'productsUnsure', from: String(Boolean(before.productsUnsure)), to: String(Boolean(after.productsUnsure)) });
  }
  const named = <T extends { id: string }>(items: readonly T[], name: (t: T) => string) => items.map((i) => `${i.id}=${name(i)}`);
  list(
    'computers',
    named(before.computers, (c) => c.name),
    named(after.computers, (c) => c.name),
  );
  list(
    'servers',
    before.computers.filter((c) => c.server).map((c) => c.id),
    after.computers.filter((c) => c.server).map((c) => c.id),
  );
  list(
    'cardTerminals',
    named(before.cardTerminals, (c) => c.model),
    named(after.cardTerminals, (c) => c.model),
  );
  return changes;
}
