import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packSchema, type Pack } from '../../../shared/advisory/pack-schema';
import { trustedKeyFromPem, type TrustedKey } from './pack-signing';

/** Read and validate the bundled advisory pack; a broken bundled pack is a build error, so this throws. */
export function loadBundledPack(file: string): Pack {
  const parsed = packSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`bundled advisory pack is invalid: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  return parsed.data;
}

export const BUNDLED_PACK_FILE = 'medatixx-2021-11.json';

/** Every Ed25519 public key (*.pem) in a folder: the keys whose signature an update pack may carry. */
export function loadTrustedKeys(dir: string): TrustedKey[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => name.endsWith('.pem') && !name.includes('private'))
    .sort()
    .map((name) => trustedKeyFromPem(readFileSync(join(dir, name), 'utf8')));
}
