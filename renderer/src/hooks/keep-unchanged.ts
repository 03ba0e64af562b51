/** Equal as data from main (JSON): the same primitives, and arrays and plain objects with equal contents. */
export function sameData(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
    return a.every((value, index) => sameData(value, b[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  return keys.length === Object.keys(right).length && keys.every((key) => Object.hasOwn(right, key) && sameData(left[key], right[key]));
}

/**
 * `next`, but with `previous`'s own value for every top-level part that did not change, so a screen can memoize
 * what it derives from a part (e.g. the tasks) and skip the work when a push from main changed another one; and
 * `previous` itself when nothing changed at all (then nothing renders again).
 */
export function keepUnchanged<T extends object>(previous: T | null, next: T): T {
  if (previous === null || previous === next) return next;
  const merged = { ...next };
  let changed = Object.keys(previous).length !== Object.keys(next).length;
  for (const key of Object.keys(next) as (keyof T)[]) {
    if (sameData(previous[key], next[key])) merged[key] = previous[key];
    else changed = true;
  }
  return changed ? merged : previous;
}
