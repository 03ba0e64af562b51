import { describe, expect, it } from 'vitest';
import { filterLog, peopleInLog, type LogEntry } from './log';

const entry = (seq: number, by: string, area?: LogEntry['area']): LogEntry => ({
  seq,
  at: '2026-11-28T10:00:00Z',
  by,
  kind: 'status',
  ...(area ? { area } : {}),
});

describe('filterLog', () => {
  const log = [entry(1, 'SY', 'pvs'), entry(2, 'Dr. Weiß', 'connector'), entry(3, 'SY', 'connector'), entry(4, 'SY')];

  it('shows newest first', () => {
    expect(filterLog(log, {}).map((e) => e.seq)).toEqual([4, 3, 2, 1]);
  });

  it('filters by area and by person, alone and together', () => {
    expect(filterLog(log, { area: 'connector' }).map((e) => e.seq)).toEqual([3, 2]);
    expect(filterLog(log, { by: 'SY' }).map((e) => e.seq)).toEqual([4, 3, 1]);
    expect(filterLog(log, { area: 'connector', by: 'SY' }).map((e) => e.seq)).toEqual([3]);
  });

  it('does not change the log it filters', () => {
    const copy = structuredClone(log);
    filterLog(log, { area: 'pvs' });
    expect(log).toEqual(copy);
  });

  it('lists each person once, sorted', () => {
    expect(peopleInLog(log)).toEqual(['Dr. Weiß', 'SY']);
  });
});
