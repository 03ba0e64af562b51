import { useTranslation } from '../../i18n-react';
import type { Status } from '../../../../shared/domain/status';
import { STATUS_KEYS } from './task-text';
import './status-badge.css';

/** A status word in its fixed wording, with a colour that never carries meaning alone. */
export function StatusBadge({ status }: { status: Status }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(STATUS_KEYS[status])}</span>;
}

export function AudienceBadge({ audience }: { audience: 'praxis' | 'it-partner' }) {
  const { t } = useTranslation();
  return <span className={`badge audience-${audience}`}>{audience === 'praxis' ? t('audience.praxis') : t('audience.it-partner')}</span>;
}
