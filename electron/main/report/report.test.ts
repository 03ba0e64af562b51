import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { textIn } from '../../../shared/advisory/local-text';
import type { Guide } from '../../../shared/advisory/pack-schema';
import { visibleSteps } from '../../../shared/advisory/visible-steps';
import type { TaskView } from '../../../shared/domain/overview';
import { AUDIENCE_KEYS, STATUS_KEYS, taskTitle } from '../../../shared/report/task-text';
import type { Language } from '../../../shared/state/settings';
import { createDemo } from '../../../scripts/record';
import { startMainServices, type MainServices } from '../bootstrap';
import { createMemoryLogger } from '../logger';
import { translatorFor } from '../services/report-service';
import { testTrustedKeys } from '../../testing/test-keys';
import { confEngine } from '../store/conf-engine';
import { BUNDLED_PACK_PATH, KEYS_DIR } from '../../testing/test-support';

/** The demo practice (three PCs merged into EMPFANG-1), opened as the app opens it. */
let services: MainServices;
let nachweisDe: PdfText;
let nachweisEn: PdfText;
let worksheetDe: PdfText;

const CREATED = '2021-11-15T09:30:00.000Z';
/** A password-like string that is put nowhere: it must not come out of any PDF. */
const NEVER = 'Sommer#2021!Geheim';

interface PdfText {
  bytes: Buffer;
  pages: string[];
  /** Every page, all whitespace removed (table cells wrap anywhere). */
  compact: string;
  /** Every line of text, as the PDF lays them out. */
  lines: string[];
}

const compact = (text: string) => text.replace(/\s+/g, '');
/** A step's text as the PDF draws it: without the `**` of bold runs, and » for the arrow the fonts lack. */
const drawn = (text: string) => text.replaceAll('**', '').replaceAll('→', '»');

async function pdfText(bytes: Buffer): Promise<PdfText> {
  expect(bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const loading = getDocument({ data: new Uint8Array(bytes), useSystemFonts: false });
  const doc = await loading.promise;
  const pages: string[] = [];
  for (let n = 1; n <= doc.numPages; n += 1) {
    const content = await (await doc.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? `${item.str}${item.hasEOL ? '\n' : ' '}` : '')).join(''));
  }
  await loading.destroy();
  return {
    bytes,
    pages,
    compact: compact(pages.join('\n')),
    lines: pages.flatMap((page) => page.split('\n')).map((line) => line.replace(/\s+/g, ' ').trim()),
  };
}

/**
 * Where a phrase starts in the text when its words come in order, each at most `gap` characters after the one before
 * (a table row can be cut by a page break, and a cell wraps its words onto several lines). All matches.
 */
function phraseStarts(text: string, phrase: string, gap = 300): number[] {
  const words = phrase.split(/\s+/).filter((w) => w !== '');
  const [first, ...rest] = words;
  if (!first) return [];
  const starts: number[] = [];
  for (let at = text.indexOf(first); at >= 0; at = text.indexOf(first, at + 1)) {
    let end = at + first.length;
    const ok = rest.every((word) => {
      const next = text.indexOf(word, end);
      if (next < 0 || next - end > gap) return false;
      end = next + word.length;
      return true;
    });
    if (ok) starts.push(at);
  }
  return starts;
}

function expectPhrase(pdf: PdfText, phrase: string) {
  expect(phraseStarts(pdf.compact, phrase), phrase).not.toEqual([]);
}

/** A task's row: its title, and its status soon after the start of the title. */
function expectTaskRow(pdf: PdfText, title: string, status: string) {
  const starts = phraseStarts(pdf.compact, title);
  expect(starts, title).not.toEqual([]);
  const near = starts.some((at) => pdf.compact.slice(at, at + 400).includes(compact(status)));
  expect(near, `${title}: ${status}`).toBe(true);
}

const views = () => services.core.checklist.views();
/** The guides in force (the bundled pack with the demo's x.comfort update). */
const guides = () => (services.core.handlers.getAdvisory() as { guides: Guide[] }).guides;
const titleOf = (language: Language, task: TaskView) => taskTitle(translatorFor(language), task, services.core.record.state.profile);
const OPEN = new Set(['open', 'in-progress', 'recheck', 'handed-to-it']);

