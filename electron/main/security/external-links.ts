/**
 * Pages the app may open in the user's browser: the vendor's and the authorities' pages that guides cite. Each
 * entry is an exact https origin (no other port, no user info) and the path prefixes allowed on it.
 */
export const EXTERNAL_ALLOW_LIST: readonly { origin: string; paths: readonly string[] }[] = [
  { origin: 'https://www.medatixx.de', paths: ['/'] },
  { origin: 'https://www.bsi.bund.de', paths: ['/DE/Themen/', '/SharedDocs/Downloads/DE/BSI/Grundschutz/'] },
  { origin: 'https://www.kbv.de', paths: ['/documents/infothek/', '/praxis/', '/html/'] },
  { origin: 'https://www.kvwl.de', paths: ['/arzt/', '/it-sicherheit'] },
  { origin: 'https://datenschutz.hessen.de', paths: ['/datenschutz/'] },
];

/** The hosts of the allow-list (for documentation and tests). */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = EXTERNAL_ALLOW_LIST.map((entry) => new URL(entry.origin).hostname);

/**
 * The URL to open, parsed and normalised, or undefined: only an https URL whose origin is on the allow-list
 * exactly, whose path starts with one of that origin's prefixes, without user info, port or fragment tricks.
 * The caller opens `url.href` (the parsed form), never the string it was given.
 */
export function externalUrl(candidate: string): URL | undefined {
  let url: URL;
  try {
    url = new URL(candidate);
  } catch {
    return undefined;
  }
  if (url.protocol !== 'https:' || url.username !== '' || url.password !== '' || url.port !== '') return undefined;
  const entry = EXTERNAL_ALLOW_LIST.find((allowed) => allowed.origin === url.origin);
  if (!entry || !entry.paths.some((prefix) => url.pathname.startsWith(prefix))) return undefined;
  // Encoded dots or slashes could walk out of an allowed prefix on the server's side.
  if (/%2e|%2f|%5c/i.test(url.pathname) || url.pathname.includes('/../')) return undefined;
  return url;
}

/** Only plain https links to an allow-listed page leave the app; everything else is dropped. */
export function isAllowedExternalUrl(candidate: string): boolean {
  return externalUrl(candidate) !== undefined;
}
