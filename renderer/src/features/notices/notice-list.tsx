import { useTranslation } from 'react-i18next';
import type { Notice } from '../../../../shared/state/snapshot';
import { getApi } from '../../api';

/** Notices from main (e.g. a recovered store), each dismissable. */
export function NoticeList({ notices }: { notices: readonly Notice[] }) {
  const { t } = useTranslation();
  if (notices.length === 0) return null;
  return (
    <section className="notices" aria-label={t('notices.label')}>
      {notices.map((notice) => (
        <div key={notice.id} className="notice notice-warning" role="alert">
          <p>
            {notice.kind === 'store-missing-restored'
              ? t('notices.storeMissingRestored', { file: notice.backupFile })
              : notice.restoredFrom === 'backup'
                ? t('notices.storeRecoveredFromBackup', { file: notice.damagedFile })
                : t('notices.storeRecoveredToDefaults', { file: notice.damagedFile })}
          </p>
          <button type="button" className="button-secondary" onClick={() => void getApi().dismissNotice({ id: notice.id })}>
            {t('notices.dismiss')}
          </button>
        </div>
      ))}
    </section>
  );
}
