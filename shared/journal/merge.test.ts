import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Area } from '../domain/log';
import { EVENT_FORMAT_VERSION, type EventDraft, type JournalEvent } from './events';
import { foldEvents } from './fold';
import { mergeChains, newEvents, orderEvents, type ChainSet, type MergeOutcome } from './merge';

/** Five PCs of one practice; the ids are sorted so that a tie in time has a known order. */
const IDS = [
  '1c9e4a2b-0d3f-4e5a-8b6c-7d8e9f0a1b2c',
  '3f2b8c1e-7a4d-4e2f-9b6a-1c5d8e9f0a12',
  '7b1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f',
  'a1b2c3d4-e5f6-4a7b-8c9d-0e1f2a3b4c5d',
  'e9d8c7b6-a5f4-4e3d-9c2b-1a0f9e8d7c6b',
] as const;
const TASKS: readonly { taskId: string; area: Area; guideId: string }[] = [
  { taskId: 'pvs:x.comfort', area: 'pvs', guideId: 'pvs-x.comfort' },
  { taskId: 'connector:x.comfort', area: 'connector', guideId: 'connector-x.comfort' },
  { taskId: 'firewall', area: 'windows', guideId: 'firewall' },
  { taskId: 'team-briefing', area: 'other', guideId: 'team-briefing' },
];
const STATUSES = ['in-progress', 'done', 'not-applicable', 'handed-to-it'] as const;
const PEOPLE = ['Sabine Yilmaz', 'Dr. Jörg Weiß', 'Tobias Müller (IT-Partner)'] as const;
const START = Date.parse('2021-11-08T08:00:00.000Z');

/** One user action on one PC, as the generator describes it. */
interface Action {
  kind: 'set' | 'undo' | 'step' | 'names';
  task: number;
  status: number;
  person: number;
  flag: boolean;
  /** Minutes since the PC's action before; negative when its clock was set back. */
  minutes: number;
}

function draftOf(action: Action): EventDraft {
  const task = TASKS[action.task % TASKS.length] as (typeof TASKS)[number];
  const by = PEOPLE[action.person % PEOPLE.length] as string;
  const to = STATUSES[action.status % STATUSES.length] as (typeof STATUSES)[number];
  const ref = { ...task, guideVersion: '1.0' };
  switch (action.kind) {
    case 'set':
      return {
        kind: 'status-set',
        by,
        data: { ...ref, from: 'open', to, ...(to === 'not-applicable' ? { reason: `Grund von ${by}` } : {}) },
      };
    case 'undo':
      return { kind: 'status-undone', by, data: { ...ref, from: to, to: 'open' } };
    case 'step':
      return {
        kind: 'step-checked',
        by,
        data: { ...ref, stepId: `step-${action.status % 3}`, checked: action.flag, startsTask: action.flag },
      };
    case 'names':
      return action.flag
        ? { kind: 'names-changed', by, data: { practice: { from: '', to: `Praxis ${by}` } } }
        : { kind: 'names-changed', by, data: { user: { from: '', to: by } } };
  }
}

/** Chain drafts into real events of one installation: seq, prev and the SHA-256 over the canonical JSON. */
function chainOf(inst: string, drafts: readonly { draft: EventDraft; at: number }[], seqFrom = 1, prevFrom = ''): JournalEvent[] {
  let prev = prevFrom;
  return drafts.map(({ draft, at }, i) => {
    const body = {
      v: EVENT_FORMAT_VERSION,
      inst,
      seq: seqFrom + i,
      at: new Date(at).toISOString(),
      by: draft.by,
      os: 'praxis',
      kind: draft.kind,
      data: draft.data,
      prev,
    };
    const hash = createHash('sha256')
      .update(canonicalize(body) as string, 'utf8')
      .digest('hex');
    prev = hash;
    return { ...body, hash } as JournalEvent;
  });
}

