import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningKeys, trustedKeyFromPem, type TrustedKey } from '../main/services/pack-signing';

/**
 * A signing key made for this test run (never committed), trusted by the browser host in addition to assets/keys.
 *
 * The Electron host cannot be given it, so specs that import signed packs need the browser host.
 */
const dir = join(tmpdir(), 'passwort-lotse-e2e-keys');

export function testSigningKey(): { privatePem: string; publicPem: string } {
  const privateFile = join(dir, 'test.private.pem');
  const publicFile = join(dir, 'test.public.pem');
  if (!existsSync(privateFile)) {
    mkdirSync(dir, { recursive: true });
    const keys = generateSigningKeys();
    writeFileSync(privateFile, keys.privatePem, { mode: 0o600 });
    writeFileSync(publicFile, keys.publicPem);
  }
  return { privatePem: readFileSync(privateFile, 'utf8'), publicPem: readFileSync(publicFile, 'utf8') };
}

export function testTrustedKeys(): TrustedKey[] {
  return [trustedKeyFromPem(testSigningKey().publicPem)];
}
