/**
 * The words for tasks and Protokoll lines, shared by the screens, the PDF Nachweis and the command line, so all say
 * the same. `t` is i18next's translate function or `resourceTranslator` over one language. The Protokoll lines'
 * words are in entry-text.ts.
 */
import type { TaskView } from '../domain/overview';
import type { Task } from '../domain/tasks';
import type { Profile } from '../domain/profile';
import type { Translate } from '../advisory/issue-text';

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
