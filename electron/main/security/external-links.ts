/** Hosts whose pages the app may open in the user's browser (vendor and authority pages cited by guides). */
export const EXTERNAL_HOST_ALLOW_LIST: readonly string[] = [
  'www.medatixx.de',
  'www.bsi.bund.de',
  'www.kbv.de',
  'www.kvwl.de',
  'datenschutz.hessen.de',
];

/** Only plain https links to an allow-listed host leave the app; everything else is dropped. */
export function isAllowedExternalUrl(candidate: string): boolean {
  try {
    const url = new URL(candidate);
    return (
      url.protocol === 'https:' &&
      url.username === '' &&
      url.password === '' &&
      url.port === '' &&
      EXTERNAL_HOST_ALLOW_LIST.includes(url.hostname)
    );
  } catch {
    return false;
  }
}
