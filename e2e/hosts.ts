import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type HostName = 'browser' | 'electron';

/**
 * Where the Electron binary is, or why there is none.
 *
 * Looks the way the electron package does, but never triggers its download (requiring `electron` would try
 * GitHub when the binary is missing, which this check must not do).
 */
export function electronBinary(): { path: string } | { reason: string } {
  const packageDir = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(packageDir, 'path.txt');
  const executable = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : undefined;
  const override = process.env['ELECTRON_OVERRIDE_DIST_PATH'];
  const candidate = override ? join(override, executable ?? 'electron') : executable ? join(packageDir, 'dist', executable) : undefined;
  if (candidate && existsSync(candidate)) return { path: candidate };
  return {
    reason: candidate
      ? `no Electron binary at ${candidate}`
      : 'no Electron binary: node_modules/electron was installed without its download (it comes from GitHub, unreachable here)',
  };
}

/** Debian's Chromium by default; PLAYWRIGHT_CHROMIUM may name another build. */
export function chromiumPath(): string {
  return process.env['PLAYWRIGHT_CHROMIUM'] ?? '/usr/bin/chromium';
}
