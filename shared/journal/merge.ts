import type { JournalEvent } from './events';

/**
 * A practice's record as a set of chains: for each installation (PC) the events of its journal, oldest first.
 *
 * Merging records from several PCs is the union of their chains. One installation's chain only ever grows, so of
 * two copies of it one must be the beginning of the other; two copies that differ at the same position are not
 * the same installation's journal (a forged or foreign file) and cannot be merged.
 */
export type ChainSet = ReadonlyMap<string, readonly JournalEvent[]>;

export type MergeOutcome = { ok: true; chains: ChainSet } | { ok: false; installationId: string; seq: number };

/** Is `shorter` the beginning of `longer` (the same events, hash for hash)? */
function isPrefix(shorter: readonly JournalEvent[], longer: readonly JournalEvent[]): number | true {
  for (let i = 0; i < shorter.length; i += 1) {
    if (shorter[i]?.hash !== longer[i]?.hash) return shorter[i]?.seq ?? i + 1;
  }
  return true;
}

/** The union of two chain sets; commutative, associative and idempotent, and it loses no event. Pure. */
export function mergeChains(a: ChainSet, b: ChainSet): MergeOutcome {
  const out = new Map<string, readonly JournalEvent[]>();
  for (const id of [...new Set([...a.keys(), ...b.keys()])].sort()) {
    const x = a.get(id) ?? [];
    const y = b.get(id) ?? [];
    const [shorter, longer] = x.length <= y.length ? [x, y] : [y, x];
    const prefix = isPrefix(shorter, longer);
    if (prefix !== true) return { ok: false, installationId: id, seq: prefix };
    out.set(id, longer);
  }
  return { ok: true, chains: out };
}

/**
 * The order in which the union is folded: by the time recorded, then installation id, then sequence number.
 *
 * It depends only on the events, never on which PC merged first, so every PC that holds the same chains shows the
 * same state; "the later recorded change wins" falls out of it. Events of one installation keep their own order
 * even if its clock went back (a later seq is never sorted before an earlier one of the same chain).
 */
export function orderEvents(chains: ChainSet): JournalEvent[] {
  const keyed: { event: JournalEvent; at: number }[] = [];
  for (const events of chains.values()) {
    // Within a chain the time used for ordering never goes back: a clock set back keeps the chain's own order.
    let floor = -Infinity;
    for (const event of events) {
      floor = Math.max(floor, Date.parse(event.at));
      keyed.push({ event, at: floor });
    }
  }
  keyed.sort((p, q) => p.at - q.at || compare(p.event.inst, q.event.inst) || p.event.seq - q.event.seq);
  return keyed.map((k) => k.event);
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** The events of `next` that `known` does not have yet, per installation. */
export function newEvents(known: ChainSet, next: ChainSet): Map<string, JournalEvent[]> {
  const out = new Map<string, JournalEvent[]>();
  for (const [id, events] of next) {
    const have = known.get(id)?.length ?? 0;
    if (events.length > have) out.set(id, events.slice(have));
  }
  return out;
}
