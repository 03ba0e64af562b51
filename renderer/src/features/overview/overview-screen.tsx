import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../../shared/state/snapshot';
import type { Screen } from '../../app/nav-bar';

export function OverviewScreen({ snapshot, onNavigate }: { snapshot: Snapshot; onNavigate: (screen: Screen) => void }) {
  const { t } = useTranslation();
  const { practiceName, userName } = snapshot.settings;
  return (
    <section aria-labelledby="overview-title" className="screen">
      <h1 id="overview-title" tabIndex={-1}>
        {practiceName ? t('overview.welcomeForPractice', { practiceName }) : t('overview.welcome')}
      </h1>
      <p className="lead">{t('overview.intro')}</p>
      <p className="info-box">{t('overview.noPassword')}</p>
      {!userName && (
        <div className="callout">
          <p>{t('overview.noUserYet')}</p>
          <button type="button" className="button-primary" onClick={() => onNavigate('settings')}>
            {t('overview.toSettings')}
          </button>
        </div>
      )}
    </section>
  );
}
