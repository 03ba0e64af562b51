/**
 * The words for tasks and Protokoll lines, shared by the screens, the PDF Nachweis and the command line, so all say
 * the same. `t` is i18next's translate function or `resourceTranslator` over one language.
 */
import type { TaskView } from '../domain/overview';
import type { Task } from '../domain/tasks';
import type { Profile } from '../domain/profile';
import type { ProtocolEntry } from '../domain/log';
import type { Translate } from '../advisory/issue-text';
import { textIn, type LocalText } from '../advisory/local-text';
import { formatDay } from '../format/date';

export const REMOTE_KEYS = {
  teamviewer: 'setup.remote.options.teamviewer',
  anydesk: 'setup.remote.options.anydesk',
  vendor: 'setup.remote.options.vendor',
  other: 'setup.remote.options.other',
  unsure: 'setup.remote.options.unsure',
} as const;
export const PORTAL_KEYS = {
  email: 'setup.portals.options.email',
  kim: 'setup.portals.options.kim',
  'nas-backup': 'setup.portals.options.nas-backup',
  'kv-portal': 'setup.portals.options.kv-portal',
  banking: 'setup.portals.options.banking',
  wifi: 'setup.portals.options.wifi',
  'phone-system': 'setup.portals.options.phone-system',
  website: 'setup.portals.options.website',
  other: 'setup.portals.options.other',
  unsure: 'setup.portals.options.unsure',
} as const;
const KIND_KEYS = {
  'phishing-warning': 'tasks.kind.phishing-warning',
  pvs: 'tasks.kind.pvs',
  'pvs-unknown': 'tasks.kind.pvs-unknown',
  connector: 'tasks.kind.connector',
  'connector-general': 'tasks.kind.connector-general',
  'remote-all': 'tasks.kind.remote-all',
  'windows-general': 'tasks.kind.windows-general',
  'windows-shared-accounts': 'tasks.kind.windows-shared-accounts',
  'windows-server': 'tasks.kind.windows-server',
  'windows-workstation': 'tasks.kind.windows-workstation',
  firewall: 'tasks.kind.firewall',
  'security-system': 'tasks.kind.security-system',
  remote: 'tasks.kind.remote',
  'card-terminal': 'tasks.kind.card-terminal',
  portal: 'tasks.kind.portal',
  'vendor-accounts': 'tasks.kind.vendor-accounts',
  'pvs-database': 'tasks.kind.pvs-database',
  'team-briefing': 'tasks.kind.team-briefing',
} as const satisfies Record<Task['kind'], string>;

/** The task's title in the user's language, e.g. „Windows-Arbeitsplatz „Empfang 1““. */
export function taskTitle(t: Translate, task: Task, profile?: Pick<Profile, 'cardTerminals'>): string {
  let subject = task.subject;
  if (task.kind === 'remote') subject = t(REMOTE_KEYS[task.subject as keyof typeof REMOTE_KEYS] ?? 'setup.remote.options.other');
  // „Weiß nicht“ as a task: going through the further accounts with the IT partner.
  if (task.kind === 'portal' && task.subject === 'unsure') return t('tasks.accountsInventory');
  if (task.kind === 'portal') subject = t(PORTAL_KEYS[task.subject as keyof typeof PORTAL_KEYS] ?? 'setup.portals.options.other');
  if (task.kind === 'card-terminal' && !subject) {
    const index = profile?.cardTerminals.findIndex((c) => `card-terminal:${c.id}` === task.id) ?? -1;
    subject = t('tasks.cardTerminalNumber', { number: index + 1 });
  }
  return t(KIND_KEYS[task.kind], { subject });
}

export const STATUS_KEYS = {
  open: 'status.open',
  'in-progress': 'status.in-progress',
  done: 'status.done',
  'not-applicable': 'status.not-applicable',
  'handed-to-it': 'status.handed-to-it',
  recheck: 'status.recheck',
} as const satisfies Record<TaskView['status'], string>;

export const AREA_KEYS = {
  pvs: 'areas.pvs',
  connector: 'areas.connector',
  windows: 'areas.windows',
  remote: 'areas.remote',
  other: 'areas.other',
} as const satisfies Record<TaskView['area'], string>;

