import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Pack } from '../../../shared/advisory/pack-schema';
import { signPackBytes } from './pack-signing';

export const BUNDLED_PACK_JSON = readFileSync(
  join(import.meta.dirname, '..', '..', '..', 'assets', 'packs', 'medatixx-2021-11.json'),
  'utf8',
);

export function bundledPack(): Pack {
  return JSON.parse(BUNDLED_PACK_JSON) as Pack;
}

/**
 * The bundled pack with a new x.comfort guide version 1.2 whose admin step changed; `redo` says whether the
 * changelog requires a step done under 1.1 to be redone. For tests only.
 */
export function packWithXComfortUpdate(redo: boolean, revision = 2): Pack {
  const pack = bundledPack();
  pack.revision = revision;
  const guide = pack.guides.find((g) => g.id === 'pvs-x.comfort');
  if (!guide) throw new Error('bundled pack has no x.comfort guide');
  guide.version = '1.2';
  guide.date = '2021-11-12';
  const step = guide.steps.find((s) => s.id === 'admin-first');
  if (step) step.text = `${step.text} Prüfen Sie danach auch das Konto für die Datensicherung.`;
  guide.changelog.push({ version: '1.2', date: '2021-11-12', note: 'Testfassung: Schritt 2 ergänzt.', redoRequired: redo });
  return pack;
}

export function signPack(pack: Pack, privatePem: string): string {
  return JSON.stringify(signPackBytes(Buffer.from(JSON.stringify(pack, null, 2), 'utf8'), privatePem));
}
