import { useEffect, useRef, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from '../../i18n-react';
import { useTexts } from '../../i18n';
import { EVENT_KINDS } from '../../../../shared/journal/event-kinds';
import { formatDateTime } from '../../../../shared/format/date';
import { STATUS_KEYS } from '../tasks/task-text';
import type { Language } from '../../../../shared/state/settings';
import type { Notice } from '../../../../shared/state/snapshot';
import { getApi } from '../../api';
import { pathMessage } from '../../ui/path-text';
import './notices.css';

/** A notice's text: its paragraphs, the paths in them wrapping at their separators. */
/** A task's title for its id, when the id names a task of this practice. */
type TitleOf = (taskId: string) => string | undefined;

function noticeText(t: TFunction, notice: Notice, language: Language, titleOf: TitleOf): ReactNode[] {
  const text = (key: string, values: Record<string, string | number>, paths: readonly string[]) => pathMessage(key, values, paths)(t);
  switch (notice.kind) {
    case 'store-missing-restored':
      return [text('notices.storeMissingRestored', { file: notice.backupFile }, ['file'])];
    case 'store-recovered':
      return notice.restoredFrom === 'backup'
        ? [text('notices.storeRecoveredFromBackup', { file: notice.damagedFile }, ['file'])]
        : [text('notices.storeRecoveredToDefaults', { file: notice.damagedFile }, ['file'])];
    case 'journal-torn-tail':
      return [text('notices.journalTornTail', { file: notice.keptAs }, ['file'])];
    case 'imported-journal-damaged': {
      // What is wrong with which file; what of it is shown; that the file is kept and how to make it whole again.
      if (notice.computer === '')
        return [text('notices.importedFolderUnreadable', { folder: notice.file }, ['folder']), t('notices.importedFolderKept')];
      const what =
        notice.reason === 'unreadable' || notice.line === undefined
          ? text('notices.importedJournalUnreadable', { computer: notice.computer, file: notice.file }, ['file'])
          : text(
              'notices.importedJournalDamaged',
              { computer: notice.computer, line: notice.line, file: notice.file, reason: t(`notices.breakReason.${notice.reason}`) },
              ['file'],
            );
      return [
        what,
        notice.kept > 0 ? t('notices.importedJournalPartly', { count: notice.kept }) : t('notices.importedJournalNothing'),
        t('notices.importedJournalKept', { computer: notice.computer }),
      ];
    }
    case 'journal-lost':
      return [text('notices.journalLost', { file: notice.file }, ['file']), t('notices.journalLostWhatNow')];
    case 'pack-rolled-back':
      return [t('notices.packRolledBack', { installed: notice.installed, highest: notice.highest })];
    case 'pack-update-caught-up':
      return [t('notices.packUpdateCaughtUp', { revision: notice.revision })];
    case 'pack-update-unreadable':
      return [text('notices.packUpdateUnreadable', { highest: notice.highest, shown: notice.shown, file: notice.file }, ['file'])];
    case 'preset-invalid': {
      const reason =
        notice.refusal === 'invalid' && notice.field
          ? t('notices.presetReasons.invalidField', { field: notice.field })
          : t(`notices.presetReasons.${notice.refusal}`);
      return [text('notices.presetInvalid', { file: notice.file, reason }, ['file'])];
    }
    case 'preset-other-practice':
      return [
        text(
          'notices.presetOtherPractice',
          { file: notice.file, presetPractice: notice.presetPractice, recordPractice: notice.recordPractice },
          ['file'],
        ),
      ];
    case 'data-folder-unwritable':
      return [text('notices.dataFolderUnwritable', { folder: notice.folder }, ['folder'])];
    case 'record-read-only': {
      const who = notice.account
        ? t('notices.recordHolder', {
            account: notice.account,
            computer: notice.computer || '–',
            since: notice.since ? formatDateTime(notice.since, language) : '–',
          })
        : t('notices.recordHolderUnknown');
      return [t('notices.recordReadOnly', { who })];
    }
    case 'journal-broken': {
      const { info } = notice;
      // What the line says, in words: its kind, and the task and status it names (as far as they can be read).
      const kind = t(`notices.kinds.${info.kind && (EVENT_KINDS as readonly string[]).includes(info.kind) ? info.kind : 'other'}`);
      const to = info.to && info.to in STATUS_KEYS ? t(STATUS_KEYS[info.to as keyof typeof STATUS_KEYS]) : info.to;
      const detail = [info.taskId && (titleOf(info.taskId) ?? info.taskId), to].filter(Boolean).join(' → ');
      const said = { at: info.at ? formatDateTime(info.at, language) : '–', by: info.by || '–', kind, detail };
      const entry = info.at || info.by || info.kind ? t(detail ? 'notices.entryDetail' : 'notices.entry', said) : t('notices.unknownEntry');
      // Two paragraphs: what is wrong with which entry of which file; then what became of it and where it goes on.
      const broken = { line: info.line, file: notice.file, reason: t(`notices.breakReason.${info.reason}`), entry };
      return [
        text('notices.journalBroken', broken, ['file']),
        notice.newSegment
          ? text('notices.journalBrokenKept', { segment: notice.newSegment }, ['segment'])
          : t('notices.journalBrokenKeptNoSegment'),
      ];
    }
  }
}

/** Notices from main (e.g. a recovered store, a repaired or broken journal), each dismissable. */
export function NoticeList({
  notices,
  language,
  titleOf = () => undefined,
}: {
  notices: readonly Notice[];
  language: Language;
  /** Names a task in words (a damaged line names it by its id); an id no task has is shown as it is. */
  titleOf?: TitleOf;
}) {
  const { t } = useTranslation();
  // The notices' texts load with the first notice: most starts have none.
  useTexts(...(notices.length > 0 ? (['notices'] as const) : []));
  const buttons = useRef(new Map<string, HTMLButtonElement>());
  /** The dismissed notice and its neighbours, until main's next snapshot no longer has it. */
  const dismissed = useRef<{ id: string; next?: string; previous?: string } | null>(null);

  useEffect(() => {
    const pending = dismissed.current;
    if (!pending || notices.some((n) => n.id === pending.id)) return;
    dismissed.current = null;
    // Its button is gone: on to the next notice, else the previous one, else the screen's heading.
    const target = [pending.next, pending.previous].map((id) => (id ? buttons.current.get(id) : undefined)).find(Boolean);
    (target ?? document.querySelector<HTMLElement>('main h1'))?.focus();
  }, [notices]);

  const dismiss = async (index: number) => {
    const notice = notices[index];
    if (!notice) return;
    dismissed.current = { id: notice.id, next: notices[index + 1]?.id, previous: notices[index - 1]?.id };
    const result = await getApi().dismissNotice({ id: notice.id });
    if (!result.ok) dismissed.current = null;
  };

  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label={t('notices.label')}>
      {notices.map((notice, index) => (
        <div key={notice.id} className="notice notice-warning" role="alert">
          {noticeText(t, notice, language, titleOf).map((paragraph, line) => (
            <p key={line}>{paragraph}</p>
          ))}
          <button
            type="button"
            className="button-secondary"
            ref={(element) => {
              if (element) buttons.current.set(notice.id, element);
              else buttons.current.delete(notice.id);
            }}
            onClick={() => void dismiss(index)}
          >
            {t('notices.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
