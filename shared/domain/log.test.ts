import { describe, expect, it } from 'vitest';
import { filterLog, peopleInLog, type ProtocolEntry } from './log';

const entry = (seq: number, by: string, area?: ProtocolEntry['area'], taskId?: string): ProtocolEntry => ({
  id: `i:${seq}`,
  at: '2026-11-28T10:00:00Z',
  by,
  kind: 'status',
  ...(area ? { area } : {}),
  ...(taskId ? { taskId } : {}),
});

describe('filterLog', () => {
  const log = [entry(1, 'SY', 'pvs', 'pvs:x.comfort'), entry(2, 'Dr. Weiß', 'connector'), entry(3, 'SY', 'connector'), entry(4, 'SY')];
  const ids = (list: ProtocolEntry[]) => list.map((e) => e.id);

  it('shows newest first', () => {
    expect(ids(filterLog(log, {}))).toEqual(['i:4', 'i:3', 'i:2', 'i:1']);
  });

  it('filters by area, person and task, alone and together', () => {
    expect(ids(filterLog(log, { area: 'connector' }))).toEqual(['i:3', 'i:2']);
    expect(ids(filterLog(log, { by: 'SY' }))).toEqual(['i:4', 'i:3', 'i:1']);
    expect(ids(filterLog(log, { area: 'connector', by: 'SY' }))).toEqual(['i:3']);
    expect(ids(filterLog(log, { taskId: 'pvs:x.comfort' }))).toEqual(['i:1']);
  });

  it('does not change the log it filters', () => {
    const copy = structuredClone(log);
    filterLog(log, { area: 'pvs' });
    expect(log).toEqual(copy);
  });

  it('lists each person once, sorted, without the empty name of system entries', () => {
    expect(peopleInLog([...log, entry(5, '')])).toEqual(['Dr. Weiß', 'SY']);
  });
});
