import type { Language } from '../state/settings';

const LOCALE: Record<Language, string> = { de: 'de-DE', en: 'en-GB' };

/** "08.11.2021, 14:32 Uhr" in German, "08/11/2021, 14:32" in English; always Berlin time. */
export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const text = new Intl.DateTimeFormat(LOCALE[language], {
    timeZone: 'Europe/Berlin',
    day: '2-digit',
    month: '2-digit',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
  }).format(date);
  return language === 'de' ? `${text} Uhr` : text;
}

/** A calendar date from a pack ("2021-11-09") as "09.11.2021" / "09/11/2021", without time-zone shifts. */
export function formatDay(isoDay: string, language: Language): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const [, y, m, d] = match;
  return language === 'de' ? `${d}.${m}.${y}` : `${d}/${m}/${y}`;
}

/** A time as a part of a file name ("2026-11-28T13-32-00-000Z"): sortable, and without ':' that Windows refuses. */
export const fileStamp = (date: Date): string => date.toISOString().replace(/[:.]/g, '-');
