import { cpSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseRecordExport } from '../shared/record/export-format';
import { runRecordCli } from '../scripts/record';
import { translatorFor } from '../electron/main/services/report-service';

const de = translatorFor('de');
const en = translatorFor('en');

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runRecordCli(argv, { out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

const tmp = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

/** The demo practice, made once: EMPFANG-1's user-data folder with the other two PCs merged in. */
let demo: string;
let demoRun: Awaited<ReturnType<typeof run>>;

const journalDir = (dir: string) => join(dir, 'journal');
const importedDir = (dir: string) => join(dir, 'journal', 'imported');
const jsonl = (folder: string) => readdirSync(folder).filter((name) => /^[0-9a-f-]{36}\.jsonl$/.test(name));
const linesOf = (file: string) =>
  readFileSync(file, 'utf8')
    .split('\n')
    .filter((line) => line !== '');
/** The last line's hash, read from the file itself. */
const headOf = (file: string) => (JSON.parse(linesOf(file).at(-1) as string) as { hash: string }).hash;
const chainLines = (lines: string[]) => lines.filter((line) => / Einträge, letzter Prüfwert | entries, last check value /.test(line));

beforeAll(async () => {
  demo = join(tmp('pl-record-cli-'), 'praxis');
  demoRun = await run(['demo', demo]);
}, 30_000);

describe('npm run record', () => {
  it('demo makes a practice in a new folder', () => {
    expect(demoRun.code).toBe(0);
    expect(demoRun.err).toEqual([]);
    expect(demoRun.out.join('\n')).toContain(`Beispielpraxis angelegt: ${demo}`);
    expect(jsonl(journalDir(demo))).toHaveLength(1);
    expect(jsonl(importedDir(demo))).toHaveLength(2);
  });

  it('verify <folder> checks every chain, one line each, and exits 0', async () => {
    const { code, out, err } = await run(['verify', demo]);
    expect(code).toBe(0);
    expect(err).toEqual([]);
    const own = jsonl(journalDir(demo)).map((name) => join(journalDir(demo), name));
    const imported = jsonl(importedDir(demo)).map((name) => join(importedDir(demo), name));
    expect(chainLines(out)).toHaveLength(own.length + imported.length);
    for (const file of [...own, ...imported]) {
      const id = basename(file).slice(0, 36);
      const line = chainLines(out).find((l) => l.startsWith(id));
      expect(line, id).toBeDefined();
      expect(line).toContain(`: ${linesOf(file).length} Einträge, letzter Prüfwert ${headOf(file)}: ${de('report.chainOk')}`);
    }
    expect(out.at(-1)).toBe('Alle Protokolle sind geprüft und in Ordnung.');
  });

  it('verify finds one changed byte in a merged journal, names the computer’s chain, line and reason, and exits 1', async () => {
    const dir = join(tmp('pl-record-tamper-'), 'praxis');
    cpSync(demo, dir, { recursive: true });
    const [name] = jsonl(importedDir(dir));
    const file = join(importedDir(dir), name as string);
    const bytes = readFileSync(file);
    const secondLine = bytes.indexOf(0x0a) + 1;
    const at = bytes.indexOf(Buffer.from('"by":"'), secondLine) + 6;
    expect(at).toBeGreaterThan(secondLine);
    bytes[at] = (bytes[at] as number) ^ 0x01; // one letter of the person's name
    writeFileSync(file, bytes);

    const { code, out, err } = await run(['verify', dir]);
    expect(code).toBe(1);
    const id = (name as string).slice(0, 36);
    const problem = err.find((line) => line.startsWith(id));
    expect(problem).toBeDefined();
    expect(problem).toContain('(übernommen)');
    expect(problem).toContain(`${de('report.chainFailed', { line: 2 })} (${de('exchange.reasons.hash-mismatch')})`);
    expect(err.at(-1)).toBe('Mindestens ein Protokoll ist nicht in Ordnung.');
    // The other chains are still reported as in order.
    expect(chainLines(out)).toHaveLength(2);
    for (const line of chainLines(out)) expect(line.endsWith(`: ${de('report.chainOk')}`)).toBe(true);

    const english = await run(['verify', dir, '--lang', 'en']);
    expect(english.code).toBe(1);
    expect(english.err.join('\n')).toContain(`${en('report.chainFailed', { line: 2 })} (${en('exchange.reasons.hash-mismatch')})`);
  });

  it('export <folder> <file> writes an export that verify accepts', async () => {
    const out = join(tmp('pl-record-export-'), 'export.json');
    const exported = await run(['export', demo, out]);
    expect(exported.code).toBe(0);
    expect(exported.out).toEqual([`Geschrieben: ${out}`]);
    const parsed = parseRecordExport(readFileSync(out, 'utf8'));
    if (!parsed.ok) throw new Error(parsed.refusal);
    expect(parsed.file.practice.name).toBe('Praxis Dr. Sommer');
    expect(parsed.file.installations).toHaveLength(3);
    const ownId = (jsonl(journalDir(demo))[0] as string).slice(0, 36);
    expect(parsed.file.from).toBe(ownId);
    // Every journal line byte for byte.
    expect(parsed.file.installations[0]?.lines).toEqual(linesOf(join(journalDir(demo), `${ownId}.jsonl`)));
    const computers = parsed.file.installations.map((i) => i.computer);
    expect(computers).toEqual(expect.arrayContaining(['SPRECHZIMMER-2', 'SERVER']));

    const verified = await run(['verify', out]);
    expect(verified.code).toBe(0);
    expect(verified.err).toEqual([]);
    expect(chainLines(verified.out)).toHaveLength(3);
    for (const installation of parsed.file.installations) {
      const line = chainLines(verified.out).find((l) => l.includes(`(${installation.installationId})`));
      expect(line).toContain(`${installation.computer || installation.installationId} (${installation.installationId})`);
      expect(line).toContain(`${installation.lines.length} Einträge`);
    }

    // The same file with one line changed does not verify.
    const changed = JSON.parse(readFileSync(out, 'utf8')) as { installations: { lines: string[] }[] };
    const lines = changed.installations[1]?.lines as string[];
    lines[0] = (lines[0] as string).replace('"seq":1', '"seq":7');
    const tampered = join(tmp('pl-record-export-'), 'tampered.json');
    writeFileSync(tampered, JSON.stringify(changed));
    const refused = await run(['verify', tampered]);
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toContain(de('report.chainFailed', { line: 1 }));
  });

  it('verify refuses an export saved again as Windows-1252 ("ANSI"), as the app does', async () => {
    const out = join(tmp('pl-record-export-'), 'export.json');
    expect((await run(['export', demo, out])).code).toBe(0);
    // The practice name (outside the chains' check values) with an umlaut as Windows-1252 writes it.
    const text = readFileSync(out, 'utf8').replace('"name":"Praxis Dr. Sommer"', '"name":"Praxis Dr. Söhmer"');
    expect(text).toContain('Söhmer');
    const ansi = join(tmp('pl-record-export-'), 'ansi.json');
    writeFileSync(ansi, Buffer.from(text, 'latin1'));
    const refused = await run(['verify', ansi]);
    expect(refused.code).toBe(1);
    expect(refused.err.join('\n')).toContain(de('exchange.refusals.not-json'));
    expect(chainLines(refused.out)).toEqual([]);
  });

  it('verify refuses a file that is no export, and a path that does not exist', async () => {
    const file = join(tmp('pl-record-other-'), 'pack.json');
    writeFileSync(file, '{"format":"passwort-lotse-pack","guides":[]}');
    const other = await run(['verify', file]);
    expect(other.code).toBe(1);
    expect(other.err.join('\n')).toContain(de('exchange.refusals.not-an-export'));
    const missing = await run(['verify', join(tmpdir(), 'pl-no-such-folder-4711')]);
    expect(missing.code).toBe(1);
    expect(missing.err.join('\n')).toContain('Nicht gefunden:');
    const empty = await run(['verify', tmp('pl-record-empty-')]);
    expect(empty.code).toBe(1);
    expect(empty.err.join('\n')).toContain('Kein Protokoll gefunden');
  });

  it('pdf <folder> <out.pdf> writes a PDF, also the work sheet in English from an export file', async () => {
    const folder = tmp('pl-record-pdf-');
    const pdf = join(folder, 'nachweis.pdf');
    const made = await run(['pdf', demo, pdf]);
    expect(made.code).toBe(0);
    expect(made.out).toEqual([`Geschrieben: ${pdf}`]);
    const bytes = readFileSync(pdf);
    expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(bytes.subarray(-6).toString('latin1')).toContain('%%EOF');

    const exportFile = join(folder, 'export.json');
    expect((await run(['export', demo, exportFile])).code).toBe(0);
    const sheet = join(folder, 'worksheet.pdf');
    const fromExport = await run(['pdf', exportFile, sheet, '--worksheet', '--lang', 'en']);
    expect(fromExport.code).toBe(0);
    expect(fromExport.out).toEqual([`Written: ${sheet}`]);
    expect(readFileSync(sheet).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  }, 20_000);

  it('prints the usage and exits 2 for a missing or unknown command', async () => {
    for (const argv of [[], ['verify'], ['pdf', demo], ['export', demo], ['demo'], ['frobnicate', demo]]) {
      const { code, out, err } = await run(argv);
      expect(code, argv.join(' ')).toBe(2);
      expect(out).toEqual([]);
      expect(err[0]).toMatch(/^Verwendung: npm run record -- /);
    }
  });

  it('demo refuses a folder that is not empty and leaves it as it is', async () => {
    const before = readdirSync(demo, { recursive: true }).map(String).sort();
    const journal = readFileSync(join(journalDir(demo), jsonl(journalDir(demo))[0] as string));
    const { code, err } = await run(['demo', demo]);
    expect(code).toBe(1);
    expect(err.join('\n')).toContain(`Der Ordner ist nicht leer, es wird nichts überschrieben: ${demo}`);
    expect(readdirSync(demo, { recursive: true }).map(String).sort()).toEqual(before);
    expect(readFileSync(join(journalDir(demo), jsonl(journalDir(demo))[0] as string)).equals(journal)).toBe(true);
  });
});
