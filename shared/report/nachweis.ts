import { AREAS } from '../domain/constants';
import type { ProtocolEntry } from '../domain/log';
import type { TaskView } from '../domain/overview';
import type { Profile } from '../domain/profile';
import type { Guide } from '../advisory/pack-schema';
import { textIn } from '../advisory/local-text';
import type { Translate } from '../advisory/issue-text';
import { formatDateTime, formatDay } from '../format/date';
import type { Language } from '../state/settings';
import { describeEntry } from './entry-text';
import { AREA_KEYS, STATUS_KEYS, taskTitle } from './task-text';

/** One PC's chain as the Nachweis names it. */
export interface ChainSummary {
  installationId: string;
  computer: string;
  own: boolean;
  count: number;
  head: string;
  ok: boolean;
  recordedBreaks: number;
  firstProblemLine?: number;
}

/** What the Nachweis is made from: the record's fold over every PC's chain, the tasks and the guides in force. */
export interface NachweisInput {
  language: Language;
  t: Translate;
  practiceName: string;
  appVersion: string;
  createdAt: string;
  profile: Pick<Profile, 'cardTerminals'>;
  tasks: readonly TaskView[];
  guides: readonly Guide[];
  protocol: readonly ProtocolEntry[];
  chains: readonly ChainSummary[];
}

export interface NachweisTaskRow {
  task: string;
  status: string;
  by: string;
  at: string;
  guide: string;
  reason?: string;
}

/** The Nachweis with every text in its language, ready to be laid out (PDF) or checked (tests). */
export interface NachweisModel {
  language: Language;
  title: string;
  subtitle: string;
  facts: { label: string; value: string }[];
  tasksHeading: string;
  taskColumns: [string, string, string, string, string];
  areas: { heading: string; rows: NachweisTaskRow[] }[];
  openHeading: string;
  open: { task: string; status: string; audience: string }[];
  noneOpen: string;
  protocolHeading: string;
  protocolColumns: [string, string, string, string];
  protocol: { at: string; by: string; computer: string; text: string }[];
  chainsHeading: string;
  chainsIntro: string;
  chainColumns: [string, string, string, string, string];
  chains: { computer: string; installationId: string; count: string; head: string; result: string }[];
  sign: { heading: string; intro: string; roles: string[]; placeDate: string; name: string };
  noPassword: string;
  /** Left of the page number on every page: what the document is and for which practice. */
  footer: string;
  pageLabel: (page: number, pages: number) => string;
}

const OPEN_STATES = new Set(['open', 'in-progress', 'recheck', 'handed-to-it']);

/** Build the Nachweis; pure (the same input gives the same model). */
export function buildNachweis(input: NachweisInput): NachweisModel {
  const { t, language } = input;
  const titleOf = (task: TaskView) => taskTitle(t, task, input.profile);
  const guideOf = (id: string) => input.guides.find((g) => g.id === id);
  const when = (iso: string) => formatDateTime(iso, language);
  const computers = new Map(input.chains.map((c) => [c.installationId, c.computer]));
  const people = [...new Set(input.protocol.map((e) => e.by).filter((by) => by.trim() !== ''))].sort((a, b) => a.localeCompare(b, 'de'));
  const first = input.protocol[0];
  const last = input.protocol.at(-1);
  const count = (status: string) => input.tasks.filter((task) => task.status === status).length;

  const row = (task: TaskView): NachweisTaskRow => {
    const guide = guideOf(task.guideId);
    const version = task.record?.guideVersion ?? task.guideVersion;
    return {
      task: titleOf(task),
      status: t(STATUS_KEYS[task.status]),
      by: task.record?.by ?? '',
      at: task.record ? when(task.record.at) : '',
      guide: t('report.guideVersion', { title: guide ? textIn(guide.title, language) : task.guideId, version }),
      ...(task.record?.reason ? { reason: t('report.reason', { reason: task.record.reason }) } : {}),
    };
  };

  return {
    language,
    title: t('report.title'),
    subtitle: t('report.subtitle'),
    facts: [
      { label: t('report.practice'), value: input.practiceName.trim() || t('report.unnamedPractice') },
      {
        label: t('report.period'),
        value: first && last ? t('report.periodValue', { from: when(first.at), to: when(last.at) }) : t('report.noEntries'),
      },
      {
        label: t('report.summary'),
        value: t('report.summaryValue', {
          done: count('done'),
          total: input.tasks.length,
          notApplicable: count('not-applicable'),
          open: count('open') + count('in-progress') + count('recheck'),
          handed: count('handed-to-it'),
        }),
      },
      { label: t('report.people'), value: people.join(', ') || '–' },
      {
        label: t('report.computers'),
        value: input.chains.map((c) => (c.own ? t('report.thisComputer', { name: c.computer }) : c.computer)).join(', '),
      },
      { label: t('report.created'), value: `${when(input.createdAt)} · ${t('report.createdWith', { version: input.appVersion })}` },
    ],
    tasksHeading: t('report.tasksHeading'),
    taskColumns: [t('report.colTask'), t('report.colStatus'), t('report.colBy'), t('report.colAt'), t('report.colGuide')],
    areas: AREAS.map((area) => ({
      heading: t(AREA_KEYS[area]),
      rows: input.tasks.filter((task) => task.area === area).map(row),
    })).filter((area) => area.rows.length > 0),
    openHeading: t('report.openHeading'),
    open: input.tasks
      .filter((task) => OPEN_STATES.has(task.status))
      .map((task) => ({
        task: titleOf(task),
        status: t(STATUS_KEYS[task.status]),
        audience: t(task.audience === 'it-partner' ? 'audience.it-partner' : 'audience.praxis'),
      })),
    noneOpen: t('report.noneOpen'),
    protocolHeading: t('report.protocolHeading'),
    protocolColumns: [t('report.colTime'), t('report.colPerson'), t('report.colComputer'), t('report.colEntry')],
    protocol: input.protocol.map((entry) => ({
      at: when(entry.at),
      by: entry.by,
      computer: computers.get(entry.id.split(':')[0] ?? '') ?? '',
      text: describeEntry(entry, {
        t,
        language,
        guides: input.guides,
        taskTitle: (taskId) => {
          const task = input.tasks.find((candidate) => candidate.id === taskId);
          return task ? titleOf(task) : taskId;
        },
      }),
    })),
    chainsHeading: t('report.chainsHeading'),
    chainsIntro: t('report.chainsIntro'),
    chainColumns: [
      t('report.colComputer'),
      t('report.colInstallation'),
      t('report.colEntries'),
      t('report.colHead'),
      t('report.colResult'),
    ],
    chains: input.chains.map((chain) => ({
      computer: chain.own ? t('report.thisComputer', { name: chain.computer }) : chain.computer,
      installationId: chain.installationId,
      count: String(chain.count),
      head: chain.head,
      result: !chain.ok
        ? t('report.chainFailed', { line: chain.firstProblemLine ?? 0 })
        : chain.recordedBreaks > 0
          ? t('report.chainOkBreaks', { count: chain.recordedBreaks })
          : t('report.chainOk'),
    })),
    sign: {
      heading: t('report.signHeading'),
      intro: t('report.signIntro'),
      roles: [t('report.signOwner'), t('report.signPartner')],
      placeDate: t('report.signPlaceDate'),
      name: t('report.signName'),
    },
    noPassword: t('report.noPassword'),
    footer: t('report.footer', { practice: input.practiceName.trim() || t('report.unnamedPractice'), date: when(input.createdAt) }),
    pageLabel: (page, pages) => t('report.page', { page, pages }),
  };
}

