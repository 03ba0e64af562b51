import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { isAbsolute, join } from 'node:path';
import { MAX_PRESET_BYTES, parsePresetFile, PRESET_FILE_NAME, type Preset, type PresetRefusal } from '../../shared/preset/preset';
import { writeFileAtomically } from './store/atomic-write';

/**
 * Where Passwort-Lotse finds a Vorgabe (preset) and keeps the practice's record on a PC.
 *
 * - Settings and logs always stay per Windows user (the user-data folder): who uses the app, the language.
 * - The record (journal, merged journals, an installed guide update) lives in the user-data folder by default, or,
 *   when the preset says so, in the machine-wide data folder that all users of the PC share.
 * - The preset is found, first match wins: `--vorgabe <file>`, the machine-wide file, the copy this user's app kept
 *   of a preset given with `--vorgabe` before (so the choice holds at the next start without the argument).
 */
export interface MachineDirs {
  /** Where an IT partner puts the preset for every user of the PC. */
  presetDir: string;
  /** The machine-wide record folder (writable for the PC's users; the installer or the IT partner makes it so). */
  dataDir: string;
}

/** The machine-wide folders: Windows %ProgramData%\Passwort-Lotse, Linux /etc and /var/lib, macOS /Library. */
export function machineDirs(platform: NodeJS.Platform, env: NodeJS.ProcessEnv): MachineDirs {
  if (platform === 'win32') {
    const base = join(env['ProgramData'] ?? env['PROGRAMDATA'] ?? 'C:\\ProgramData', 'Passwort-Lotse');
    return { presetDir: base, dataDir: join(base, 'data') };
  }
  if (platform === 'darwin') {
    const base = '/Library/Application Support/Passwort-Lotse';
    return { presetDir: base, dataDir: join(base, 'data') };
  }
  return { presetDir: '/etc/passwort-lotse', dataDir: '/var/lib/passwort-lotse' };
}

/** The copy of a preset given with --vorgabe, kept in the user-data folder. */
export const KEPT_PRESET_FILE = 'vorgabe.json';
/** The record folder of the last start that had one chosen by a preset, kept in the user-data folder. */
export const RECORD_LOCATION_FILE = 'record-location.json';

function rememberedFolder(userDataDir: string): string | undefined {
  try {
    const raw: unknown = JSON.parse(readFileSync(join(userDataDir, RECORD_LOCATION_FILE), 'utf8'));
    const folder = (raw as { folder?: unknown } | null)?.folder;
    return typeof folder === 'string' && isAbsolute(folder) ? folder : undefined;
  } catch {
    return undefined;
  }
}

export type PresetSource = 'argument' | 'machine' | 'kept';

export type PresetProblem =
  | { kind: 'preset-invalid'; file: string; refusal: PresetRefusal | 'unreadable'; field?: string }
  | { kind: 'data-folder-unwritable'; folder: string };

export interface DataLocation {
  /** The folder of the record: journal/, packs/ and the record lock. */
  recordDir: string;
  /** Whether that is a shared folder (machine-wide or named in the preset) rather than this user's own. */
  shared: boolean;
  preset?: { preset: Preset; source: PresetSource; file: string };
  problems: PresetProblem[];
}

function readPresetFile(file: string): { ok: true; preset: Preset } | { ok: false; problem: PresetProblem } {
  try {
    if (statSync(file).size > MAX_PRESET_BYTES) return { ok: false, problem: { kind: 'preset-invalid', file, refusal: 'too-large' } };
    const outcome = parsePresetFile(readFileSync(file));
    if (outcome.ok) return outcome;
    return {
      ok: false,
      problem: { kind: 'preset-invalid', file, refusal: outcome.refusal, ...(outcome.field ? { field: outcome.field } : {}) },
    };
  } catch {
    return { ok: false, problem: { kind: 'preset-invalid', file, refusal: 'unreadable' } };
  }
}

/** Whether the app can make and write files in a folder (made when missing); the probe file is removed again. */
export function folderWritable(folder: string): boolean {
  const probe = join(folder, `.passwort-lotse-probe-${process.pid}`);
  try {
    mkdirSync(folder, { recursive: true });
    writeFileSync(probe, 'probe');
  } catch {
    return false;
  }
  try {
    rmSync(probe, { force: true });
  } catch {
    // Written is what counts (a virus scanner may hold the probe for a moment).
  }
  return true;
}

/** Decide where this start finds its preset and keeps its record. Never throws: problems come back as notices' data. */
export function resolveDataLocation(options: {
  userDataDir: string;
  machine: MachineDirs;
  /** The file named with --vorgabe, if any. */
  argumentFile?: string;
  /** Keep the preset copy and the chosen folder for the next start (the app); the self-test only looks. */
  persist?: boolean;
}): DataLocation {
  const persist = options.persist ?? true;
  const problems: PresetProblem[] = [];
  const kept = join(options.userDataDir, KEPT_PRESET_FILE);
  const candidates: { file: string; source: PresetSource }[] = [
    ...(options.argumentFile ? [{ file: options.argumentFile, source: 'argument' as const }] : []),
    { file: join(options.machine.presetDir, PRESET_FILE_NAME), source: 'machine' },
    { file: kept, source: 'kept' },
  ];
  let found: DataLocation['preset'];
  for (const candidate of candidates) {
    if (candidate.source !== 'argument' && !existsSync(candidate.file)) continue;
    const read = readPresetFile(candidate.file);
    if (!read.ok) {
      // A broken preset is reported and not used; the next place is not tried, so a broken machine-wide file is
      // never silently replaced by an older copy.
      problems.push(read.problem);
      break;
    }
    found = { preset: read.preset, source: candidate.source, file: candidate.file };
    break;
  }
  if (persist && found?.source === 'argument') {
    try {
      writeFileAtomically(kept, `${JSON.stringify(found.preset, null, 2)}\n`);
    } catch {
      // Not kept: it holds for this start; the next start without --vorgabe goes back to the user's own choice.
    }
  }

  // The record never moves by accident: without a valid preset that says where (it is broken, being copied, or was
  // removed), the folder of the last start stays. Going back to the user's own folder takes a preset saying "user".
  const remembered = rememberedFolder(options.userDataDir);
  const wanted = found?.preset.record ?? (remembered ? { folder: remembered } : 'user');
  let recordDir = options.userDataDir;
  if (wanted === 'machine') recordDir = options.machine.dataDir;
  else if (typeof wanted === 'object') recordDir = isAbsolute(wanted.folder) ? wanted.folder : '';
  if (recordDir !== options.userDataDir && (recordDir === '' || !folderWritable(recordDir))) {
    // Never a record nobody can write: this user's own folder, and a notice that names the folder.
    problems.push({ kind: 'data-folder-unwritable', folder: typeof wanted === 'object' ? wanted.folder : recordDir });
    recordDir = options.userDataDir;
  }
  if (persist && (found || recordDir !== options.userDataDir)) {
    try {
      if (recordDir === options.userDataDir) rmSync(join(options.userDataDir, RECORD_LOCATION_FILE), { force: true });
      else if (recordDir !== remembered)
        writeFileAtomically(join(options.userDataDir, RECORD_LOCATION_FILE), `${JSON.stringify({ folder: recordDir })}\n`);
    } catch {
      // Not remembered: the next start decides again from the preset.
    }
  }
  return { recordDir, shared: recordDir !== options.userDataDir, ...(found ? { preset: found } : {}), problems };
}