const actionArb: fc.Arbitrary<Action> = fc.record({
  kind: fc.constantFrom<Action['kind']>('set', 'set', 'set', 'undo', 'step', 'names'),
  task: fc.nat({ max: TASKS.length - 1 }),
  status: fc.nat({ max: 11 }),
  person: fc.nat({ max: PEOPLE.length - 1 }),
  flag: fc.boolean(),
  // Mostly forward, sometimes a clock set back, sometimes the same minute as before.
  minutes: fc.oneof(
    { weight: 5, arbitrary: fc.integer({ min: 0, max: 90 }) },
    { weight: 1, arbitrary: fc.integer({ min: -120, max: -1 }) },
  ),
});

/** The whole truth: for 1–5 PCs the complete journal each wrote (edits of the same few tasks overlap). */
const worldArb = fc
  .array(fc.record({ offset: fc.integer({ min: 0, max: 600 }), actions: fc.array(actionArb, { maxLength: 12 }) }), {
    minLength: 1,
    maxLength: IDS.length,
  })
  .map((pcs) => {
    const chains = new Map<string, JournalEvent[]>();
    pcs.forEach((pc, i) => {
      const inst = IDS[i] as string;
      let at = START + pc.offset * 60_000;
      const drafts = pc.actions.map((action) => {
        at += action.minutes * 60_000;
        return { draft: draftOf(action), at };
      });
      chains.set(inst, chainOf(inst, drafts));
    });
    return chains;
  });

/** How much of each PC's journal one copy holds: a length per PC (taken modulo the chain's length + 1), and whether
 * a copy that holds nothing of a PC names it at all (as the own, still empty chain of a new PC does). */
const cutArb = fc.array(fc.tuple(fc.nat({ max: 20 }), fc.boolean()), { minLength: IDS.length, maxLength: IDS.length });

function copyOf(world: ReadonlyMap<string, readonly JournalEvent[]>, cut: readonly [number, boolean][]): Map<string, JournalEvent[]> {
  const copy = new Map<string, JournalEvent[]>();
  [...world.keys()].forEach((inst, i) => {
    const events = world.get(inst) ?? [];
    const [n, nameEmpty] = cut[i] ?? [0, false];
    const length = n % (events.length + 1);
    if (length > 0 || nameEmpty) copy.set(inst, events.slice(0, length));
  });
  return copy;
}

const scenarioArb = fc.record({ world: worldArb, a: cutArb, b: cutArb, c: cutArb }).map(({ world, a, b, c }) => ({
  world,
  A: copyOf(world, a),
  B: copyOf(world, b),
  C: copyOf(world, c),
}));

/** A chain set as plain data: installations sorted, each chain as its hashes in order. */
const shape = (chains: ChainSet) =>
  [...chains.entries()].sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0)).map(([id, events]) => [id, events.map((e) => e.hash)] as const);

function merged(outcome: MergeOutcome): ChainSet {
  if (!outcome.ok) throw new Error(`merge refused: ${outcome.installationId} at ${outcome.seq}`);
  return outcome.chains;
}

const merge = (a: ChainSet, b: ChainSet) => merged(mergeChains(a, b));

/** What a PC would show: the record's state folded in the common order, as JSON. */
function stateJson(chains: ChainSet, own?: string): string {
  const state = foldEvents(orderEvents(chains), own);
  return JSON.stringify({
    practice: state.practiceName,
    user: state.userName,
    tasks: [...state.taskStates.entries()],
    protocol: state.protocol,
    count: state.count,
    head: state.head,
  });
}

const RUNS = { numRuns: 300 };

