/**
 * The record tool for IT partners and tests: verify, PDF, export, and a demo practice.
 *
 *   npm run record -- verify <export.json | user-data folder> [--lang en]
 *   npm run record -- pdf <export.json | user-data folder> <out.pdf> [--lang en] [--worksheet]
 *   npm run record -- export <user-data folder> <out.json>
 *   npm run record -- demo <new folder>
 *
 * Everything goes through the app's own services (the same code as in the app), never around them.
 */
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startMainServices, type MainServices } from '../electron/main/bootstrap';
import { JOURNAL_DIR, journalIds } from '../electron/main/journal/journal';
import { readJournalLines, verifyChain, type ChainReport } from '../electron/main/journal/verify';
import { BUNDLED_PACK_FILE, loadBundledPack } from '../electron/main/services/advisory-source';
import { packWithXComfortUpdate, signPack } from '../electron/testing/pack-fixtures';
import { IMPORTED_DIR } from '../electron/main/services/record-service';
import { translatorFor } from '../electron/main/services/report-service';
import { confEngine } from '../electron/main/store/conf-engine';
import { writeFileAtomically } from '../electron/main/store/atomic-write';
import { defaultProfile, type ProfileInput } from '../shared/domain/profile';
import type { TaskView } from '../shared/domain/overview';
import type { ImportRefusal } from '../shared/domain/constants';
import { formatDateTime } from '../shared/format/date';
import { decodeUtf8 } from '../shared/format/utf8';
import { parseRecordExport, type RecordExport } from '../shared/record/export-format';
import type { Language } from '../shared/state/settings';
import * as nodeFs from 'node:fs';
import { testSigningKey, testTrustedKeys } from '../electron/testing/test-keys';

export interface Io {
  out: (line: string) => void;
  err: (line: string) => void;
}

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const VERSION = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string }).version;

const TEXT = {
  de: {
    usage: [
      'Verwendung: npm run record -- <Befehl> …',
      '  verify <Exportdatei | Datenordner> [--lang en]   jedes Protokoll (jede Kette) prüfen; Exit-Code 0 = alles in Ordnung',
      '  pdf <Exportdatei | Datenordner> <aus.pdf> [--lang en] [--worksheet]   Nachweis (oder Arbeitsblatt) als PDF',
      '  export <Datenordner> <aus.json>               Exportdatei für einen anderen PC schreiben',
      '  demo <neuer Ordner>                           Beispielpraxis anlegen (x.comfort, KoCoBox, 3 Computer)',
    ],
    chain: (name: string, n: number, head: string, result: string) => `${name}: ${n} Einträge, letzter Prüfwert ${head || '–'}: ${result}`,
    allOk: 'Alle Protokolle sind geprüft und in Ordnung.',
    notOk: 'Mindestens ein Protokoll ist nicht in Ordnung.',
    none: (path: string) => `Kein Protokoll gefunden in: ${path}`,
    missing: (path: string) => `Nicht gefunden: ${path}`,
    refused: (path: string, why: string) => `${path}: nicht gelesen. ${why}`,
    written: (path: string) => `Geschrieben: ${path}`,
    exists: (path: string) => `Der Ordner ist nicht leer, es wird nichts überschrieben: ${path}`,
    demo: (path: string) => `Beispielpraxis angelegt: ${path} (3 Computer, Praxis Dr. Sommer)`,
    imported: 'übernommen',
  },
  en: {
    usage: [
      'Usage: npm run record -- <command> …',
      '  verify <export file | data folder> [--lang en]   check every log (chain); exit code 0 = all in order',
      '  pdf <export file | data folder> <out.pdf> [--lang en] [--worksheet]   the record (or work sheet) as PDF',
      '  export <data folder> <out.json>               write an export file for another PC',
      '  demo <new folder>                             create a demo practice (x.comfort, KoCoBox, 3 computers)',
    ],
    chain: (name: string, n: number, head: string, result: string) => `${name}: ${n} entries, last check value ${head || '–'}: ${result}`,
    allOk: 'Every log is checked and in order.',
    notOk: 'At least one log is not in order.',
    none: (path: string) => `No log found in: ${path}`,
    missing: (path: string) => `Not found: ${path}`,
    refused: (path: string, why: string) => `${path}: not read. ${why}`,
    written: (path: string) => `Written: ${path}`,
    exists: (path: string) => `The folder is not empty, nothing is overwritten: ${path}`,
    demo: (path: string) => `Demo practice created: ${path} (3 computers, Praxis Dr. Sommer)`,
    imported: 'merged',
  },
} as const;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  return index >= 0 ? args[index + 1] : undefined;
}

