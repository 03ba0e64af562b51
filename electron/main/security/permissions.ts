/**
 * Which web permissions the app's page gets: only writing plain text to the clipboard, and only for the app's own
 * origin. The passphrase helper copies a suggestion and clears the clipboard again after 30 seconds; the clearing
 * happens without a click, so it needs this permission (Chromium grants it by default, but every other permission
 * is refused here: camera, microphone, notifications from the page, geolocation, reading the clipboard …).
 */
export const ALLOWED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

export function permissionAllowed(permission: string, requestingUrl: string | undefined, appOrigin: string): boolean {
  if (!ALLOWED_PERMISSIONS.has(permission) || !requestingUrl) return false;
  try {
    // Not URL.origin: for a scheme of its own (app:) that is "null".
    const url = new URL(requestingUrl);
    return `${url.protocol}//${url.host}` === appOrigin;
  } catch {
    return false;
  }
}
