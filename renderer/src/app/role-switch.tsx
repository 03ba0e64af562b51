import { useId } from 'react';
import { useTranslation } from '../i18n-react';
import type { Role } from '../../../shared/state/settings';
import { getApi } from '../api';

/** In the header: whether the person using the app is from the practice or the IT partner; changeable any time. */
export function RoleSwitch({ role }: { role: Role | undefined }) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <span className="role-switch">
      <label htmlFor={id} className="role-label">
        {t('roles.label')}
      </label>
      <select id={id} value={role ?? 'praxis'} onChange={(event) => void getApi().updateSettings({ role: event.target.value as Role })}>
        <option value="praxis">{t('roles.praxis')}</option>
        <option value="it-partner">{t('roles.it-partner')}</option>
      </select>
    </span>
  );
}
