import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay } from './date';
import { parseInline } from './inline-markdown';

describe('dates', () => {
  it('shows Berlin time with "Uhr" in German', () => {
    expect(formatDateTime('2021-11-08T13:32:00Z', 'de')).toBe('08.11.2021, 14:32 Uhr');
    expect(formatDateTime('2021-07-01T13:32:00Z', 'de')).toBe('01.07.2021, 15:32 Uhr');
    expect(formatDateTime('2021-11-08T13:32:00Z', 'en')).toBe('8 Nov 2021, 14:32');
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
