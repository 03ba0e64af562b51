import { describe, expect, it } from 'vitest';
import { permissionAllowed } from './permissions';

const APP = 'app://passwort-lotse';

describe('web permissions', () => {
  it('grants only clipboard writing, only to the app’s own page', () => {
    expect(permissionAllowed('clipboard-sanitized-write', `${APP}/index.html`, APP)).toBe(true);
    for (const permission of ['clipboard-read', 'media', 'notifications', 'geolocation', 'openExternal', 'fullscreen', 'unknown'])
      expect(permissionAllowed(permission, `${APP}/index.html`, APP)).toBe(false);
    for (const url of ['https://passwort-lotse.test/index.html', 'app://other/index.html', 'file:///C:/x.html', 'not a url', undefined])
      expect(permissionAllowed('clipboard-sanitized-write', url, APP)).toBe(false);
  });
});
