import { describe, expect, it } from 'vitest';
import { externalUrl, isAllowedExternalUrl } from './external-links';

describe('external links', () => {
  it.each([
    'https://www.bsi.bund.de/DE/Themen/Verbraucherinnen-und-Verbraucher/sichere-passwoerter-erstellen_node.html',
    'https://www.kbv.de/documents/infothek/rechtsquellen/IT-Sicherheitsrichtlinie_390_KBV.pdf',
    'https://datenschutz.hessen.de/datenschutz/gesundheitswesen/cyberattacke-auf-medatixx-gmbh-co-kg',
    'https://www.medatixx.de/',
  ])('opens an allowed page: %s', (url) => {
    expect(externalUrl(url)?.href).toBe(new URL(url).href);
  });

  it.each([
    ['another path on an allowed host', 'https://www.bsi.bund.de/EN/Home/home_node.html'],
    ['http instead of https', 'http://www.bsi.bund.de/DE/Themen/x'],
    ['a port', 'https://www.bsi.bund.de:8443/DE/Themen/x'],
    ['user info', 'https://evil@www.bsi.bund.de/DE/Themen/x'],
    ['a look-alike host', 'https://www.bsi.bund.de.evil.example/DE/Themen/x'],
    ['a sub-domain', 'https://evil.www.kbv.de/praxis/x'],
    ['an encoded walk out of the prefix', 'https://www.bsi.bund.de/DE/Themen/..%2f..%2fEN/x'],
    ['javascript:', 'javascript:alert(1)'],
    ['file:', 'file:///C:/Windows/System32/calc.exe'],
    ['not a URL', 'www.bsi.bund.de/DE/Themen/'],
    ['a custom scheme', 'ms-msdt:/id PCWDiagnostic'],
  ])('refuses %s', (_, url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });

  it('hands back the parsed URL, not the string it was given', () => {
    const url = externalUrl('https://WWW.BSI.BUND.DE/DE/Themen/a b');
    expect(url?.href).toBe('https://www.bsi.bund.de/DE/Themen/a%20b');
  });
});
