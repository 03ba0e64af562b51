/**
 * The words for Protokoll lines, shared by the Protokoll screen and the PDF Nachweis, so both say the same (the
 * words for tasks are in task-text.ts). `t` is i18next's translate function or `resourceTranslator` over one language.
 */
import type { ProtocolEntry } from '../domain/log';
import type { Translate } from '../advisory/issue-text';
import { textIn, type LocalText } from '../advisory/local-text';
import { STATUS_KEYS } from './task-text';
import { formatDay } from '../format/date';

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
