/**
 * Speed and size figures: `npm run bench` (after `npm run build` for the bundle sizes). Prints, never asserts.
 */
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { packSchema } from '../shared/advisory/pack-schema';
import { defaultProfile, PRODUCTS } from '../shared/domain/profile';
import { deriveTasks } from '../shared/domain/tasks';
import { startMainServices } from '../electron/main/bootstrap';
import { createMemoryLogger } from '../electron/main/logger';
import { confEngine } from '../electron/main/store/conf-engine';
import { packWithXComfortUpdate, signPack } from '../electron/main/services/pack-fixtures';
import { generateSigningKeys, trustedKeyFromPem, verifySignedPack } from '../electron/main/services/pack-signing';

const root = join(import.meta.dirname, '..');
const packFile = join(root, 'assets', 'packs', 'medatixx-2021-11.json');

function time(label: string, runs: number, fn: () => void): void {
  for (let i = 0; i < Math.min(20, runs); i += 1) fn();
  const start = process.hrtime.bigint();
  for (let i = 0; i < runs; i += 1) fn();
  const perRun = Number(process.hrtime.bigint() - start) / runs / 1e6;
  process.stdout.write(`${label.padEnd(58)} ${perRun.toFixed(3).padStart(9)} ms/run  (${runs} runs)\n`);
}

function size(label: string, file: string): void {
  const bytes = readFileSync(file);
  process.stdout.write(
    `${label.padEnd(58)} ${(bytes.length / 1024).toFixed(1).padStart(9)} KiB  (gzip ${(gzipSync(bytes).length / 1024).toFixed(1)} KiB)\n`,
  );
}

const pack = packSchema.parse(JSON.parse(readFileSync(packFile, 'utf8')));
const bigPractice = {
  ...defaultProfile(),
  completed: true,
  products: [...PRODUCTS],
  connector: 'yes' as const,
  remoteTools: ['teamviewer', 'anydesk', 'vendor', 'other'] as ('teamviewer' | 'anydesk' | 'vendor' | 'other')[],
  portals: ['email', 'kv-portal', 'banking', 'other'] as ('email' | 'kv-portal' | 'banking' | 'other')[],
  cardTerminals: Array.from({ length: 20 }, (_, i) => ({ id: `t-${i}`, model: 'ORGA 6141 online' })),
  computers: Array.from({ length: 60 }, (_, i) => ({ id: `c-${i}`, name: `Arbeitsplatz ${i + 1}`, server: i === 0 })),
};

process.stdout.write('Passwort-Lotse benchmark\n');
time(`derive tasks, largest practice (${deriveTasks(bigPractice, pack).length} tasks)`, 2000, () => deriveTasks(bigPractice, pack));
time('validate the bundled pack (zod)', 200, () => packSchema.parse(JSON.parse(readFileSync(packFile, 'utf8'))));

const keys = generateSigningKeys();
const signed = signPack(packWithXComfortUpdate(true), keys.privatePem);
const trusted = [trustedKeyFromPem(keys.publicPem)];
time('verify a signed update (Ed25519 + schema)', 200, () => verifySignedPack(signed, trusted));

const dir = mkdtempSync(join(tmpdir(), 'pl-bench-'));
time('start main services on a fresh store', 20, () => {
  startMainServices({
    userDataDir: mkdtempSync(join(dir, 's-')),
    engine: confEngine,
    version: 'bench',
    logger: createMemoryLogger(),
    packFile,
    keysDir: join(root, 'assets', 'keys'),
  });
});
const services = startMainServices({
  userDataDir: dir,
  engine: confEngine,
  version: 'bench',
  logger: createMemoryLogger(),
  packFile,
  keysDir: join(root, 'assets', 'keys'),
});
services.core.handlers.updateSettings({ userName: 'Bench' });
services.core.handlers.saveProfile(bigPractice);
time('snapshot of the largest practice', 200, () => services.core.snapshot());
let n = 0;
time('set a status and persist (largest practice)', 100, () => {
  n += 1;
  services.core.checklist.setStatus('team-briefing', n % 2 ? 'in-progress' : 'open', undefined, 'Bench');
});
process.stdout.write(
  `${'snapshot size (largest practice, 200 log entries)'.padEnd(58)} ${(JSON.stringify(services.core.snapshot()).length / 1024).toFixed(1).padStart(9)} KiB\n`,
);

size('bundled advisory pack', packFile);
for (const [label, folder] of [
  ['renderer', join(root, 'out', 'renderer', 'assets')],
  ['main', join(root, 'out', 'main')],
  ['preload', join(root, 'out', 'preload')],
] as const) {
  try {
    for (const name of readdirSync(folder).filter((f) => /\.(js|cjs|mjs|css)$/.test(f) && statSync(join(folder, f)).isFile()))
      size(`${label} bundle ${name}`, join(folder, name));
  } catch {
    process.stdout.write(`${label} bundle: not built (run npm run build first)\n`);
  }
}
