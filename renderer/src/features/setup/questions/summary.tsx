import { useMemo } from 'react';
import { useTranslation } from '../../../i18n-react';
import { deriveTasks } from '../../../../../shared/domain/tasks';
import type { ViewState } from '../../../app/view-state';
import { PORTAL_KEYS, REMOTE_KEYS } from '../../tasks/task-text';
import { ACCOUNT_KEYS, MODEL_KEYS, TRI_KEYS } from './keys';
import { profileOf, type SetupDraft } from './question';

/** Every answer at a glance, and how many tasks they make. */
export function SummaryQuestion({ draft, guides, firstRun }: { draft: SetupDraft; guides: ViewState['guides']; firstRun: boolean }) {
  const { t } = useTranslation();
  const count = useMemo(
    () => deriveTasks({ ...profileOf(draft), computers: draft.computers.filter((c) => c.name.trim() !== '') }, { guides }).length,
    [draft, guides],
  );
  const none = t('setup.summary.none');
  const list = (values: string[]) => (values.length ? values.join(', ') : none);
  // Which computer is the server matters (it gets a task of its own), so workstations and servers are named apart.
  const computersSummary = () => {
    const named = draft.computers.filter((c) => c.name.trim());
    if (named.length === 0) return none;
    const workstations = named.filter((c) => !c.server).map((c) => c.name);
    const servers = named.filter((c) => c.server).map((c) => c.name);
    return (
      <>
        <span className="summary-line">
          {t('setup.summary.workstations', {
            count: workstations.length,
            names: workstations.length ? workstations.join(', ') : t('setup.summary.noWorkstation'),
          })}
        </span>
        <span className="summary-line">
          {t('setup.summary.servers', {
            count: servers.length,
            names: servers.length ? servers.join(', ') : t('setup.summary.noServer'),
          })}
        </span>
      </>
    );
  };
  return (
    <>
      <dl className="summary">
        <dt>{t('setup.practice.question')}</dt>
        <dd>{draft.practiceName || none}</dd>
        <dt>{t('setup.user.question')}</dt>
        <dd>{draft.userName}</dd>
        <dt>{t('roles.question')}</dt>
        <dd>{t(draft.role === 'it-partner' ? 'roles.optionIt' : 'roles.optionPraxis')}</dd>
        <dt>{t('setup.products.question')}</dt>
        <dd>{list([...draft.products, ...(draft.productsUnsure ? [t('setup.unsure')] : [])])}</dd>
        <dt>{t('setup.connector.question')}</dt>
        <dd>
          {t(TRI_KEYS[draft.connector])}
          {/* The model only where there is a connector; "Weiß nicht – Weiß nicht" would say nothing. */}
          {draft.connector === 'yes' && ` – ${t(MODEL_KEYS[draft.connectorModel])}`}
        </dd>
        <dt>{t('setup.terminals.question')}</dt>
        <dd>{draft.cardTerminals.length}</dd>
        <dt>{t('setup.computers.question')}</dt>
        <dd>{computersSummary()}</dd>
        <dt>{t('setup.computers.accountsQuestion')}</dt>
        <dd>{t(ACCOUNT_KEYS[draft.windowsAccounts])}</dd>
        <dt>{t('setup.remote.question')}</dt>
        <dd>{list(draft.remoteTools.map((v) => t(REMOTE_KEYS[v])))}</dd>
        <dt>{t('setup.firewall.question')}</dt>
        <dd>{t(TRI_KEYS[draft.firewall])}</dd>
        <dt>{t('setup.security.question')}</dt>
        <dd>{t(TRI_KEYS[draft.securitySystem])}</dd>
        <dt>{t('setup.portals.question')}</dt>
        <dd>{list(draft.portals.map((v) => t(PORTAL_KEYS[v])))}</dd>
      </dl>
      <p className="lead">{t('setup.summary.tasks', { count })}</p>
      {!firstRun && <p className="help">{t('setup.keepsStatus')}</p>}
    </>
  );
}
