import { describe, expect, it } from 'vitest';
import { isUtcInstant, parseEvent } from './events';

describe('the time of a journal event', () => {
  it('is a real UTC instant as toISOString writes it, milliseconds optional', () => {
    for (const at of [
      '2021-11-08T13:00:00.000Z',
      '2021-11-08T13:00:00Z',
      '2021-11-08T13:00:00.5Z',
      '2024-02-29T23:59:59.999Z',
      new Date().toISOString(),
    ]) {
      expect(isUtcInstant(at), at).toBe(true);
    }
  });

  it('is refused when the pattern fits but no such instant exists, or it is in another form', () => {
    for (const at of [
      '2021-13-01T00:00:00.000Z',
      '2021-00-10T00:00:00.000Z',
      '2021-02-29T10:00:00.000Z',
      '2021-11-31T10:00:00.000Z',
      '2021-11-08T24:00:00.000Z',
      '2021-11-08T23:60:00.000Z',
      '2021-11-08T23:59:60.000Z',
      '2021-11-08T13:00:00.000+01:00',
      '2021-11-08 13:00:00Z',
      '+012021-11-08T13:00:00.000Z',
      '',
    ]) {
      expect(isUtcInstant(at), at).toBe(false);
    }
  });

  it('makes a line with an impossible time invalid', () => {
    const line = {
      v: 1,
      inst: '0b7a6f2e-2f1c-4f0e-9d2a-6a8e3c1b5d4f',
      seq: 1,
      at: '2021-11-08T13:00:00.000Z',
      by: 'Anna',
      os: 'PRAXIS\\anna',
      kind: 'pack-declined',
      data: { packId: 'medatixx-2021-11', revision: 2 },
      prev: '',
      hash: 'a'.repeat(64),
    };
    expect(parseEvent(line).ok).toBe(true);
    expect(parseEvent({ ...line, at: '2021-13-01T00:00:00.000Z' })).toEqual({ ok: false, reason: 'invalid' });
  });
});
