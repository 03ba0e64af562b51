import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { chromiumPath, electronBinary } from './hosts';

/** Say in one line which hosts run, and why one does not. */
export default function globalSetup(): void {
  if (!existsSync(join(import.meta.dirname, '..', 'out', 'renderer', 'index.html'))) {
    throw new Error('The renderer is not built: run `npm run build` first (`npm run e2e` does it).');
  }
  const binary = electronBinary();
  const electron = 'path' in binary ? `runs (${binary.path})` : `SKIPPED: ${binary.reason}`;
  process.stdout.write(`E2E hosts: browser-host runs (Chromium at ${chromiumPath()}); electron-host ${electron}\n`);
}
