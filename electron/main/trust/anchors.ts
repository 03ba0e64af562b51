/**
 * The app's trust anchors, compiled into the main bundle (inside app.asar, whose integrity Electron checks): the
 * public keys an advisory update must be signed with, and the SHA-256 of the bundled advisory pack.
 *
 * Nothing in the install folder's `resources/` can add a key or change a guide: a key file there is never read,
 * and a bundled pack whose bytes differ from this hash is refused at start. A test keeps both in step with
 * `assets/keys/*.pem` and `assets/packs/medatixx-2021-11.json`; whoever changes the pack updates the hash here,
 * which makes every change of the bundled guides visible in review.
 */
export const RELEASE_PUBLIC_KEYS: readonly string[] = [
  `-----BEGIN PUBLIC KEY-----
MCowBQYDK2VwAyEASPv1U/9pH1Dui7oCHFw5VIlB5Fwx2rVBXDGlHr5keso=
-----END PUBLIC KEY-----
`,
];

/** SHA-256 (hex) of the bytes of assets/packs/medatixx-2021-11.json as shipped. */
export const BUNDLED_PACK_SHA256 = 'fbcd9ceaa91bee2fd4579debd2f38b76c70e836ec23aadf23ec656337be86fd4';
