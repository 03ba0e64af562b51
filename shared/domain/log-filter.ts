import type { Area, ProtocolEntry } from './log';

export interface ProtocolFilter {
  area?: Area | '';
  by?: string;
  taskId?: string;
}

/** Newest first (the entries come oldest first, in journal order), optionally one area, person and/or task. */
export function filterLog(entries: readonly ProtocolEntry[], filter: ProtocolFilter): ProtocolEntry[] {
  const out: ProtocolEntry[] = [];
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i] as ProtocolEntry;
    if (filter.area && entry.area !== filter.area) continue;
    if (filter.by && entry.by !== filter.by) continue;
    if (filter.taskId && entry.taskId !== filter.taskId) continue;
    out.push(entry);
  }
  return out;
}

export function peopleInLog(entries: readonly Pick<ProtocolEntry, 'by'>[]): string[] {
  return [...new Set(entries.map((entry) => entry.by).filter((by) => by !== ''))].sort((a, b) => a.localeCompare(b, 'de'));
}
