/**
 * The pack tool for IT partners and vendors: check, keygen, sign, verify, list and upgrade advisory packs.
 *
 * Usage: npm run advisory -- <check|keygen|sign|verify|list|upgrade> … (see `npm run advisory -- help`).
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { issueText, resourceTranslator } from '../shared/advisory/issue-text';
import { guideVersionIssues } from '../shared/advisory/pack-diff';
import { packIssues } from '../shared/advisory/pack-issues';
import { de } from '../shared/i18n/de';
import { en } from '../shared/i18n/en';
import { guideTexts, advisoryTexts, languagesOf } from '../shared/advisory/local-text';
import { PACK_SCHEMA_VERSION, packSchema } from '../shared/advisory/pack-schema';
import { signedPackSchema } from '../shared/advisory/signed-pack';
import { decodeUtf8 } from '../shared/format/utf8';
import type { Language } from '../shared/state/settings';
import { BUNDLED_PACK_FILE, loadTrustedKeys } from '../electron/main/services/advisory-source';
import { generateSigningKeys, signPackBytes, verifySignedPack } from '../electron/main/services/pack-signing';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BUNDLED_PACK = join(root, 'assets', 'packs', BUNDLED_PACK_FILE);

const TEXT = {
  de: {
    usage: [
      'Verwendung: npm run advisory -- <Befehl> …',
      '  check <Datei> [--against <Datei>] [--lang de|en]  Paket prüfen (Fehler mit JSON-Pfad); Versionen der',
      '                                           Anleitungen gegen --against oder das mitgelieferte Paket',
      '  keygen [--out <Ordner>] [--name <Name>]  Ed25519-Schlüsselpaar erzeugen',
      '  sign <Datei> --key <privater Schlüssel> [--out <Datei>] [--against <Datei>]  Paket prüfen und signieren',
      '  verify <Datei> [--keys <Ordner>]         Signatur gegen vertrauenswürdige Schlüssel prüfen',
      '  list --json <Datei>                      eine JSON-Zeile je Anleitung',
      '  upgrade <Datei> [--out <Datei>]          Paket im Format 1 (nur Deutsch) ins Format 2 übertragen',
      '  Mit --require-en ist ein Text ohne englische Fassung ein Fehler (für das mitgelieferte Paket).',
    ],
    ok: (file: string, n: number) => `${file}: gültig, ${n} Anleitungen.`,
    noEnglish: (n: number, where: string) =>
      `  ${n} ${n === 1 ? 'Text hat' : 'Texte haben'} keine englische Fassung (die App zeigt dort Deutsch): ${where}`,
    upgraded: (file: string) => `Ins Format ${PACK_SCHEMA_VERSION} übertragen: ${file}`,
    alreadyCurrent: (file: string) => `${file} hat bereits Format ${PACK_SCHEMA_VERSION}.`,
    invalid: (file: string, n: number) => `${file}: ungültig, ${n} Fehler:`,
    notJson: (file: string) => `${file}: kein gültiges JSON.`,
    notUtf8: (file: string) => `${file}: nicht als UTF-8 gespeichert. Bitte speichern Sie die Datei erneut als UTF-8.`,
    comparedWith: (file: string) => `  (Versionen verglichen mit ${file})`,
    missing: (file: string) => `Datei nicht gefunden: ${file}`,
    keys: (pub: string, priv: string, id: string) => [
      `Öffentlicher Schlüssel: ${pub}`,
      `Privater Schlüssel:     ${priv}`,
      `Schlüssel-ID:           ${id}`,
      'Den privaten Schlüssel niemals einchecken oder weitergeben.',
    ],
    exists: (file: string) => `Datei existiert bereits, wird nicht überschrieben: ${file}`,
    signed: (file: string, id: string) => `Signiert mit Schlüssel ${id}: ${file}`,
    verified: (file: string, id: string, rev: number) => `${file}: Signatur gültig (Schlüssel ${id}), Revision ${rev}.`,
    refused: (file: string, reason: string) => `${file}: abgelehnt. ${reason}`,
    needKey: 'Bitte mit --key den privaten Schlüssel angeben.',
  },
  en: {
    usage: [
      'Usage: npm run advisory -- <command> …',
      '  check <file> [--against <file>] [--lang de|en]  check a pack (errors with their JSON path); guide',
      '                                           versions against --against or the bundled pack',
      '  keygen [--out <dir>] [--name <name>]     create an Ed25519 key pair',
      '  sign <file> --key <private-key> [--out <file>] [--against <file>]  check and sign a pack',
      '  verify <file> [--keys <dir>]             verify the signature against trusted keys',
      '  list --json <file>                       one JSON line per guide',
      '  upgrade <file> [--out <file>]            turn a format 1 pack (German only) into format 2',
      '  With --require-en a text without English is an error (for the bundled pack).',
    ],
    ok: (file: string, n: number) => `${file}: valid, ${n} guides.`,
    noEnglish: (n: number, where: string) =>
      `  ${n} ${n === 1 ? 'text has' : 'texts have'} no English version (the app shows German there): ${where}`,
    upgraded: (file: string) => `Turned into format ${PACK_SCHEMA_VERSION}: ${file}`,
    alreadyCurrent: (file: string) => `${file} is already format ${PACK_SCHEMA_VERSION}.`,
    invalid: (file: string, n: number) => `${file}: invalid, ${n} errors:`,
    notJson: (file: string) => `${file}: not valid JSON.`,
    notUtf8: (file: string) => `${file}: not saved as UTF-8. Please save the file again as UTF-8.`,
    comparedWith: (file: string) => `  (versions compared with ${file})`,
    missing: (file: string) => `File not found: ${file}`,
    keys: (pub: string, priv: string, id: string) => [
      `Public key:  ${pub}`,
      `Private key: ${priv}`,
      `Key id:      ${id}`,
      'Never commit or share the private key.',
    ],
    exists: (file: string) => `File exists, not overwritten: ${file}`,
    signed: (file: string, id: string) => `Signed with key ${id}: ${file}`,
    verified: (file: string, id: string, rev: number) => `${file}: signature valid (key ${id}), revision ${rev}.`,
    refused: (file: string, reason: string) => `${file}: refused. ${reason}`,
    needKey: 'Please name the private key with --key.',
  },
} as const;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

/** A plain pack, or the pack inside a signed file. */
function packJson(content: string): unknown {
  const raw: unknown = JSON.parse(content);
  const envelope = signedPackSchema.safeParse(raw);
  return envelope.success ? JSON.parse(Buffer.from(envelope.data.payload, 'base64').toString('utf8')) : raw;
}