const isDir = (path: string) => existsSync(path) && statSync(path).isDirectory();

/** The app's services for a user-data folder, as the app would open it. */
function open(userDataDir: string, computer: string, clock?: () => Date): MainServices {
  return startMainServices({
    userDataDir,
    engine: confEngine,
    version: VERSION,
    packFile: join(root, 'assets', 'packs', BUNDLED_PACK_FILE),
    keysDir: join(root, 'assets', 'keys'),
    // The demo's guide update is signed with the test key (never a real one); hosts that trust it show it.
    extraTrustedKeys: testTrustedKeys(),
    files: { computer, chooseSavePath: () => Promise.resolve(undefined) },
    ...(clock ? { clock } : {}),
    osUser: 'record-tool',
  });
}

/** An export file read as the app reads it: strictly UTF-8 (other bytes are a damaged or a wrong file), then parsed. */
function readExport(file: string): { ok: true; text: string; file: RecordExport } | { ok: false; refusal: ImportRefusal } {
  const text = decodeUtf8(readFileSync(file));
  if (text === undefined) return { ok: false, refusal: 'not-json' };
  const parsed = parseRecordExport(text);
  return parsed.ok ? { ok: true, text, file: parsed.file } : parsed;
}

/** Every chain of a user-data folder (this PC's and the merged ones) or of an export file, verified. */
function chainsOf(path: string, language: Language): { name: string; report: ChainReport }[] | { refused: string } {
  const t = translatorFor(language);
  if (isDir(path)) {
    const journalDir = join(path, JOURNAL_DIR);
    const own = journalIds(nodeFs, journalDir).map((id) => ({ name: id, report: verifyChain(id, readJournalLines(journalDir, id)) }));
    const importedDir = join(journalDir, IMPORTED_DIR);
    const imported = existsSync(importedDir)
      ? readdirSync(importedDir)
          .filter((name) => /^[0-9a-f-]{36}\.jsonl$/.test(name))
          .sort()
          .map((name) => {
            const id = name.slice(0, 36);
            const lines = readFileSync(join(importedDir, name), 'utf8')
              .split('\n')
              .filter((line) => line !== '');
            return { name: `${id} (${TEXT[language].imported})`, report: verifyChain(id, lines) };
          })
      : [];
    return [...own, ...imported];
  }
  const parsed = readExport(path);
  if (!parsed.ok) return { refused: t(`exchange.refusals.${parsed.refusal}`, { computer: '', line: '' }) };
  return parsed.file.installations.map((installation) => ({
    name: `${installation.computer || installation.installationId} (${installation.installationId})`,
    report: verifyChain(installation.installationId, installation.lines),
  }));
}

function verify(path: string, language: Language, io: Io): number {
  const text = TEXT[language];
  const t = translatorFor(language);
  const chains = chainsOf(path, language);
  if ('refused' in chains) {
    io.err(text.refused(path, chains.refused));
    return 1;
  }
  if (chains.length === 0) {
    io.err(text.none(path));
    return 1;
  }
  let ok = true;
  for (const { name, report } of chains) {
    ok &&= report.ok;
    const problem = report.problems[0];
    const result = !report.ok
      ? `${t('report.chainFailed', { line: problem?.line ?? 0 })} (${t(`exchange.reasons.${problem?.reason ?? 'invalid'}`)})`
      : report.recordedBreaks > 0
        ? t('report.chainOkBreaks', { count: report.recordedBreaks })
        : t('report.chainOk');
    (report.ok ? io.out : io.err)(text.chain(name, report.count, report.head, result));
  }
  (ok ? io.out : io.err)(ok ? text.allOk : text.notOk);
  return ok ? 0 : 1;
}