beforeAll(async () => {
  const dir = mkdtempSync(join(tmpdir(), 'pl-report-'));
  await createDemo(dir);
  services = startMainServices({
    userDataDir: dir,
    engine: confEngine,
    version: '0.0.0-test',
    logger: createMemoryLogger(),
    packFile: BUNDLED_PACK_PATH,
    keysDir: KEYS_DIR,
    // The demo's guide update is signed with the test key.
    extraTrustedKeys: testTrustedKeys(),
    clock: () => new Date(CREATED),
    files: { computer: 'EMPFANG-1', chooseSavePath: () => Promise.resolve(undefined) },
  });
  [nachweisDe, nachweisEn, worksheetDe] = await Promise.all([
    services.core.report('nachweis', { language: 'de' }).then(pdfText),
    services.core.report('nachweis', { language: 'en' }).then(pdfText),
    services.core.report('worksheet', { language: 'de' }).then(pdfText),
  ]);
}, 30_000);

describe('the Nachweis PDF of the demo practice', () => {
  it('has the German title, the practice, every person and every computer', () => {
    expect(nachweisDe.compact).toContain(compact('Nachweis der Passwortänderungen nach dem Cyberangriff auf medatixx (November 2021)'));
    expect(services.core.record.state.practiceName).toBe('Praxis Dr. Sommer');
    expect(nachweisDe.compact).toContain(compact('Praxis Dr. Sommer'));
    const people = [...new Set(services.core.record.state.protocol.map((e) => e.by).filter((by) => by !== ''))];
    expect(people.sort()).toEqual(['Dr. Jonas Sommer', 'Sabine Yilmaz', 'Tobias Müller (IT-Partner)']);
    for (const person of people) expect(nachweisDe.compact).toContain(compact(person));
    const computers = [...services.core.exchange.computers().values()];
    expect(computers.sort()).toEqual(['EMPFANG-1', 'SERVER', 'SPRECHZIMMER-2']);
    for (const computer of computers) expect(nachweisDe.compact).toContain(compact(computer));
    expect(nachweisDe.compact).toContain(compact('EMPFANG-1 (dieser Computer)'));
  });

  it('names every task with its status and guide version, and the reason for „Nicht zutreffend“', () => {
    const t = translatorFor('de');
    const tasks = views();
    expect(tasks.length).toBeGreaterThan(10);
    for (const task of tasks) {
      expectTaskRow(nachweisDe, titleOf('de', task), t(STATUS_KEYS[task.status]));
      const guide = guides().find((g) => g.id === task.guideId);
      expect(guide, task.guideId).toBeDefined();
      const version = task.record?.guideVersion ?? task.guideVersion;
      expectPhrase(nachweisDe, `${textIn(guide?.title ?? { de: '' }, 'de')}, Version ${version}`);
    }
    // The x.comfort guide was updated to 1.2 and the task must be checked again.
    const pvs = tasks.find((task) => task.id === 'pvs:x.comfort');
    expect(pvs?.status).toBe('recheck');
    expect(pvs?.record?.guideVersion).toBe('1.2');
    expectPhrase(nachweisDe, 'Praxissoftware x.comfort, Version 1.2');
    const notApplicable = tasks.filter((task) => task.status === 'not-applicable');
    expect(notApplicable).toHaveLength(1);
    for (const task of notApplicable) {
      expect(task.record?.reason).toMatch(/\S/);
      expect(nachweisDe.compact).toContain(compact(`Begründung: ${task.record?.reason}`));
    }
    // The summary counts what the checklist shows.
    const count = (...statuses: string[]) => tasks.filter((task) => statuses.includes(task.status)).length;
    const summary = t('report.summaryValue', {
      done: count('done'),
      total: tasks.length,
      notApplicable: count('not-applicable'),
      open: count('open', 'in-progress', 'recheck'),
      handed: count('handed-to-it'),
    });
    expect(summary).toContain(`${count('done')} von ${tasks.length}`);
    expect(nachweisDe.compact).toContain(compact(summary));
    // Every task still to do is listed once more with who does it.
    for (const task of tasks.filter((candidate) => OPEN.has(candidate.status))) {
      const audience = t(AUDIENCE_KEYS[task.audience === 'it-partner' ? 'it-partner' : 'praxis']);
      expect(nachweisDe.lines).toContain(`${titleOf('de', task)} – ${t(STATUS_KEYS[task.status])} (${audience})`);
    }
  });

  it('gives each computer’s chain with its installation id, entry count and whole head hash', () => {
    const t = translatorFor('de');
    const { record } = services.core;
    const own = record.ownChain();
    const chains = [own, ...[...record.foreignJournals.values()].map((j) => j.report)];
    expect(chains).toHaveLength(3);
    for (const chain of chains) {
      expect(chain.ok).toBe(true);
      expect(chain.head).toMatch(/^[0-9a-f]{64}$/);
      expect(nachweisDe.compact).toContain(chain.head);
      expect(nachweisDe.compact).toContain(compact(`${t('report.colInstallation')}: ${chain.installationId}`));
      expect(nachweisDe.compact).toContain(
        compact(`${t('report.colEntries')}: ${chain.count} · ${t('report.colResult')}: ${t('report.chainOk')}`),
      );
    }
    // The head stays whole on one line, so it can be read off and compared.
    for (const chain of chains) expect(nachweisDe.lines).toContain(chain.head);
    expect(own.head).toBe(record.state.head);
  });

  it('writes umlauts and ß as they are', () => {
    for (const letter of ['ä', 'ö', 'ü', 'ß']) expect(nachweisDe.compact, letter).toContain(letter);
    for (const word of ['Passwortänderungen', 'Abhilfemaßnahmen', 'Müller', 'Einträge', 'Prüfwert', 'Bestätigung', 'Datenbank-Zugänge']) {
      expect(nachweisDe.compact).toContain(word);
    }
    const transliterated = /Passwortaenderung|Abhilfemassnahmen|Mueller|Eintraege|Pruefwert|Bestaetigung|Datenbank-Zugaenge|gepr(ue|u)ft/;
    expect(nachweisDe.compact).not.toMatch(transliterated);
    expect(nachweisDe.compact).not.toMatch(/[\uFFFD]/);
  });

  it('numbers every page „Seite n von N“', () => {
    const pages = nachweisDe.pages.length;
    expect(pages).toBeGreaterThan(1);
    nachweisDe.pages.forEach((page, i) => expect(compact(page)).toContain(compact(`Seite ${i + 1} von ${pages}`)));
    expect(nachweisDe.compact).toContain(compact(`Seite 1 von ${pages}`));
    // The footer names the practice and when the Nachweis was made.
    for (const page of nachweisDe.pages) {
      expect(compact(page)).toContain(compact('Praxis Dr. Sommer'));
      expect(compact(page)).toContain('15.11.2021');
    }
  });

  it('is in English when asked for, with English statuses and task titles', () => {
    const t = translatorFor('en');
    expect(nachweisEn.compact).toContain(compact('Record of password changes after the cyberattack on medatixx (November 2021)'));
    expect(nachweisEn.compact).not.toContain(compact('Nachweis der Passwortänderungen'));
    nachweisEn.pages.forEach((page, i) => expect(compact(page)).toContain(compact(`Page ${i + 1} of ${nachweisEn.pages.length}`)));
    expect(nachweisEn.compact).toContain(compact(t('report.thisComputer', { name: 'EMPFANG-1' })));
    expect(nachweisEn.compact).not.toContain(compact('(dieser Computer)'));
    for (const task of views()) expectTaskRow(nachweisEn, titleOf('en', task), t(STATUS_KEYS[task.status]));
    for (const chain of [services.core.record.ownChain(), ...[...services.core.record.foreignJournals.values()].map((j) => j.report)]) {
      expect(nachweisEn.compact).toContain(chain.head);
    }
    // What people typed stays as they typed it.
    expect(nachweisEn.compact).toContain(compact('Tobias Müller (IT-Partner)'));
  });

  it('never holds a password-like string that was put nowhere', () => {
    for (const pdf of [nachweisDe, nachweisEn, worksheetDe]) {
      expect(pdf.compact).not.toContain(NEVER);
      expect(pdf.bytes.includes(Buffer.from(NEVER, 'latin1'))).toBe(false);
      expect(pdf.bytes.includes(Buffer.from(NEVER, 'utf16le'))).toBe(false);
    }
    // The same scan finds what is there.
    expect(nachweisDe.compact).toContain(compact('Praxis Dr. Sommer'));
  });
});

