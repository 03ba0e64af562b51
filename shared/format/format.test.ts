import { describe, expect, it } from 'vitest';
import { berlinClock, formatDateTime, formatDay } from './date';
import { parseInline } from './inline-markdown';
import { decodeUtf8 } from './utf8';

describe('dates', () => {
  it('shows Berlin time with "Uhr" in German', () => {
    expect(formatDateTime('2021-11-08T13:32:00Z', 'de')).toBe('08.11.2021, 14:32 Uhr');
    expect(formatDateTime('2021-07-01T13:32:00Z', 'de')).toBe('01.07.2021, 15:32 Uhr');
    expect(formatDateTime('2021-11-08T13:32:00Z', 'en')).toBe('8 Nov 2021, 14:32');
  });

  it("works out Berlin's wall clock exactly as the time-zone data does, every hour of 2021–2035 and around each switch", () => {
    const intl = new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/Berlin',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      hourCycle: 'h23',
    });
    const fromIntl = (date: Date) => {
      const parts = Object.fromEntries(intl.formatToParts(date).map((part) => [part.type, Number(part.value)]));
      return { year: parts['year'], month: parts['month'], day: parts['day'], hour: parts['hour'], minute: parts['minute'] };
    };
    const instants: number[] = [];
    for (let time = Date.UTC(2021, 0, 1); time < Date.UTC(2036, 0, 1); time += 3_600_000) instants.push(time);
    // A minute before and at each switch (01:00 UTC on the last Sundays of March and October).
    for (let year = 2021; year <= 2035; year += 1)
      for (const month of [2, 9]) {
        const lastDay = new Date(Date.UTC(year, month + 1, 0));
        const at = Date.UTC(year, month, lastDay.getUTCDate() - lastDay.getUTCDay(), 1);
        instants.push(at - 60_000, at, at + 59_000);
      }
    const differ = instants.filter((time) => JSON.stringify(berlinClock(new Date(time))) !== JSON.stringify(fromIntl(new Date(time))));
    expect(differ.map((time) => new Date(time).toISOString())).toEqual([]);
    expect(instants.length).toBeGreaterThan(131_000);
    // The switches themselves, as a person in Berlin saw them in 2021.
    expect(formatDateTime('2021-03-28T00:59:00Z', 'de')).toBe('28.03.2021, 01:59 Uhr');
    expect(formatDateTime('2021-03-28T01:00:00Z', 'de')).toBe('28.03.2021, 03:00 Uhr');
    expect(formatDateTime('2021-10-31T00:59:00Z', 'de')).toBe('31.10.2021, 02:59 Uhr');
    expect(formatDateTime('2021-10-31T01:00:00Z', 'de')).toBe('31.10.2021, 02:00 Uhr');
    expect(formatDateTime('2021-12-31T23:30:00Z', 'en')).toBe('1 Jan 2022, 00:30');
    expect(formatDateTime('kein Datum', 'de')).toBe('kein Datum');
  });

  it('shows pack dates as written, without a time-zone shift', () => {
    expect(formatDay('2021-11-09', 'de')).toBe('09.11.2021');
    expect(formatDay('2021-11-09', 'en')).toBe('9 Nov 2021');
    expect(formatDay('kaputt', 'de')).toBe('kaputt');
  });
});

describe('parseInline', () => {
  it('knows **bold** and nothing else', () => {
    expect(parseInline('Ändern Sie **zuerst** das <b>Admin</b>-Passwort')).toEqual([
      { text: 'Ändern Sie ', bold: false },
      { text: 'zuerst', bold: true },
      { text: ' das <b>Admin</b>-Passwort', bold: false },
    ]);
  });

  it('keeps an unmatched ** as written', () => {
    expect(parseInline('a **b')).toEqual([
      { text: 'a ', bold: false },
      { text: '**b', bold: false },
    ]);
  });
});

describe('decodeUtf8', () => {
  const bytes = (...values: number[]) => new Uint8Array(values);

  it('reads UTF-8 and drops a leading BOM', () => {
    expect(decodeUtf8(new TextEncoder().encode('Praxis Dr. Weiß, Büro'))).toBe('Praxis Dr. Weiß, Büro');
    expect(decodeUtf8(bytes(0xef, 0xbb, 0xbf, 0x7b, 0x7d))).toBe('{}');
    expect(decodeUtf8(bytes())).toBe('');
  });

  it('refuses what is not UTF-8 instead of putting U+FFFD in its place', () => {
    expect(decodeUtf8(bytes(0x57, 0x65, 0x69, 0xdf))).toBeUndefined(); // "Weiß" in Windows-1252
    expect(decodeUtf8(bytes(0xff, 0xfe, 0x7b, 0x00, 0x7d, 0x00))).toBeUndefined(); // "{}" in UTF-16LE with BOM
    expect(decodeUtf8(bytes(0xc3))).toBeUndefined(); // cut off in the middle of a character
    expect(decodeUtf8(bytes(0xed, 0xa0, 0x80))).toBeUndefined(); // a surrogate
  });
});