/**
 * The services for an export file: a temporary folder in which the exporting PC's own chain is this PC's and the
 * others are merged in, exactly as the app would merge them. Nothing of it outlives the command.
 */
function servicesForExport(file: string): { services: MainServices; cleanup: () => void } | { refused: string } {
  const parsed = readExport(file);
  if (!parsed.ok) return { refused: translatorFor('de')(`exchange.refusals.${parsed.refusal}`, { computer: '', line: '' }) };
  const t = translatorFor('de');
  const from = parsed.file.installations.find((i) => i.installationId === parsed.file.from) ?? parsed.file.installations[0];
  if (!from) return { refused: t('exchange.refusals.invalid') };
  const dir = mkdtempSync(join(tmpdir(), 'passwort-lotse-record-'));
  mkdirSync(join(dir, JOURNAL_DIR), { recursive: true });
  writeFileSync(join(dir, JOURNAL_DIR, `${from.installationId}.jsonl`), from.lines.map((line) => `${line}\n`).join(''));
  const services = open(dir, from.computer);
  const cleanup = () => {
    services.close();
    rmSync(dir, { recursive: true, force: true });
  };
  // Every chain of the file must verify and merge, exactly as in the app; a PDF of part of it would mislead.
  const outcome = services.core.exchange.preview(parsed.text);
  const own = services.core.record.ownChain();
  if (outcome.status === 'refused' || !own.ok || own.count !== from.lines.length) {
    cleanup();
    const why =
      outcome.status === 'refused'
        ? t(`exchange.refusals.${outcome.refusal}`, {
            computer: outcome.computer ?? '',
            line: outcome.line ?? '',
            date: outcome.at ? formatDateTime(outcome.at, 'de') : '',
          })
        : t('exchange.refusals.chain-broken', { computer: from.computer, line: own.problems[0]?.line ?? own.count + 1 });
    return { refused: why };
  }
  services.core.exchange.apply(outcome.preview.previewId, true);
  return { services, cleanup };
}

function directoryServices(dir: string) {
  const services = open(dir, hostname());
  return { services, cleanup: () => services.close() };
}

async function pdf(path: string, out: string, language: Language, worksheet: boolean, io: Io): Promise<number> {
  const opened = isDir(path) ? directoryServices(path) : servicesForExport(path);
  if ('refused' in opened) {
    io.err(TEXT[language].refused(path, opened.refused));
    return 1;
  }
  try {
    const bytes = await opened.services.core.report(worksheet ? 'worksheet' : 'nachweis', { language });
    writeFileAtomically(out, bytes);
    io.out(TEXT[language].written(out));
    return 0;
  } finally {
    opened.cleanup();
  }
}

function exportRecord(dir: string, out: string, language: Language, io: Io): number {
  const services = open(dir, hostname());
  try {
    writeFileAtomically(out, `${JSON.stringify(services.core.exchange.exportRecord())}\n`);
    io.out(TEXT[language].written(out));
    return 0;
  } finally {
    services.close();
  }
}

/** A clock the demo moves on by hand, so the demo practice has the same dates every time. */
function demoClock(start: string) {
  let now = Date.parse(start);
  return { clock: () => new Date(now), advance: (minutes: number) => (now += minutes * 60_000) };
}

const DEMO_PROFILE: ProfileInput = {
  ...defaultProfile(),
  completed: true,
  products: ['x.comfort'],
  connector: 'yes',
  connectorModel: 'kocobox',
  cardTerminals: [{ id: 'ct-1', model: 'ORGA 6141 online' }],
  computers: [
    { id: 'empfang-1', name: 'Empfang 1', server: false },
    { id: 'sprechzimmer-2', name: 'Sprechzimmer 2', server: false },
    { id: 'server', name: 'Server', server: true },
  ],
  windowsAccounts: 'personal',
  remoteTools: ['teamviewer'],
  firewall: 'yes',
  securitySystem: 'yes',
  portals: ['email', 'kim'],
};

