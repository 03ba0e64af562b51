import type { Language } from '../state/settings';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** Built once: making an Intl formatter costs far more than using one (the Protokoll and the PDF format hundreds). */
let berlinFormat: Intl.DateTimeFormat | undefined;
const berlin = () =>
  (berlinFormat ??= new Intl.DateTimeFormat('de-DE', {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }));

/**
 * "08.11.2021, 14:32 Uhr" in German, "8 Nov 2021, 14:32" in English (a month name, because "08/11/2021" reads as
 * August in the US); always Berlin time, where the practices are.
 */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    berlin()
      .formatToParts(date)
      .map((part) => [part.type, part.value]),
  ) as Record<'day' | 'month' | 'year' | 'hour' | 'minute', string>;
  const time = `${parts.hour}:${parts.minute}`;
  if (language === 'de') return `${parts.day}.${parts.month}.${parts.year}, ${time} Uhr`;
  return `${Number(parts.day)} ${MONTHS_EN[Number(parts.month) - 1] ?? parts.month} ${parts.year}, ${time}`;
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
