import { describe, expect, it } from 'vitest';
import { checkTransition, currentStatus, isFinished, STATUSES } from './status';

describe('status transitions', () => {
  it('requires a reason for "Nicht zutreffend"', () => {
    expect(checkTransition('open', 'not-applicable', undefined, 'SY')).toBe('reason-required');
    expect(checkTransition('open', 'not-applicable', '   ', 'SY')).toBe('reason-required');
    expect(checkTransition('open', 'not-applicable', 'Kein TeamViewer im Einsatz', 'SY')).toBeNull();
  });

  it('requires a person for every change', () => {
    expect(checkTransition('open', 'done', undefined, '')).toBe('no-user');
    expect(checkTransition('open', 'done', undefined, '  ')).toBe('no-user');
  });

  it('refuses a change to the same status', () => {
    expect(checkTransition('done', 'done', undefined, 'SY')).toBe('same-status');
  });

  it('allows every other change, including back from done', () => {
    for (const from of STATUSES)
      for (const to of STATUSES) if (from !== to && to !== 'not-applicable') expect(checkTransition(from, to, undefined, 'SY')).toBeNull();
  });

  it('reads the current status from the last record, open when there is none', () => {
    expect(currentStatus(undefined)).toBe('open');
    expect(currentStatus({ history: [], checkedSteps: [] })).toBe('open');
    const record = (status: 'done' | 'handed-to-it') => ({ status, at: '', by: 'SY', guideVersion: '1.0' });
    expect(currentStatus({ history: [record('handed-to-it'), record('done')], checkedSteps: [] })).toBe('done');
  });

  it('counts done and not applicable as finished', () => {
    expect(STATUSES.filter(isFinished)).toEqual(['done', 'not-applicable']);
  });
});