/**
 * A realistic practice on three PCs, made through the real services: x.comfort with a KoCoBox, three people,
 * tasks done, one "Nicht zutreffend" with its reason, one handed to the IT partner, and one guide changed by an
 * update (x.comfort 1.2: the done task must be checked again). The other two PCs' records are exported and merged
 * into the first, whose user-data folder is `dir`.
 */
export async function createDemo(dir: string): Promise<void> {
  const time = demoClock('2021-11-08T13:10:00.000Z');
  const pc = (userDataDir: string, computer: string) => {
    const services = open(userDataDir, computer, time.clock);
    const { handlers } = services.core;
    const task = (match: (task: TaskView) => boolean) => {
      const found = services.core.checklist.views().find(match);
      if (!found) throw new Error('demo: task not derived');
      return found;
    };
    const act = async <T>(minutes: number, call: () => T | Promise<T>) => {
      time.advance(minutes);
      return call();
    };
    return { services, handlers, task, act };
  };
  const empfang = pc(dir, 'EMPFANG-1');
  const tmp2 = mkdtempSync(join(tmpdir(), 'passwort-lotse-demo-'));
  const tmp3 = mkdtempSync(join(tmpdir(), 'passwort-lotse-demo-'));
  try {
    // Empfang 1, the receptionist, on the day of the notice.
    await empfang.act(0, () => empfang.handlers.updateSettings({ practiceName: 'Praxis Dr. Sommer', userName: 'Sabine Yilmaz' }));
    await empfang.act(4, () => empfang.handlers.saveProfile(DEMO_PROFILE));
    const phishing = empfang.task((t) => t.kind === 'phishing-warning');
    await empfang.act(6, () => empfang.handlers.setTaskStatus({ taskId: phishing.id, status: 'done' }));
    const pvs = empfang.task((t) => t.kind === 'pvs');
    for (const stepId of guideStepIds(empfang.services, pvs))
      await empfang.act(3, () => empfang.handlers.checkStep({ taskId: pvs.id, stepId, checked: true }));
    await empfang.act(5, () => empfang.handlers.setTaskStatus({ taskId: pvs.id, status: 'done' }));
    const terminal = empfang.task((t) => t.kind === 'card-terminal');
    await empfang.act(8, () => empfang.handlers.setTaskStatus({ taskId: terminal.id, status: 'handed-to-it' }));
    const briefing = empfang.task((t) => t.kind === 'team-briefing');
    const firstBriefingStep = guideStepIds(empfang.services, briefing)[0];
    if (firstBriefingStep)
      await empfang.act(12, () => empfang.handlers.checkStep({ taskId: briefing.id, stepId: firstBriefingStep, checked: true }));

    // Sprechzimmer 2, the doctor, that afternoon.
    const sprechzimmer = pc(tmp2, 'SPRECHZIMMER-2');
    time.advance(90);
    await sprechzimmer.act(0, () =>
      sprechzimmer.handlers.updateSettings({ practiceName: 'Praxis Dr. Sommer', userName: 'Dr. Jonas Sommer' }),
    );
    await sprechzimmer.act(2, () => sprechzimmer.handlers.saveProfile(DEMO_PROFILE));
    const workstation = sprechzimmer.task((t) => t.kind === 'windows-workstation' && t.subject === 'Sprechzimmer 2');
    await sprechzimmer.act(9, () => sprechzimmer.handlers.setTaskStatus({ taskId: workstation.id, status: 'done' }));
    const email = sprechzimmer.task((t) => t.kind === 'portal' && t.subject === 'email');
    await sprechzimmer.act(4, () =>
      sprechzimmer.handlers.setTaskStatus({
        taskId: email.id,
        status: 'not-applicable',
        reason: 'Die Praxis hat kein eigenes E-Mail-Postfach mehr; Befunde kommen nur noch über KIM.',
      }),
    );
    const sprechzimmerExport = sprechzimmer.services.core.exchange.exportRecord();
    sprechzimmer.services.close();

    // The server, the IT partner, the next morning.
    const server = pc(tmp3, 'SERVER');
    time.advance(17 * 60);
    await server.act(0, () =>
      server.handlers.updateSettings({ practiceName: 'Praxis Dr. Sommer', userName: 'Tobias Müller (IT-Partner)' }),
    );
    await server.act(3, () => server.handlers.saveProfile(DEMO_PROFILE));
    const connector = server.task((t) => t.kind === 'connector');
    for (const stepId of guideStepIds(server.services, connector))
      await server.act(4, () => server.handlers.checkStep({ taskId: connector.id, stepId, checked: true }));
    await server.act(6, () => server.handlers.setTaskStatus({ taskId: connector.id, status: 'done' }));
    const windowsServer = server.task((t) => t.kind === 'windows-server');
    await server.act(15, () => server.handlers.setTaskStatus({ taskId: windowsServer.id, status: 'done' }));
    const teamviewer = server.task((t) => t.kind === 'remote' && t.subject === 'teamviewer');
    await server.act(11, () => server.handlers.setTaskStatus({ taskId: teamviewer.id, status: 'done' }));
    const serverExport = server.services.core.exchange.exportRecord();
    server.services.close();

    // Back at Empfang 1: both records merged, then the x.comfort guide update of 12.11. arrives.
    time.advance(60);
    for (const file of [sprechzimmerExport, serverExport]) {
      const outcome = empfang.services.core.exchange.preview(JSON.stringify(file));
      if (outcome.status !== 'ready') throw new Error(`demo: merge refused (${outcome.refusal})`);
      empfang.services.core.exchange.apply(outcome.preview.previewId, false);
    }
    time.advance(3 * 24 * 60);
    const update = await empfang.act(0, () =>
      empfang.handlers.previewAdvisory({ content: signPack(packWithXComfortUpdate(true), testSigningKey().privatePem) }),
    );
    if (update.status !== 'ready') throw new Error('demo: update refused');
    await empfang.act(2, () => empfang.handlers.applyAdvisory({ previewId: update.previewId }));
  } finally {
    empfang.services.close();
    rmSync(tmp2, { recursive: true, force: true });
    rmSync(tmp3, { recursive: true, force: true });
  }
}

