import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { folderWritable, resolveDataLocation, type MachineDirs } from './data-location';
import { join } from 'node:path';
import type { Language } from '../../shared/state/settings';
import { JOURNAL_DIR, journalIds, readJournalLines, verifyChain } from './journal/verify';
import { IMPORTED_DIR } from './services/record-service';
import { BUNDLED_PACK_FILE, loadBundledPack, releaseKeys } from './services/advisory-source';
import { translatorFor } from './services/report-service';
import * as nodeFs from 'node:fs';

export interface SelfTestResult {
  ok: boolean;
  /** One line per check, in the chosen language: "OK – …" or "FEHLER – …". */
  lines: string[];
}

/**
 * `--selbsttest`: what an IT partner runs after a silent install. Checks, without changing anything recorded, that
 * the data folder is there and writable, every journal chain in it verifies, the bundled advisory pack is the one
 * the app was built with, and the release keys load. The installed app runs it without a window; tests and the
 * command line run the same function in Node.
 */
export function runSelfTest(options: {
  userDataDir: string;
  packDir: string;
  language: Language;
  /** Where the preset and the shared record are looked for; without it, the record is the user-data folder's. */
  machine?: MachineDirs;
  presetArgument?: string;
}): SelfTestResult {
  const t = translatorFor(options.language);
  const lines: string[] = [];
  let ok = true;
  const check = (passed: boolean, key: string, params: Record<string, string | number> = {}) => {
    ok &&= passed;
    lines.push(`${passed ? t('selftest.ok') : t('selftest.failed')} – ${t(key, params)}`);
  };

  // The preset (if one is there) and the record folder it chooses, as the app would at its start.
  let recordDir = options.userDataDir;
  if (options.machine) {
    const location = resolveDataLocation({
      userDataDir: options.userDataDir,
      machine: options.machine,
      ...(options.presetArgument ? { argumentFile: options.presetArgument } : {}),
      persist: false,
    });
    recordDir = location.recordDir;
    if (location.preset) check(true, 'selftest.presetOk', { file: location.preset.file, practice: location.preset.preset.practice.name });
    for (const problem of location.problems) {
      if (problem.kind === 'preset-invalid') check(false, 'selftest.presetInvalid', { file: problem.file });
      else check(false, 'selftest.folderNotWritable', { folder: problem.folder });
    }
  }

  // The data folder: present (or creatable) and writable; the probe file is removed again.
  if (folderWritable(recordDir)) check(true, 'selftest.folderWritable', { folder: recordDir });
  else check(false, 'selftest.folderNotWritable', { folder: recordDir });

  // Every chain: this PC's and the merged ones, verified read-only.
  const journalDir = join(recordDir, JOURNAL_DIR);
  const ids = existsSync(journalDir) ? journalIds(nodeFs, journalDir) : [];
  const importedDir = join(journalDir, IMPORTED_DIR);
  const imported = existsSync(importedDir) ? readdirSync(importedDir).filter((name) => /^[0-9a-f-]{36}\.jsonl$/.test(name)) : [];
  if (ids.length === 0 && imported.length === 0) check(true, 'selftest.noJournal');
  for (const id of ids) {
    const report = verifyChain(id, readJournalLines(journalDir, id));
    check(report.ok, report.ok ? 'selftest.chainOk' : 'selftest.chainBroken', {
      id,
      count: report.count,
      line: report.problems[0]?.line ?? 0,
    });
  }
  for (const name of imported) {
    const id = name.slice(0, 36);
    const report = verifyChain(
      id,
      readFileSync(join(importedDir, name), 'utf8')
        .split('\n')
        .filter((line) => line !== ''),
    );
    check(report.ok, report.ok ? 'selftest.chainOk' : 'selftest.chainBroken', {
      id,
      count: report.count,
      line: report.problems[0]?.line ?? 0,
    });
  }

  // The bundled pack: its bytes as built (hash compiled into the app) and valid.
  try {
    const pack = loadBundledPack(join(options.packDir, BUNDLED_PACK_FILE));
    check(true, 'selftest.packOk', { id: pack.id, revision: pack.revision, guides: pack.guides.length });
  } catch {
    check(false, 'selftest.packBroken', { file: join(options.packDir, BUNDLED_PACK_FILE) });
  }

  // The release keys compiled into the app.
  try {
    check(releaseKeys().length > 0, 'selftest.keysOk', { count: releaseKeys().length });
  } catch {
    check(false, 'selftest.keysBroken');
  }

  lines.push(ok ? t('selftest.allOk') : t('selftest.notOk'));
  return { ok, lines };
}
