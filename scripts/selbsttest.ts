/**
 * The app's self-test (`Passwort-Lotse.exe --selbsttest`) in plain Node, through the same function:
 *   npm run selbsttest -- [<user-data folder>] [--lang en]
 * Exit code 0 when every check passes, 1 otherwise.
 */
import { homedir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runSelfTest } from '../electron/main/self-test';
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
  const result = runSelfTest({ userDataDir, packDir: join(root, 'assets', 'packs'), language });
  for (const line of result.lines) out(line);
  return result.ok ? 0 : 1;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runSelfTestCli(process.argv.slice(2), (line) => process.stdout.write(`${line}\n`));
}
