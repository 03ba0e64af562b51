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

  it('names the practice its next task: in progress first, then by risk, never one that waits for the IT partner', () => {
    expect(summarize(tasks, 'praxis').next?.id).toBe('pvs');
    const list = [
      view('server', { audience: 'it-partner', priority: 1 }),
      view('phishing', { priority: 1 }),
      view('pvs', { priority: 3, status: 'in-progress' }),
      view('handed', { priority: 1, status: 'handed-to-it' }),
    ];
    expect(summarize(list, 'praxis').next?.id).toBe('pvs');
    expect(
      summarize(
        list.filter((t) => t.id !== 'pvs'),
        'praxis',
      ).next?.id,
    ).toBe('phishing');
  });

  it('names the IT partner its next task: in progress, then what was handed over, then its own open tasks by risk', () => {
    const list = [
      view('phishing', { priority: 1 }),
      view('server', { audience: 'it-partner', priority: 1 }),
      view('handed', { priority: 2, status: 'handed-to-it' }),
      view('firewall', { audience: 'it-partner', priority: 3, status: 'in-progress' }),
    ];
    expect(summarize(list, 'it-partner').next?.id).toBe('firewall');
    expect(
      summarize(
        list.filter((t) => t.id !== 'firewall'),
        'it-partner',
      ).next?.id,
    ).toBe('handed');
    expect(
      summarize(
        list.filter((t) => t.id !== 'firewall' && t.id !== 'handed'),
        'it-partner',
      ).next?.id,
    ).toBe('server');
    // The practice's own open task is never the IT partner's next one.
    expect(summarize([view('phishing', { priority: 1 })], 'it-partner').next).toBeUndefined();
  });

  it('lists what is with the IT partner, what could still be handed over, and what was done under an older guide', () => {
    const list = [
      ...tasks,
      view('firewall', { audience: 'it-partner', area: 'windows' }),
      view('server', { audience: 'it-partner', status: 'in-progress' }),
    ];
    const summary = summarize(list);
    expect(summary.withIt.map((t) => t.id)).toEqual(['remote']);
    expect(summary.toHandOver.map((t) => t.id)).toEqual(['firewall']);
    expect(summary.outdated.map((t) => t.id)).toEqual(['win']);
  });

  it('has no next task when all are finished', () => {
    expect(summarize([view('a', { status: 'done' })]).next).toBeUndefined();
  });
});