describe('mergeChains: the union of the PCs’ copies', () => {
  it('is commutative, associative and idempotent', () => {
    fc.assert(
      fc.property(scenarioArb, ({ A, B, C }) => {
        expect(shape(merge(A, B))).toEqual(shape(merge(B, A)));
        expect(shape(merge(merge(A, B), C))).toEqual(shape(merge(A, merge(B, C))));
        expect(shape(merge(A, A))).toEqual(shape(A));
        expect(shape(merge(A, new Map()))).toEqual(shape(A));
      }),
      RUNS,
    );
  });

  it('loses no event: each PC’s chain is the longer of the two copies, every event of both is in it', () => {
    fc.assert(
      fc.property(scenarioArb, ({ world, A, B }) => {
        const union = merge(A, B);
        expect([...union.keys()].sort()).toEqual([...new Set([...A.keys(), ...B.keys()])].sort());
        for (const [inst, events] of union) {
          const longest = Math.max(A.get(inst)?.length ?? 0, B.get(inst)?.length ?? 0);
          expect(events.map((e) => e.hash)).toEqual((world.get(inst) ?? []).slice(0, longest).map((e) => e.hash));
        }
        for (const copy of [A, B]) {
          for (const [inst, events] of copy) {
            const have = new Set((union.get(inst) ?? []).map((e) => e.hash));
            for (const event of events) expect(have.has(event.hash)).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('gives the same record state whatever order the PCs’ files are merged in', () => {
    fc.assert(
      fc.property(scenarioArb, ({ A, B, C }) => {
        const orders: ChainSet[] = [
          merge(merge(A, B), C),
          merge(merge(A, C), B),
          merge(merge(B, A), C),
          merge(merge(B, C), A),
          merge(merge(C, A), B),
          merge(merge(C, B), A),
          merge(A, merge(B, C)),
          merge(C, merge(A, B)),
        ];
        // The same chains in another Map order must not change the order of events either.
        const first = orders[0] as ChainSet;
        orders.push(new Map([...first.entries()].reverse()));
        for (const own of [undefined, IDS[0], IDS[2]]) {
          const expected = stateJson(first, own);
          for (const chains of orders) expect(stateJson(chains, own)).toBe(expected);
        }
      }),
      RUNS,
    );
  });

  it('newEvents is exactly what the merge added to a copy', () => {
    fc.assert(
      fc.property(scenarioArb, ({ A, B }) => {
        const union = merge(A, B);
        const fresh = newEvents(A, union);
        for (const [inst, events] of union) {
          const known = A.get(inst) ?? [];
          const added = fresh.get(inst);
          if (events.length === known.length) expect(added).toBeUndefined();
          else expect([...known, ...(added ?? [])].map((e) => e.hash)).toEqual(events.map((e) => e.hash));
        }
        for (const inst of fresh.keys()) expect(union.has(inst)).toBe(true);
        expect(newEvents(union, A).size).toBe(0);
        expect(newEvents(union, union).size).toBe(0);
      }),
      RUNS,
    );
  });

  it('refuses a divergent copy: the same PC and seq with another hash', () => {
    const divergentArb = fc
      .record({
        world: worldArb,
        pick: fc.nat(),
        at: fc.nat(),
        keep: fc.nat(),
        other: fc.tuple(actionArb, fc.array(actionArb, { maxLength: 3 })),
      })
      .filter(({ world }) => [...world.values()].some((events) => events.length > 0));
    fc.assert(
      fc.property(divergentArb, ({ world, pick, at, keep, other }) => {
        const candidates = [...world.entries()].filter(([, events]) => events.length > 0);
        const [inst, events] = candidates[pick % candidates.length] as [string, JournalEvent[]];
        const k = at % events.length; // events in common before the fork
        const common = events.slice(0, k);
        const last = common.at(-1);
        let time = Date.parse(last?.at ?? '2021-11-09T08:00:00.000Z');
        const forkDrafts = [other[0], ...other[1]].map((action) => {
          time += 60_000;
          // Another person's name makes the first forked event differ from the true one in any case.
          const draft = draftOf(action);
          return { draft: { ...draft, by: `${draft.by} (Kopie)` } as EventDraft, at: time };
        });
        const fork = [...common, ...chainOf(inst, forkDrafts, k + 1, last?.hash ?? '')];
        const truthCopy = new Map(world);
        truthCopy.set(inst, events.slice(0, k + 1 + (keep % (events.length - k))));
        const forged = new Map([[inst, fork]]);
        expect(mergeChains(truthCopy, forged)).toEqual({ ok: false, installationId: inst, seq: k + 1 });
        expect(mergeChains(forged, truthCopy)).toEqual({ ok: false, installationId: inst, seq: k + 1 });
        // A copy that stops before the fork is the beginning of both and merges with either.
        const before = new Map([[inst, events.slice(0, k)]]);
        expect(mergeChains(before, forged).ok).toBe(true);
        expect(mergeChains(truthCopy, before).ok).toBe(true);
      }),
      RUNS,
    );
  });
});

describe('orderEvents: the one order every PC folds in', () => {
  it('holds every event once, keeps each chain’s own order and sorts by time, PC and seq', () => {
    fc.assert(
      fc.property(scenarioArb, ({ world, A, B }) => {
        for (const chains of [world, merge(A, B)]) {
          const order = orderEvents(chains);
          const all = [...chains.values()].flat();
          expect(order).toHaveLength(all.length);
          expect(new Set(order.map((e) => `${e.inst}:${e.hash}`))).toEqual(new Set(all.map((e) => `${e.inst}:${e.hash}`)));
          // Each chain's events in their own order, even where its clock went back.
          for (const [inst, events] of chains) {
            expect(order.filter((e) => e.inst === inst).map((e) => e.seq)).toEqual(events.map((e) => e.seq));
          }
          // Between chains: by the time the chain had reached (a clock set back does not go back), then PC, then seq.
          const reached = new Map<string, number>();
          for (const events of chains.values()) {
            let floor = -Infinity;
            for (const event of events) {
              floor = Math.max(floor, Date.parse(event.at));
              reached.set(`${event.inst}:${event.seq}`, floor);
            }
          }
          for (let i = 1; i < order.length; i += 1) {
            const p = order[i - 1] as JournalEvent;
            const q = order[i] as JournalEvent;
            const tp = reached.get(`${p.inst}:${p.seq}`) as number;
            const tq = reached.get(`${q.inst}:${q.seq}`) as number;
            expect(tp < tq || (tp === tq && (p.inst < q.inst || (p.inst === q.inst && p.seq < q.seq)))).toBe(true);
          }
        }
      }),
      RUNS,
    );
  });

  it('does not move a later event of a chain before an earlier one when that PC’s clock went back', () => {
    const [x, y] = [IDS[3], IDS[0]];
    const step = (by: string, stepId: string): EventDraft => ({
      kind: 'step-checked',
      by,
      data: { ...(TASKS[0] as (typeof TASKS)[number]), guideVersion: '1.0', stepId, checked: true, startsTask: false },
    });
    const chainX = chainOf(x, [
      { draft: step('X', 'a'), at: Date.parse('2021-11-08T10:00:00.000Z') },
      { draft: step('X', 'b'), at: Date.parse('2021-11-08T09:00:00.000Z') }, // clock set back by an hour
    ]);
    const chainY = chainOf(y, [
      { draft: step('Y', 'a'), at: Date.parse('2021-11-08T09:30:00.000Z') },
      { draft: step('Y', 'b'), at: Date.parse('2021-11-08T10:00:00.000Z') },
    ]);
    const names = (chains: ChainSet) => orderEvents(chains).map((e) => `${e.by}${e.seq}`);
    // X2 stays after X1 (10:00); Y2 at the same time as X1 comes after X's events only by the PC id order.
    expect(y < x).toBe(true);
    expect(
      names(
        new Map([
          [x, chainX],
          [y, chainY],
        ]),
      ),
    ).toEqual(['Y1', 'Y2', 'X1', 'X2']);
    expect(
      names(
        new Map([
          [y, chainY],
          [x, chainX],
        ]),
      ),
    ).toEqual(['Y1', 'Y2', 'X1', 'X2']);
  });
});