export const AUDIENCE_KEYS = { praxis: 'audience.praxis', 'it-partner': 'audience.it-partner' } as const;

const FIELD_KEYS = {
  products: 'protocol.profileFields.products',
  productsUnsure: 'protocol.profileFields.products',
  remoteTools: 'protocol.profileFields.remoteTools',
  portals: 'protocol.profileFields.portals',
  connector: 'protocol.profileFields.connector',
  connectorModel: 'protocol.profileFields.connectorModel',
  windowsAccounts: 'protocol.profileFields.windowsAccounts',
  firewall: 'protocol.profileFields.firewall',
  securitySystem: 'protocol.profileFields.securitySystem',
  computers: 'protocol.profileFields.computers',
  servers: 'protocol.profileFields.servers',
  cardTerminals: 'protocol.profileFields.cardTerminals',
} as const;

const isStatus = (value: string | undefined): value is keyof typeof STATUS_KEYS => value !== undefined && value in STATUS_KEYS;

/** What one Protokoll line needs to be told in words. */
export interface EntryContext {
  t: Translate;
  language: string;
  /** The task's title, or its id when the task is no longer derived. */
  taskTitle: (taskId: string) => string;
  guides: readonly { id: string; title: LocalText; steps: readonly { id: string }[] }[];
}

/** One Protokoll line as a sentence, e.g. „Windows-Server „Server“: Offen → Erledigt“. */
export function describeEntry(entry: ProtocolEntry, { t, language, taskTitle: titleOf, guides }: EntryContext): string {
  const task = entry.taskId ? titleOf(entry.taskId) : '';
  const statusWord = (value: string | undefined) => (isStatus(value) ? t(STATUS_KEYS[value]) : (value ?? ''));
  const from = statusWord(entry.from);
  const to = statusWord(entry.to);
  const guide = guides.find((g) => g.id === entry.guideId);
  const day = (value: string | undefined) => (value ? formatDay(value, language === 'en' ? 'en' : 'de') : '');
  switch (entry.kind) {
    case 'status':
      return entry.followUp
        ? t('protocol.entry.statusFollowUp', { task, from, to, day: day(entry.followUp) })
        : t('protocol.entry.status', { task, from, to });
    case 'follow-up':
      return entry.from
        ? t('protocol.entry.followUpMoved', { task, from: day(entry.from), to: day(entry.to) })
        : t('protocol.entry.followUpSet', { task, to: day(entry.to) });
    case 'undo':
      return t('protocol.entry.undo', { task, from, to });
    case 'step': {
      const index = guide?.steps.findIndex((s) => s.id === entry.stepId) ?? -1;
      const step = index >= 0 ? String(index + 1) : (entry.stepId ?? '');
      return entry.checked ? t('protocol.entry.stepChecked', { task, step }) : t('protocol.entry.stepUnchecked', { task, step });
    }
    case 'profile':
      return entry.changes && entry.changes.length > 0
        ? t('protocol.entry.profileChanged', {
            fields: entry.changes
              .map((field) => (field in FIELD_KEYS ? t(FIELD_KEYS[field as keyof typeof FIELD_KEYS]) : field))
              .join(', '),
          })
        : t('protocol.entry.profile');
    case 'guide-update':
      return t('protocol.entry.guideUpdate', {
        guide: guide ? textIn(guide.title, language) : (entry.guideId ?? ''),
        version: entry.guideVersion ?? '',
      });
    case 'practice':
      return entry.from
        ? t('protocol.entry.practice', { from: entry.from, to: entry.to ?? '' })
        : t('protocol.entry.practiceSet', { to: entry.to ?? '' });
    case 'user':
      return entry.from
        ? t('protocol.entry.user', { from: entry.from, to: entry.to ?? '' })
        : t('protocol.entry.userSet', { to: entry.to ?? '' });
    case 'pack-declined':
      return t('protocol.entry.packDeclined', { revision: entry.to ?? '' });
    case 'migration':
      return t('protocol.entry.migration');
    case 'chain-break':
      return t('protocol.entry.chainBreak');
  }
}
