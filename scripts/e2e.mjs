// Runs Playwright; under Xvfb when an Electron binary is present and there is no display (CI, SSH sessions).
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

const electronDir = join(import.meta.dirname, '..', 'node_modules', 'electron');
const pathFile = join(electronDir, 'path.txt');
const hasElectron = existsSync(pathFile) && existsSync(join(electronDir, 'dist', readFileSync(pathFile, 'utf8').trim()));
const args = ['playwright', 'test', ...process.argv.slice(2)];
const windows = process.platform === 'win32';
// Windows has a display and no xvfb-run (nor `which`).
const needsXvfb = !windows && hasElectron && !process.env.DISPLAY && spawnSync('which', ['xvfb-run']).status === 0;
const [command, commandArgs] = needsXvfb ? ['xvfb-run', ['-a', 'npx', ...args]] : ['npx', args];
// On Windows npx is npx.cmd, which only a shell runs.
const result = spawnSync(command, commandArgs, { stdio: 'inherit', shell: windows });
process.exit(result.status ?? 1);
