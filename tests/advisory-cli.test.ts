import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAdvisoryCli } from '../scripts/advisory';

const root = join(import.meta.dirname, '..');
const bundled = join(root, 'assets', 'packs', 'medatixx-2021-11.json');

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAdvisoryCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('npm run advisory', () => {
  it('list --json prints one JSON line per guide', () => {
    const { code, out } = run(['list', '--json', bundled]);
    expect(code).toBe(0);
    const lines = out.map((l) => JSON.parse(l));
    expect(lines).toContainEqual({
      id: 'pvs-x.comfort',
      target: 'pvs',
      products: ['x.comfort'],
      version: '1.1',
      date: '2021-11-09',
      steps: 6,
    });
    expect(lines.length).toBe(25);
  });

  it('check passes the bundled pack and names each error of a broken one with its JSON path, in German or English', () => {
    expect(run(['check', bundled]).code).toBe(0);
    const dir = mkdtempSync(join(tmpdir(), 'pl-cli-'));
    const broken = JSON.parse(readFileSync(bundled, 'utf8'));
    broken.guides[2].version = 11;
    delete broken.guides[4].steps[0].source;
    broken.guides[0].menu = 'x';
    const file = join(dir, 'broken.json');
    writeFileSync(file, JSON.stringify(broken));
    const de = run(['check', file]);
    expect(de.code).toBe(1);
    expect(de.err).toEqual([
      `${file}: ungültig, 3 Fehler:`,
      '  $.guides[0]: Unbekanntes Feld: menu.',
      '  $.guides[2].version: Falscher Typ oder Feld fehlt (erwartet: string).',
      '  $.guides[4].steps[0].source: Falscher Typ oder Feld fehlt (erwartet: string).',
    ]);
    expect(run(['check', file, '--lang', 'en']).err[1]).toBe('  $.guides[0]: Unknown field: menu.');
    writeFileSync(file, '{ kaputt');
    expect(run(['check', file]).err).toEqual([`${file}: kein gültiges JSON.`]);
  });

  it('keygen, sign and verify round-trip; a flipped byte fails; the wrong key is refused', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-cli-'));
    expect(run(['keygen', '--out', dir, '--name', 'test']).code).toBe(0);
    expect(run(['keygen', '--out', dir, '--name', 'test']).code).toBe(1); // never overwrites a key
    const signedFile = join(dir, 'pack.signed.json');
    expect(run(['sign', bundled, '--key', join(dir, 'test.private.pem'), '--out', signedFile]).code).toBe(0);
    expect(run(['verify', signedFile, '--keys', dir])).toMatchObject({ code: 0, out: [expect.stringContaining('Signatur gültig')] });
    const envelope = JSON.parse(readFileSync(signedFile, 'utf8'));
    const payload = Buffer.from(envelope.payload, 'base64');
    payload[100] = (payload[100] ?? 0) ^ 1;
    writeFileSync(signedFile, JSON.stringify({ ...envelope, payload: payload.toString('base64') }));
    expect(run(['verify', signedFile, '--keys', dir])).toMatchObject({ code: 1, err: [expect.stringContaining('Signatur passt nicht')] });
    expect(run(['verify', signedFile])).toMatchObject({ code: 1, err: [expect.stringContaining('unbekannten Schlüssel')] });
  });

  it('sign refuses an invalid pack and a missing key', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-cli-'));
    const file = join(dir, 'x.json');
    writeFileSync(file, '{}');
    run(['keygen', '--out', dir, '--name', 'k']);
    expect(run(['sign', file, '--key', join(dir, 'k.private.pem')]).code).toBe(1);
    expect(run(['sign', bundled]).code).toBe(2);
    expect(run(['frobnicate']).code).toBe(2);
  });

  it('runs as the npm script', () => {
    const out = execFileSync('npm', ['run', '-s', 'advisory', '--', 'list', '--json', bundled], { cwd: root, encoding: 'utf8' });
    expect(out.trim().split('\n')).toHaveLength(25);
  });
});
