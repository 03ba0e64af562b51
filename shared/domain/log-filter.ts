import type { Area, LogEntry } from './log';

/** Newest first, optionally only one area and/or one person. */
export function filterLog(entries: readonly LogEntry[], filter: { area?: Area | ''; by?: string }): LogEntry[] {
  return entries
    .filter((entry) => !filter.area || entry.area === filter.area)
    .filter((entry) => !filter.by || entry.by === filter.by)
    .toSorted((a, b) => b.seq - a.seq);
}

export function peopleInLog(entries: readonly LogEntry[]): string[] {
  return [...new Set(entries.map((entry) => entry.by))].sort((a, b) => a.localeCompare(b, 'de'));
}
