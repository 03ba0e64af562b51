import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAdvisoryCli } from '../scripts/advisory';

const root = join(import.meta.dirname, '..');
const bundled = join(root, 'assets', 'packs', 'medatixx-2021-11.json');
/** One line per guide of the bundled pack. */
const guideCount = (JSON.parse(readFileSync(bundled, 'utf8')) as { guides: unknown[] }).guides.length;

function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAdvisoryCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('npm run advisory', () => {
  it('upgrade turns a format 1 pack into format 2 that the app reads as the same German texts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-upgrade-'));
    const out = join(dir, 'upgraded.json');
    const old = join(root, 'tests', 'fixtures', 'pack-format-1.json');
    const { code } = run(['upgrade', old, '--out', out]);
    expect(code).toBe(0);
    const before = JSON.parse(readFileSync(old, 'utf8')) as { schemaVersion: number; guides: { steps: { text: string }[] }[] };
    const after = JSON.parse(readFileSync(out, 'utf8')) as { schemaVersion: number; guides: { steps: { text: { de: string } }[] }[] };
    expect(before.schemaVersion).toBe(1);
    expect(after.schemaVersion).toBe(2);
    expect(after.guides[3]?.steps[1]?.text).toEqual({ de: before.guides[3]?.steps[1]?.text });
    // Upgrading again changes nothing.
    expect(run(['upgrade', out]).out.join('\n')).toMatch(/bereits Format 2/);
  });

  it('check names texts without English, and --require-en makes them an error', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-require-en-'));
    const file = join(dir, 'pack.json');
    const pack = JSON.parse(readFileSync(bundled, 'utf8')) as { guides: { id: string; steps: { text: { de: string; en?: string } }[] }[] };
    const guide = pack.guides[0];
    if (guide?.steps[0]) delete guide.steps[0].text.en;
    writeFileSync(file, JSON.stringify(pack));
    const lenient = run(['check', file]);
    expect(lenient.code).toBe(0);
    expect(lenient.out.join('\n')).toContain(`1 Text hat keine englische Fassung (die App zeigt dort Deutsch): ${guide?.id}`);
    const strict = run(['check', file, '--require-en', '--lang', 'en']);
    expect(strict.code).toBe(1);
    expect(strict.err.join('\n')).toContain(`1 text has no English version (the app shows German there): ${guide?.id}`);
    expect(run(['check', bundled, '--require-en']).code).toBe(0);
  });

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
      author: 'Passwort-Lotse',
      // Needs the English of the bundled pack: every text of the guide in German and English.
      languages: ['de', 'en'],
      basedOn: '„Passwortänderung in der Praxissoftware“ für x.comfort, Version 1.1 vom 09.11.2021',
    });
    expect(lines.length).toBe(guideCount);
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
      '  $.guides[0] (Anleitung pvs-easymed): Unbekanntes Feld: menu.',
      '  $.guides[2].version (Anleitung pvs-x.comfort): Falscher Typ (erwartet: Text).',
      '  $.guides[4].steps[0].source (Anleitung pvs-x.isynet): Dieses Pflichtfeld fehlt.',
    ]);
    expect(run(['check', file, '--lang', 'en']).err.slice(1)).toEqual([
      '  $.guides[0] (guide pvs-easymed): Unknown field: menu.',
      '  $.guides[2].version (guide pvs-x.comfort): Wrong type (expected: text).',
      '  $.guides[4].steps[0].source (guide pvs-x.isynet): This required field is missing.',
    ]);
    writeFileSync(file, '{ kaputt');
    expect(run(['check', file]).err).toEqual([`${file}: kein gültiges JSON.`]);
  });

  it('check refuses bidirectional and other control characters in any text, with the app’s German or English text', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-cli-'));
    const pack = JSON.parse(readFileSync(bundled, 'utf8'));
    pack.guides[0].steps[0].text.de = `Klicken Sie \u202Enetroh\u202C auf OK.`;
    pack.advisory.title.de = 'Warnung\u0007';
    const file = join(dir, 'bidi.json');
    writeFileSync(file, JSON.stringify(pack));
    const de = run(['check', file]);
    expect(de.code).toBe(1);
    expect(de.err).toEqual([
      `${file}: ungültig, 2 Fehler:`,
      '  $.advisory.title.de: Der Text enthält unsichtbare Steuerzeichen, z. B. zur Umkehr der Schreibrichtung. Sie können den angezeigten Text verfälschen und sind nicht erlaubt.',
      '  $.guides[0].steps[0].text.de (Anleitung pvs-easymed): Der Text enthält unsichtbare Steuerzeichen, z. B. zur Umkehr der Schreibrichtung. Sie können den angezeigten Text verfälschen und sind nicht erlaubt.',
    ]);
    expect(run(['check', file, '--lang', 'en']).err[1]).toBe(
      '  $.advisory.title.de: The text contains invisible control characters, e.g. to reverse the writing direction. They can falsify the text shown and are not allowed.',
    );
  });

  it('check refuses a reworded step without a new guide version, compared with the bundled pack or --against', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-cli-'));
    const pack = JSON.parse(readFileSync(bundled, 'utf8'));
    const comfort = pack.guides.findIndex((g: { id: string }) => g.id === 'pvs-x.comfort');
    pack.revision = 2;
    pack.guides[comfort].steps[1].text.de += ' Neu.';
    const file = join(dir, 'reworded.json');
    writeFileSync(file, JSON.stringify(pack));
    const title = pack.guides[comfort].title as { de: string; en?: string };
    expect(run(['check', file])).toMatchObject({
      code: 1,
      err: [
        `${file}: ungültig, 1 Fehler:`,
        `  $.guides[${comfort}].version (Anleitung pvs-x.comfort): Die Schritte der Anleitung „${title.de}“ wurden geändert, ihre Version 1.1 aber nicht erhöht.`,
        `  (Versionen verglichen mit ${bundled})`,
      ],
    });
    pack.guides[comfort].version = '1.2';
    writeFileSync(file, JSON.stringify(pack));
    expect(run(['check', file]).code).toBe(0);
    // --against names the pack in force: there the step reads differently under the same 1.2, or the guide is at 1.3.
    const newer = structuredClone(pack);
    newer.guides[comfort].steps[1].text.de += ' Noch neuer.';
    const newerFile = join(dir, 'newer.json');
    writeFileSync(newerFile, JSON.stringify(newer));
    expect(run(['check', file, '--against', newerFile]).err[1]).toContain('ihre Version 1.2 aber nicht erhöht');
    newer.guides[comfort].version = '1.3';
    writeFileSync(newerFile, JSON.stringify(newer));
    expect(run(['check', file, '--against', newerFile, '--lang', 'en']).err[1]).toBe(
      `  $.guides[${comfort}].version (guide pvs-x.comfort): The version of the guide “${title.en ?? title.de}” drops from 1.3 to 1.2.`,
    );
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

  it('check and sign refuse a pack saved as Windows-1252 ("ANSI") instead of signing U+FFFD for its umlauts', () => {
    const dir = mkdtempSync(join(tmpdir(), 'pl-cli-'));
    run(['keygen', '--out', dir, '--name', 'k']);
    const utf8 = readFileSync(bundled);
    // The first „ä“ (C3 A4 in UTF-8) as an editor saving Windows-1252 writes it: E4.
    const at = utf8.indexOf(Buffer.from('ä'));
    expect(at).toBeGreaterThan(0);
    const file = join(dir, 'ansi.json');
    writeFileSync(file, Buffer.concat([utf8.subarray(0, at), Buffer.from([0xe4]), utf8.subarray(at + 2)]));
    expect(run(['check', file])).toMatchObject({
      code: 1,
      err: [`${file}: nicht als UTF-8 gespeichert. Bitte speichern Sie die Datei erneut als UTF-8.`],
    });
    const signedFile = join(dir, 'ansi.signed.json');
    expect(run(['sign', file, '--key', join(dir, 'k.private.pem'), '--out', signedFile, '--lang', 'en'])).toMatchObject({
      code: 1,
      err: [`${file}: not saved as UTF-8. Please save the file again as UTF-8.`],
    });
    expect(existsSync(signedFile)).toBe(false);
  });

  it('runs as the npm script', () => {
    const out = execFileSync('npm', ['run', '-s', 'advisory', '--', 'list', '--json', bundled], { cwd: root, encoding: 'utf8' });
    expect(out.trim().split('\n')).toHaveLength(guideCount);
  });
});