describe('the work sheet PDF', () => {
  it('has every open task with each of its steps, a box line per step and room for initials and time', () => {
    const t = translatorFor('de');
    const profile = services.core.record.state.profile;
    const open = views().filter((task) => OPEN.has(task.status));
    expect(open.length).toBeGreaterThan(3);
    expect(worksheetDe.compact).toContain(compact(t('worksheet.title')));
    for (const task of open) {
      expectPhrase(worksheetDe, titleOf('de', task));
      const guide = guides().find((g) => g.id === task.guideId);
      const steps = visibleSteps(guide?.steps ?? [], profile.connectorModel);
      expect(steps.length, task.id).toBeGreaterThan(0);
      for (const [n, step] of steps.entries()) {
        expect(worksheetDe.compact, `${task.id} ${step.id}`).toContain(compact(`${n + 1}. ${drawn(textIn(step.text, 'de'))}`));
      }
    }
    // The update's new sentence of the x.comfort guide is on the sheet.
    expect(worksheetDe.compact).toContain(compact('Prüfen Sie danach auch das Konto für die Datensicherung.'));
    const perTask = (phrase: string) => worksheetDe.compact.split(compact(phrase)).length - 1;
    expect(perTask(t('worksheet.taskDone'))).toBe(open.length);
    expect(perTask(`${t('worksheet.initials')} ${t('worksheet.time')}`)).toBeGreaterThanOrEqual(open.length);
    worksheetDe.pages.forEach((page, i) => expect(compact(page)).toContain(compact(`Seite ${i + 1} von ${worksheetDe.pages.length}`)));
  });

  it('never asks for a password: the only blanks are for initials, date and time', () => {
    const t = translatorFor('de');
    const blanks = worksheetDe.lines.filter((line) => /_{3,}/.test(line));
    expect(blanks.length).toBeGreaterThan(0);
    const labels = (line: string) => line.split(/\s*_{3,}\s*/).filter((label) => label !== '');
    for (const line of blanks) {
      expect(labels(line)).toEqual(labels(t('worksheet.taskDone')));
      // Each blank is for initials, a date or a time, never for a secret.
      for (const label of labels(line)) {
        expect(label).toMatch(/(Kürzel|Datum|Uhrzeit)$/);
        expect(label).not.toMatch(/passw|kennw|pin\b|geheim/i);
      }
    }
    for (const line of worksheetDe.lines) {
      // No short label that asks for a password, PIN or secret to be filled in („Neues Passwort:“).
      if (line.length <= 40) expect(line).not.toMatch(/(passw(or|ö)t|kennwort|geheim|pin\b|zugangscode)[^.:]*:\s*$/i);
    }
    // The sheet says, at the top and on every page, that no password belongs on it.
    expect(t('worksheet.intro')).toMatch(/nie\b.*Passwort/);
    expect(worksheetDe.compact).toContain(compact(t('worksheet.intro')));
    const footer = t('worksheet.footer', { practice: 'Praxis Dr. Sommer' });
    expect(footer).toMatch(/Passwort/);
    for (const page of worksheetDe.pages) expect(compact(page)).toContain(compact(footer));
  });

  it('for one chosen task: its title, and only the steps for the practice’s connector', async () => {
    const task = views().find((candidate) => candidate.id === 'connector:x.comfort') as TaskView;
    const sheet = await pdfText(await services.core.report('worksheet', { language: 'de', taskIds: [task.id] }));
    expect(sheet.compact).toContain(compact(translatorFor('de')('worksheet.titleOne', { title: titleOf('de', task) })));
    const guide = guides().find((g) => g.id === task.guideId);
    const all = guide?.steps ?? [];
    const shown = visibleSteps(all, services.core.record.state.profile.connectorModel);
    expect(services.core.record.state.profile.connectorModel).toBe('kocobox');
    expect(shown.length).toBeLessThan(all.length);
    for (const step of all) {
      const text = compact(drawn(textIn(step.text, 'de')));
      if (shown.includes(step)) expect(sheet.compact).toContain(text);
      else expect(sheet.compact).not.toContain(text);
    }
    expect(sheet.compact.split(compact(translatorFor('de')('worksheet.taskDone'))).length - 1).toBe(1);
    // In English the same sheet is English.
    const english = await pdfText(await services.core.report('worksheet', { language: 'en', taskIds: [task.id] }));
    const en = translatorFor('en');
    expect(english.compact).toContain(compact(en('worksheet.titleOne', { title: titleOf('en', task) })));
    expect(en('worksheet.intro')).toMatch(/never\b.*password/i);
    expect(english.compact).toContain(compact(en('worksheet.intro')));
    expect(english.compact).not.toContain(compact(translatorFor('de')('worksheet.intro')));
  }, 15_000);
});
