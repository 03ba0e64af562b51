import type { Pack } from '../../../shared/advisory/pack-schema';
import { visibleSteps } from '../../../shared/advisory/visible-steps';
import { resourceTranslator } from '../../../shared/advisory/issue-text';
import type { TaskView } from '../../../shared/domain/overview';
import { de } from '../../../shared/i18n/de';
import { en } from '../../../shared/i18n/en';
import { buildNachweis, buildWorksheet, type ChainSummary } from '../../../shared/report/nachweis';
import type { Language } from '../../../shared/state/settings';
import { nachweisDocument, renderPdf, worksheetDocument } from '../report/pdf';
import type { RecordService } from './record-service';

/** A translate function over the app's own texts, for what main writes (PDFs, the command line). */
export const translatorFor = (language: Language) => resourceTranslator(language === 'en' ? en : de);

/** Each PC's chain as the Nachweis names it, verified now from what is on disk. */
export function chainSummaries(record: RecordService, computer: string): ChainSummary[] {
  const own = record.ownChain();
  const summary = (installationId: string, name: string, isOwn: boolean, report: typeof own): ChainSummary => ({
    installationId,
    computer: name || installationId.slice(0, 8),
    own: isOwn,
    count: report.count,
    head: report.head,
    ok: report.ok,
    recordedBreaks: report.recordedBreaks,
    ...(report.problems[0] ? { firstProblemLine: report.problems[0].line } : {}),
  });
  // A damaged imported journal is named once, with the check of its file as it is on disk.
  const damaged = new Map(record.foreignProblems.map((problem) => [problem.installationId, problem]));
  const unreadable = (installationId: string, name: string): ChainSummary => ({
    installationId,
    computer: name || installationId.slice(0, 8),
    own: false,
    count: 0,
    head: '',
    ok: false,
    recordedBreaks: 0,
    firstProblemLine: 1,
  });
  return [
    summary(record.installationId, computer, true, own),
    ...[...record.foreignJournals.values()].map((j) =>
      summary(j.installationId, j.computer, false, damaged.get(j.installationId)?.report ?? j.report),
    ),
    ...record.foreignProblems
      .filter((problem) => problem.installationId !== '' && !record.foreignJournals.has(problem.installationId))
      .map((problem) =>
        problem.report
          ? summary(problem.installationId, problem.computer, false, problem.report)
          : unreadable(problem.installationId, problem.computer),
      ),
  ];
}

export interface ReportSource {
  record: RecordService;
  tasks: readonly TaskView[];
  pack: Pack;
  language: Language;
  appVersion: string;
  computer: string;
  now: Date;
}

/** The PDF Nachweis of the record (every PC merged into it); never holds a password, as the record has none. */
export async function nachweisPdf(source: ReportSource): Promise<Buffer> {
  const { record } = source;
  const model = buildNachweis({
    language: source.language,
    t: translatorFor(source.language),
    practiceName: record.state.practiceName,
    appVersion: source.appVersion,
    createdAt: source.now.toISOString(),
    profile: record.state.profile,
    tasks: source.tasks,
    guides: source.pack.guides,
    protocol: record.state.protocol,
    chains: chainSummaries(record, source.computer),
  });
  return renderPdf(nachweisDocument(model));
}

const OPEN = new Set(['open', 'in-progress', 'recheck', 'handed-to-it']);

/** The work sheet for the chosen tasks (or every open one), with the steps that fit the practice's connector. */
export async function worksheetPdf(source: ReportSource, taskIds?: readonly string[]): Promise<Buffer> {
  const tasks = taskIds ? source.tasks.filter((task) => taskIds.includes(task.id)) : source.tasks.filter((task) => OPEN.has(task.status));
  const profile = source.record.state.profile;
  const model = buildWorksheet({
    // Asked for by id: one guide printed from its screen, or the open tasks of one side.
    language: source.language,
    t: translatorFor(source.language),
    practiceName: source.record.state.practiceName,
    createdAt: source.now.toISOString(),
    profile,
    tasks,
    guides: source.pack.guides,
    single: taskIds?.length === 1 && tasks.length === 1,
    visibleSteps: (guide) => visibleSteps(guide.steps, profile.connectorModel),
  });
  return renderPdf(worksheetDocument(model));
}

/** A file name that every file system takes: no path separators or reserved characters, at most 80 characters. */
export function safeFileName(name: string): string {
  return (
    name
      .replace(/[\\/:*?"<>|\p{Cc}]/gu, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 80)
      .trim() || 'Passwort-Lotse'
  );
}
