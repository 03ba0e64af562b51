import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { Ajv } from 'ajv';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
const scheme = JSON.parse(readFileSync(require.resolve('app-builder-lib/scheme.json'), 'utf8')) as object;
const validate = new Ajv({ allErrors: true, strict: false }).compile(scheme);
const config = parse(readFileSync(join(root, 'electron-builder.yml'), 'utf8')) as Record<string, any>;

const errorsOf = (candidate: unknown) => (validate(candidate) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`));

describe('electron-builder.yml', () => {
  it('is valid against electron-builder’s own scheme.json', () => {
    expect(errorsOf(config)).toEqual([]);
  });

  it.each([
    ['a misspelt top-level key', (c: Record<string, any>) => ({ ...c, productNmae: 'x' })],
    ['a misspelt fuse', (c: Record<string, any>) => ({ ...c, electronFuses: { ...c['electronFuses'], runAsNod: false } })],
    ['a misspelt NSIS option', (c: Record<string, any>) => ({ ...c, nsis: { ...c['nsis'], perMachin: true } })],
    ['a wrong type', (c: Record<string, any>) => ({ ...c, asar: 'yes' })],
  ])('the validation catches %s', (_label, mutate) => {
    expect(errorsOf(mutate(structuredClone(config))).length).toBeGreaterThan(0);
  });

  it('flips the hardening fuses', () => {
    expect(config['electronFuses']).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('builds an assisted per-machine NSIS installer, an MSI with a fixed upgrade code, portable, AppImage and deb', () => {
    expect(config['asar']).toBe(true);
    expect(config['nsis']).toMatchObject({ oneClick: false, perMachine: true });
    expect(config['msi']['upgradeCode']).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(config['win']['target'].map((t: { target: string }) => t.target)).toEqual(['nsis', 'msi', 'portable']);
    expect(config['linux']['target']).toEqual(['AppImage', 'deb']);
  });

  it('ships only an allow-list of files', () => {
    expect(config['files']).toEqual(['package.json', 'out/**/*', '!out/**/*.map']);
  });
});
