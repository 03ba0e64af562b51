import type { Language } from '../state/settings';

const MONTHS_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/**
 * "08.11.2021, 14:32 Uhr" in German, "8 Nov 2021, 14:32" in English (a month name, because "08/11/2021" reads as
 * August in the US); always Berlin time, where the practices are.
 */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('de-DE', {
      timeZone: 'Europe/Berlin',
      day: '2-digit',
      month: '2-digit',
      year: 'numeric',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
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
