import { describe, expect, it } from 'vitest';
import { looksLikeSecret } from './secret-check';

describe('looksLikeSecret', () => {
  it.each([
    '4711',
    '12345678',
    'Praxis2021!',
    'Sommer2024',
    'Xk9#pQ2!mL',
    'PIN 0815',
    'aB3dE6gH9jK2mN5pQ8',
    'Router gehört dem Vermieter, Passwort Tx!9zQw7',
  ])('warns for %j', (text) => expect(looksLikeSecret(text)).toBe(true));

  it.each([
    '',
    'Empfang 1',
    'Sprechzimmer2',
    'Server',
    'ORGA 6141 online',
    'Cherry ST-1506',
    'Ingenico ORGA 6141',
    'Router gehört dem Vermieter',
    'TeamViewer ist deinstalliert',
    'Dr. Weiß',
    'PC-Labor-3',
    '123',
    'Raum 12',
  ])('does not warn for %j', (text) => expect(looksLikeSecret(text)).toBe(false));
});