/** The step ids of a task's guide as the practice sees it. */
function guideStepIds(_services: MainServices, task: TaskView): string[] {
  const guide = loadBundledPack(join(root, 'assets', 'packs', BUNDLED_PACK_FILE)).guides.find((g) => g.id === task.guideId);
  return guide ? guide.steps.map((step) => step.id) : [];
}

export async function runRecordCli(argv: string[], io: Io): Promise<number> {
  const [command, ...args] = argv;
  const language: Language = option(args, '--lang') === 'en' ? 'en' : 'de';
  const text = TEXT[language];
  const positional = args.filter((arg, i) => !arg.startsWith('--') && args[i - 1] !== '--lang');
  const [first, second] = positional;
  const mustExist = (path: string) => {
    if (existsSync(path)) return true;
    io.err(text.missing(path));
    return false;
  };
  switch (command) {
    case 'verify':
      if (!first) break;
      return mustExist(first) ? verify(first, language, io) : 1;
    case 'pdf':
      if (!first || !second) break;
      return mustExist(first) ? pdf(first, second, language, args.includes('--worksheet'), io) : 1;
    case 'export':
      if (!first || !second) break;
      if (!isDir(first)) return mustExist(first) ? (io.err(text.missing(join(first, JOURNAL_DIR))), 1) : 1;
      return exportRecord(first, second, language, io);
    case 'demo':
      if (!first) break;
      if (existsSync(first) && readdirSync(first).length > 0) {
        io.err(text.exists(first));
        return 1;
      }
      mkdirSync(first, { recursive: true });
      await createDemo(first);
      io.out(text.demo(first));
      return 0;
  }
  for (const line of text.usage) io.err(line);
  return 2;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  void runRecordCli(process.argv.slice(2), {
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  }).then((code) => {
    process.exitCode = code;
  });
}
