import type { Language } from '../state/settings';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The last Sunday of a month (0-based) at 01:00 UTC: when summer time starts (March) or ends (October). */
function lastSundayAt1Utc(year: number, month: number): number {
  const lastDay = new Date(Date.UTC(year, month + 1, 0));
  return Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
}

/**
 * The wall clock in Berlin at `date`, worked out with the EU summer-time rule (Directive 2000/84/EC, the same
 * since 1996: from the last Sunday of March to the last Sunday of October, 01:00 UTC; CET +1 h, CEST +2 h).
 * Not Intl: the first Intl.DateTimeFormat of a page loads ICU's data, 45–75 ms in Chromium here, on the Übersicht's
 * critical path. format.test.ts compares this with Intl's time-zone data for every hour of 2021–2035, so a change of
 * the rule shows up there as soon as the tz data has it.
 */
export function berlinClock(date: Date): { year: number; month: number; day: number; hour: number; minute: number } {
  const time = date.getTime();
  const year = date.getUTCFullYear();
  const summer = time >= lastSundayAt1Utc(year, 2) && time < lastSundayAt1Utc(year, 9);
  const local = new Date(time + (summer ? 2 : 1) * 3_600_000);
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
  };
}

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * "08.11.2021, 14:32 Uhr" in German, "8 Nov 2021, 14:32" in English (a month name, because "08/11/2021" reads as
 * August in the US); always Berlin time, where the practices are.
 */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const { year, month, day, hour, minute } = berlinClock(date);
  const time = `${pad2(hour)}:${pad2(minute)}`;
  if (language === 'de') return `${pad2(day)}.${pad2(month)}.${year}, ${time} Uhr`;
  return `${day} ${MONTHS_EN[month - 1] ?? month} ${year}, ${time}`;
}

/** A calendar date from a pack ("2021-11-09") as "09.11.2021" / "9 Nov 2021", without time-zone shifts. */
export function formatDay(isoDay: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const [, y, m, d] = match;
  return language === 'de' ? `${d}.${m}.${y}` : `${Number(d)} ${MONTHS_EN[Number(m) - 1] ?? m} ${y}`;
}

/** A time as a part of a file name ("2026-11-28T13-32-00-000Z"): sortable, and without ':' that Windows refuses. */
export const fileStamp = (date: Date): string => date.toISOString().replace(/[:.]/g, '-');

/** The calendar day of a moment in local time, as YYYY-MM-DD (the day a person at the PC calls "today"). */
export function localDay(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The day `count` working days after `day` (YYYY-MM-DD), skipping Saturdays and Sundays. Public holidays differ by
 * federal state and are not known to the app; the person can move the day.
 */
export function addWorkingDays(day: string, count: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, d ?? 1));
  let left = count;
  while (left > 0) {
    date.setUTCDate(date.getUTCDate() + 1);
    const weekday = date.getUTCDay();
    if (weekday !== 0 && weekday !== 6) left -= 1;
  }
  return date.toISOString().slice(0, 10);
}