/** Run one command; returns the exit code (0 ok, 1 invalid or refused, 2 usage). */
export function runAdvisoryCli(argv: string[], io: Io): number {
  const [command, ...args] = argv;
  const language: Language = option(args, '--lang') === 'en' ? 'en' : 'de';
  const text = TEXT[language];
  // The app's own texts (advisory.errors.*, advisory.issues.*), so the tool and the app say the same.
  const t = resourceTranslator(language === 'de' ? de : en);
  const valued = new Set(['--lang', '--out', '--name', '--key', '--keys', '--against']);
  const positional = args.filter((arg, i) => !arg.startsWith('--') && !valued.has(args[i - 1] ?? ''));
  const file = positional[0];
  const read = (path: string): string | undefined => {
    if (!existsSync(path)) {
      io.err(text.missing(path));
      return undefined;
    }
    // Strictly UTF-8: a pack saved as Windows-1252 would otherwise be checked and signed with U+FFFD for its umlauts.
    const content = decodeUtf8(readFileSync(path));
    if (content === undefined) io.err(text.notUtf8(path));
    return content;
  };

  switch (command) {
    case 'check': {
      if (!file) break;
      const content = read(file);
      if (content === undefined) return 1;
      let json: unknown;
      try {
        json = packJson(content);
      } catch {
        io.err(text.notJson(file));
        return 1;
      }
      const parsed = packSchema.safeParse(json);
      if (!parsed.success) {
        io.err(text.invalid(file, parsed.error.issues.length));
        for (const issue of packIssues(parsed.error.issues, json)) io.err(`  ${issueText(issue, t, language)}`);
        return 1;
      }
      // As the app does on import: a guide whose steps change needs a higher version than in the pack it replaces.
      const againstFile = option(args, '--against') ?? BUNDLED_PACK;
      const againstContent = read(againstFile);
      if (againstContent === undefined) return 1;
      let againstJson: unknown;
      try {
        againstJson = packJson(againstContent);
      } catch {
        io.err(text.notJson(againstFile));
        return 1;
      }
      const against = packSchema.safeParse(againstJson);
      if (!against.success) {
        io.err(text.invalid(againstFile, against.error.issues.length));
        for (const issue of packIssues(against.error.issues, againstJson)) io.err(`  ${issueText(issue, t, language)}`);
        return 1;
      }
      const versionIssues = against.data.id === parsed.data.id ? guideVersionIssues(against.data, parsed.data) : [];
      if (versionIssues.length > 0) {
        io.err(text.invalid(file, versionIssues.length));
        for (const issue of versionIssues) io.err(`  ${issueText(issue, t, language)}`);
        io.err(text.comparedWith(againstFile));
        return 1;
      }
      // English is optional in a pack; the tool names where it is missing, and --require-en makes that an error.
      const missingEnglish = [
        ...(languagesOf(advisoryTexts(parsed.data.advisory)).includes('en') ? [] : ['advisory']),
        ...parsed.data.guides.filter((guide) => !languagesOf(guideTexts(guide)).includes('en')).map((guide) => guide.id),
      ];
      const countMissing =
        advisoryTexts(parsed.data.advisory).filter((value) => value.en === undefined).length +
        parsed.data.guides.flatMap(guideTexts).filter((value) => value.en === undefined).length;
      if (countMissing > 0) {
        const line = text.noEnglish(countMissing, missingEnglish.slice(0, 8).join(', ') + (missingEnglish.length > 8 ? ', …' : ''));
        if (args.includes('--require-en')) {
          io.err(text.invalid(file, countMissing));
          io.err(line);
          return 1;
        }
        io.out(line);
      }
      io.out(text.ok(file, parsed.data.guides.length));
      return 0;
    }
    case 'upgrade': {
      if (!file) break;
      const content = read(file);
      if (content === undefined) return 1;
      let json: unknown;
      try {
        json = JSON.parse(content);
      } catch {
        io.err(text.notJson(file));
        return 1;
      }
      if ((json as { schemaVersion?: unknown } | null)?.schemaVersion === PACK_SCHEMA_VERSION) {
        io.out(text.alreadyCurrent(file));
        return 0;
      }
      const parsed = packSchema.safeParse(json);
      if (!parsed.success) {
        io.err(text.invalid(file, parsed.error.issues.length));
        for (const issue of packIssues(parsed.error.issues, json)) io.err(`  ${issueText(issue, t, language)}`);
        return 1;
      }
      const target = option(args, '--out') ?? file;
      writeFileSync(target, `${JSON.stringify(parsed.data, null, 2)}\n`);
      io.out(text.upgraded(target));
      return 0;
    }
    case 'keygen': {
      const out = resolve(option(args, '--out') ?? '.');
      const name = option(args, '--name') ?? 'passwort-lotse-signing';
      const privateFile = join(out, `${name}.private.pem`);
      const publicFile = join(out, `${name}.pem`);
      for (const target of [privateFile, publicFile]) {
        if (existsSync(target)) {
          io.err(text.exists(target));
          return 1;
        }
      }
      const keys = generateSigningKeys();
      writeFileSync(privateFile, keys.privatePem, { mode: 0o600 });
      writeFileSync(publicFile, keys.publicPem);
      for (const line of text.keys(publicFile, privateFile, keys.keyId)) io.out(line);
      return 0;
    }
    case 'sign': {
      const keyFile = option(args, '--key');
      if (!file) break;
      if (!keyFile) {
        io.err(text.needKey);
        return 2;
      }
      const content = read(file);
      const key = read(keyFile);
      if (content === undefined || key === undefined) return 1;
      const against = option(args, '--against');
      const check = ['check', file, '--lang', language, ...(against ? ['--against', against] : [])];
      if (runAdvisoryCli(check, { out: () => undefined, err: io.err }) !== 0) return 1;
      const signed = signPackBytes(Buffer.from(content, 'utf8'), key);
      const target = option(args, '--out') ?? join(dirname(file), `${basename(file, '.json')}.signed.json`);
      writeFileSync(target, `${JSON.stringify(signed, null, 2)}\n`);
      io.out(text.signed(target, signed.keyId));
      return 0;
    }
    case 'verify': {
      if (!file) break;
      const content = read(file);
      if (content === undefined) return 1;
      const outcome = verifySignedPack(content, loadTrustedKeys(option(args, '--keys') ?? join(root, 'assets', 'keys')));
      if (outcome.ok) {
        io.out(text.verified(file, outcome.keyId, outcome.pack.revision));
        return 0;
      }
      io.err(text.refused(file, t(`advisory.errors.${outcome.refusal}`)));
      for (const issue of outcome.issues ?? []) io.err(`  ${issueText(issue, t, language)}`);
      return 1;
    }
    case 'list': {
      if (!file || !args.includes('--json')) break;
      const content = read(file);
      if (content === undefined) return 1;
      const parsed = packSchema.safeParse(packJson(content));
      if (!parsed.success) return runAdvisoryCli(['check', file, '--lang', language], io);
      for (const g of parsed.data.guides) {
        io.out(
          JSON.stringify({
            id: g.id,
            target: g.target,
            products: g.products,
            version: g.version,
            date: g.date,
            steps: g.steps.length,
            author: g.issuer,
            // German always; English when every text of the guide has it.
            languages: languagesOf(guideTexts(g)),
            ...(g.vendorDocument ? { basedOn: g.vendorDocument.de } : {}),
          }),
        );
      }
      return 0;
    }
  }
  for (const line of text.usage) io.err(line);
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  process.exitCode = runAdvisoryCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
}
