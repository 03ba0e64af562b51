/**
 * The app's self-test (`Passwort-Lotse.exe --selbsttest`) in plain Node, through the same function:
 *   npm run selbsttest -- [<user-data folder>] [--lang en]
 * A preset at the machine-wide location (or in PASSWORT_LOTSE_MACHINE_DIR) is read and its record folder checked.
 * Exit code 0 when every check passes, 1 otherwise.
 */
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSelfTest } from '../electron/main/self-test';
import { machineDirs } from '../electron/main/data-location';
import { startupLanguage } from '../electron/main/startup-language';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export function runSelfTestCli(argv: string[], out: (line: string) => void): number {
  const folder = argv.find((arg, i) => !arg.startsWith('--') && argv[i - 1] !== '--lang');
  const userDataDir =
    folder ??
    (process.platform === 'win32'
      ? join(process.env['APPDATA'] ?? homedir(), 'Passwort-Lotse')
      : join(homedir(), '.config', 'Passwort-Lotse'));
  const lang = argv[argv.indexOf('--lang') + 1];
  const language = argv.includes('--lang') ? (lang === 'en' ? 'en' : 'de') : startupLanguage(userDataDir);
  // The machine-wide folder as the app uses it (or a stand-in named in PASSWORT_LOTSE_MACHINE_DIR).
  const machineDir = process.env['PASSWORT_LOTSE_MACHINE_DIR'];
  const machine = machineDir ? { presetDir: machineDir, dataDir: join(machineDir, 'data') } : machineDirs(process.platform, process.env);
  const result = runSelfTest({ userDataDir, packDir: join(root, 'assets', 'packs'), language, machine });
  for (const line of result.lines) out(line);
  return result.ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runSelfTestCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
}