/** The work sheet: chosen tasks with their guide's steps to tick off, for work away from the PC. */
export interface WorksheetModel {
  language: Language;
  title: string;
  intro: string;
  header: string[];
  tasks: {
    title: string;
    guideLine: string;
    status: string;
    steps: { text: string; lang: string; warning?: string; source: string }[];
    done: string;
  }[];
  none: string;
  columns: { initials: string; time: string };
  labels: { warning: string; source: string };
  footer: string;
  pageLabel: (page: number, pages: number) => string;
}

export function buildWorksheet(input: {
  language: Language;
  t: Translate;
  practiceName: string;
  createdAt: string;
  profile: Pick<Profile, 'cardTerminals' | 'connectorModel'>;
  tasks: readonly TaskView[];
  guides: readonly Guide[];
  /** The single guide printed from its screen: the title names it. */
  single?: boolean;
  visibleSteps: (guide: Guide) => Guide['steps'];
}): WorksheetModel {
  const { t, language } = input;
  const rows = input.tasks.flatMap((task) => {
    const guide = input.guides.find((g) => g.id === task.guideId);
    if (!guide) return [];
    return [
      {
        title: taskTitle(t, task, input.profile),
        guideLine: t('worksheet.guideLine', {
          title: textIn(guide.title, language),
          version: guide.version,
          date: formatDay(guide.date, language),
        }),
        status: t('worksheet.status', { status: t(STATUS_KEYS[task.status]) }),
        steps: input.visibleSteps(guide).map((step) => ({
          text: textIn(step.text, language),
          lang: step.text.en !== undefined && language === 'en' ? 'en' : 'de',
          ...(step.warning ? { warning: textIn(step.warning, language) } : {}),
          source: textIn(step.source, language),
        })),
        done: t('worksheet.taskDone'),
      },
    ];
  });
  const single = input.single && rows[0];
  return {
    language,
    title: single ? t('worksheet.titleOne', { title: single.title }) : t('worksheet.title'),
    intro: t('worksheet.intro'),
    header: [
      t('worksheet.practice', { name: input.practiceName.trim() || t('report.unnamedPractice') }),
      t('worksheet.printed', { date: formatDateTime(input.createdAt, language) }),
    ],
    tasks: rows,
    none: t('worksheet.none'),
    columns: { initials: t('worksheet.initials'), time: t('worksheet.time') },
    labels: { warning: t('worksheet.warning'), source: t('worksheet.source') },
    footer: t('worksheet.footer', { practice: input.practiceName.trim() || t('report.unnamedPractice') }),
    pageLabel: (page, pages) => t('worksheet.page', { page, pages }),
  };
}
