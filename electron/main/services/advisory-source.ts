import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packSchema, type Pack } from '../../../shared/advisory/pack-schema';
import { BUNDLED_PACK_SHA256, RELEASE_PUBLIC_KEYS } from '../trust/anchors';
import { trustedKeyFromPem, type TrustedKey } from './pack-signing';

/** Raised when the bundled pack's bytes are not the ones the app was built with (the install folder was changed). */
export class BundledPackChangedError extends Error {
  override readonly name = 'BundledPackChangedError';
}

/**
 * Read and validate the bundled advisory pack. Its bytes must hash to `expectedSha256` (the anchor compiled into
 * the app); a changed or broken bundled pack stops the start with a clear error, it is never used.
 */
export function loadBundledPack(file: string, expectedSha256: string = BUNDLED_PACK_SHA256): Pack {
  const bytes = readFileSync(file);
  const actual = createHash('sha256').update(bytes).digest('hex');
  if (actual !== expectedSha256) throw new BundledPackChangedError(`bundled advisory pack changed: ${actual}`);
  const parsed = packSchema.safeParse(JSON.parse(bytes.toString('utf8')));
  if (!parsed.success) throw new Error(`bundled advisory pack is invalid: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  return parsed.data;
}

export const BUNDLED_PACK_FILE = 'medatixx-2021-11.json';

/** The keys an update must be signed with: the release keys compiled into the app, and nothing from disk. */
export function releaseKeys(): TrustedKey[] {
  return RELEASE_PUBLIC_KEYS.map((pem) => trustedKeyFromPem(pem));
}

/**
 * Every Ed25519 public key (*.pem) in a folder, for the pack tool (`verify --keys`) and tests; the app itself
 * never reads keys from disk. A file that is not a valid Ed25519 key is skipped and named in `onSkipped`.
 */
export function loadTrustedKeys(dir: string, onSkipped: (file: string) => void = () => undefined): TrustedKey[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pem') && !name.includes('private'))
    .sort()
    .flatMap((name) => {
      try {
        return [trustedKeyFromPem(readFileSync(join(dir, name), 'utf8'))];
      } catch {
        onSkipped(name);
        return [];
      }
    });
}
