import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LocalText, Pack } from '../../shared/advisory/pack-schema';
import { signPackBytes } from '../main/services/pack-signing';

export const BUNDLED_PACK_JSON = readFileSync(join(import.meta.dirname, '..', '..', 'assets', 'packs', 'medatixx-2021-11.json'), 'utf8');

export function bundledPack(): Pack {
  return JSON.parse(BUNDLED_PACK_JSON) as Pack;
}

/** A text with one more sentence in each of its languages. */
function addSentence(text: LocalText, de: string, en: string): LocalText {
  return { de: `${text.de} ${de}`, ...(text.en === undefined ? {} : { en: `${text.en} ${en}` }) };
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
  if (step)
    step.text = addSentence(step.text, 'Prüfen Sie danach auch das Konto für die Datensicherung.', 'Then also check the backup account.');
  guide.changelog.push({
    version: '1.2',
    date: '2021-11-12',
    note: { de: 'Testfassung: Schritt 2 ergänzt.', en: 'Test version: step 2 extended.' },
    redoRequired: redo,
  });
  return pack;
}

/**
 * The bundled pack at a new revision whose x.comfort step "admin-first" is reworded; the guide keeps version 1.1
 * unless `version` is given (with a changelog entry for it). For tests only.
 */
export function packWithXComfortReworded({ version, revision = 2 }: { version?: string; revision?: number } = {}): Pack {
  const pack = bundledPack();
  pack.revision = revision;
  const guide = pack.guides.find((g) => g.id === 'pvs-x.comfort');
  const step = guide?.steps.find((s) => s.id === 'admin-first');
  if (!guide || !step) throw new Error('bundled pack has no x.comfort admin step');
  step.text = addSentence(
    step.text,
    'Gemeint sind alle Konten mit Administratorrechten.',
    'This means every account with administrator rights.',
  );
  if (version) {
    guide.version = version;
    guide.changelog.push({
      version,
      date: '2021-11-12',
      note: { de: 'Testfassung: Schritt 2 umformuliert.', en: 'Test version: step 2 reworded.' },
      redoRequired: false,
    });
  }
  return pack;
}

export function signPack(pack: Pack, privatePem: string): string {
  return JSON.stringify(signPackBytes(Buffer.from(JSON.stringify(pack, null, 2), 'utf8'), privatePem));
}
