import { describe, expect, it } from 'vitest';
import { summarize, type TaskView } from './overview';

const view = (id: string, patch: Partial<TaskView>): TaskView => ({
  id,
  kind: 'pvs',
  area: 'pvs',
  subject: '',
  guideId: 'g',
  audience: 'praxis',
  priority: 3,
  status: 'open',
  checkedSteps: [],
  guideVersion: '1.0',
  outdated: false,
  canUndo: false,
  ...patch,
});

describe('summarize', () => {
  const tasks = [
    view('remote', { area: 'remote', audience: 'it-partner', priority: 1, status: 'handed-to-it' }),
    view('connector', { area: 'connector', audience: 'it-partner', priority: 1, status: 'done' }),
    view('pvs', { status: 'in-progress' }),
    view('portal', { area: 'other', priority: 4, status: 'not-applicable' }),
    view('win', { area: 'windows', priority: 4, status: 'done', outdated: true }),
  ];

  it('counts progress overall and per area', () => {
    const summary = summarize(tasks);
    expect(summary.overall).toEqual({ finished: 3, total: 5 });
    expect(summary.byArea).toEqual({
      pvs: { finished: 0, total: 1 },
      connector: { finished: 1, total: 1 },
      windows: { finished: 1, total: 1 },
      remote: { finished: 0, total: 1 },
      other: { finished: 1, total: 1 },
    });
  });

  it('names the most important actionable task next, skipping what waits for the IT partner', () => {
    expect(summarize(tasks).next?.id).toBe('pvs');
  });

  it('names the next task for the practice besides the overall next one', () => {
    const list = [view('server', { audience: 'it-partner', priority: 2 }), view('pvs', { priority: 3 })];
    expect(summarize(list).next?.id).toBe('server');
    expect(summarize(list).nextForPraxis?.id).toBe('pvs');
  });

  it('lists what waits for the IT partner and what was done under an older guide', () => {
    const summary = summarize(tasks);
    expect(summary.waitingForIt.map((t) => t.id)).toEqual(['remote']);
    expect(summary.outdated.map((t) => t.id)).toEqual(['win']);
  });

  it('has no next task when all are finished', () => {
    expect(summarize([view('a', { status: 'done' })]).next).toBeUndefined();
  });
});
