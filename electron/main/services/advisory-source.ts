import { readFileSync } from 'node:fs';
import { packSchema, type Pack } from '../../../shared/advisory/pack-schema';

/** Read and validate the bundled advisory pack; a broken bundled pack is a build error, so this throws. */
export function loadBundledPack(file: string): Pack {
  const parsed = packSchema.safeParse(JSON.parse(readFileSync(file, 'utf8')));
  if (!parsed.success) throw new Error(`bundled advisory pack is invalid: ${parsed.error.issues[0]?.path.join('.') ?? ''}`);
  return parsed.data;
}

export const BUNDLED_PACK_FILE = 'medatixx-2021-11.json';
