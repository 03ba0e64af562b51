import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTENT_SECURITY_POLICY, contentTypeOf, resolveAppPath } from './app-protocol';
import { isAllowedExternalUrl } from './external-links';

const root = resolve('/opt/passwort-lotse/renderer');

describe('resolveAppPath', () => {
  it('maps app URLs to files inside the renderer folder', () => {
    expect(resolveAppPath(root, 'app://passwort-lotse/index.html')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://passwort-lotse/')).toBe(join(root, 'index.html'));
    expect(resolveAppPath(root, 'app://passwort-lotse/assets/index-1.js?x=1')).toBe(join(root, 'assets', 'index-1.js'));
  });

  it('keeps dot segments that the URL parser resolves inside the root', () => {
    expect(resolveAppPath(root, 'app://passwort-lotse/../../secret.txt')).toBe(join(root, 'secret.txt'));
    expect(resolveAppPath(root, 'app://passwort-lotse/%2e%2e/secret.txt')).toBe(join(root, 'secret.txt'));
  });

  it.each([
    'app://passwort-lotse/assets/%2e%2e%2f%2e%2e%2fsecret.txt',
    'app://passwort-lotse/..%5c..%5csecret.txt',
    'app://passwort-lotse/a%00.html',
    'app://passwort-lotse/%E0%A4%A',
    'app://other-host/index.html',
    'file:///etc/passwd',
    'https://passwort-lotse/index.html',
    'not a url',
  ])('refuses %s', (url) => {
    expect(resolveAppPath(root, url)).toBeNull();
  });

  it('knows the content types it serves', () => {
    expect(contentTypeOf('a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeOf('a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeOf('a/x.bin')).toBe('application/octet-stream');
  });
});

describe('content security policy', () => {
  it('allows no eval, no inline script and no remote content', () => {
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/unsafe-eval|unsafe-inline|https?:|\*/);
  });
});

describe('isAllowedExternalUrl', () => {
  it('lets only https links to listed hosts out', () => {
    expect(isAllowedExternalUrl('https://www.bsi.bund.de/DE/Themen/x')).toBe(true);
    expect(isAllowedExternalUrl('https://www.bsi.bund.de/x')).toBe(false);
    expect(isAllowedExternalUrl('http://www.bsi.bund.de/x')).toBe(false);
    expect(isAllowedExternalUrl('https://www.bsi.bund.de.evil.example/x')).toBe(false);
    expect(isAllowedExternalUrl('https://user@www.bsi.bund.de/')).toBe(false);
    expect(isAllowedExternalUrl('javascript:alert(1)')).toBe(false);
  });
});
