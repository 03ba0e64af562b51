import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { startMainServices } from '../bootstrap';
import { createMemoryLogger } from '../logger';
import { BUNDLED_PACK_FILE, BundledPackChangedError, loadBundledPack, loadTrustedKeys } from '../services/advisory-source';
import { packWithXComfortUpdate, signPack } from '../../testing/pack-fixtures';
import { generateSigningKeys } from '../services/pack-signing';
import { confEngine } from '../store/conf-engine';
import { BUNDLED_PACK_SHA256, RELEASE_PUBLIC_KEYS } from './anchors';

const root = join(import.meta.dirname, '..', '..', '..');
const packFile = join(root, 'assets', 'packs', BUNDLED_PACK_FILE);

describe('trust anchors compiled into the app', () => {
  it('are the release keys of assets/keys and the hash of the bundled pack as checked in', () => {
    const keysDir = join(root, 'assets', 'keys');
    const files = readdirSync(keysDir).filter((name) => name.endsWith('.pem'));
    expect(RELEASE_PUBLIC_KEYS.map((pem) => pem.trim()).sort()).toEqual(
      files.map((name) => readFileSync(join(keysDir, name), 'utf8').trim()).sort(),
    );
    // If this fails after changing the bundled pack on purpose, put the new hash into electron/main/trust/anchors.ts.
    expect(createHash('sha256').update(readFileSync(packFile)).digest('hex')).toBe(BUNDLED_PACK_SHA256);
  });

  it('refuses a bundled pack whose bytes were changed in the install folder', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-anchor-'));
    const changed = join(dir, BUNDLED_PACK_FILE);
    writeFileSync(changed, readFileSync(packFile, 'utf8').replace('Kurzanleitung', 'Kurz-Anleitung'));
    expect(() => loadBundledPack(changed)).toThrow(BundledPackChangedError);
    expect(loadBundledPack(packFile).id).toBe('medatixx-2021-11');
  });

  it('never trusts a key dropped into the resources folder: an update signed with it is refused', () => {
    const userDataDir = mkdtempSync(join(tmpdir(), 'pl-anchor-user-'));
    const resources = mkdtempSync(join(tmpdir(), 'pl-anchor-resources-'));
    mkdirSync(join(resources, 'keys'));
    mkdirSync(join(resources, 'packs'));
    copyFileSync(packFile, join(resources, 'packs', BUNDLED_PACK_FILE));
    const intruder = generateSigningKeys();
    writeFileSync(join(resources, 'keys', 'intruder.pem'), intruder.publicPem);
    // As the app starts: the pack from resources (hash-checked), no keys folder at all.
    const services = startMainServices({
      userDataDir,
      engine: confEngine,
      version: 'test',
      packFile: join(resources, 'packs', BUNDLED_PACK_FILE),
      logger: createMemoryLogger(),
    });
    const outcome = services.core.handlers.previewAdvisory({ content: signPack(packWithXComfortUpdate(true), intruder.privatePem) });
    expect(outcome).toMatchObject({ status: 'refused', refusal: 'foreign-key' });
    services.core.record.close();
  });

  it('skips a malformed key file with a note instead of failing (pack tool and tests)', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-anchor-keys-'));
    writeFileSync(join(dir, 'broken.pem'), '-----BEGIN PUBLIC KEY-----\nnot a key\n-----END PUBLIC KEY-----\n');
    copyFileSync(join(root, 'assets', 'keys', 'passwort-lotse-release.pem'), join(dir, 'release.pem'));
    const skipped: string[] = [];
    const keys = loadTrustedKeys(dir, (file) => skipped.push(file));
    expect(keys).toHaveLength(1);
    expect(skipped).toEqual(['broken.pem']);
  });
});
