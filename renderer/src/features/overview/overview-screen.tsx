import { useTranslation } from 'react-i18next';
import { AREAS } from '../../../../shared/domain/constants';
import { summarize } from '../../../../shared/domain/overview';
import type { ViewState } from '../../app/view-state';
import type { Navigate } from '../../app/routes';
import { StatusBadge } from '../tasks/status-badge';
import { AREA_KEYS, AUDIENCE_KEYS, taskTitle } from '../tasks/task-text';
import { ExchangeSection } from '../exchange/exchange-section';

/** The first screen: how far are we, what is next and who must do it, what waits for the IT partner. */
export function OverviewScreen({ snapshot, onNavigate }: { snapshot: ViewState; onNavigate: Navigate }) {
  const { t } = useTranslation();
  const { practiceName, userName } = snapshot.settings;
  const summary = summarize(snapshot.tasks);
  const open = (taskId: string) => onNavigate({ screen: 'task', taskId });

  return (
    <section aria-labelledby="overview-title" className="screen">
      <h1 id="overview-title" tabIndex={-1}>
        {practiceName ? t('overview.welcomeForPractice', { practiceName }) : t('overview.welcome')}
      </h1>
      {summary.outdated.length > 0 && (
        <div className="notice notice-warning outdated-banner" role="status">
          <p>
            {t('overview.outdatedBanner', {
              count: summary.outdated.length,
              tasks: summary.outdated.map((task) => taskTitle(t, task, snapshot)).join(', '),
            })}
          </p>
        </div>
      )}
      {!userName && (
        <div className="callout">
          <p>{t('overview.noUserYet')}</p>
          <button type="button" className="button-secondary" onClick={() => onNavigate({ screen: 'settings' })}>
            {t('overview.toSettings')}
          </button>
        </div>
      )}
      {!snapshot.profile.completed ? (
        <div className="callout">
          <p className="lead">{t('overview.intro')}</p>
          <p>{t('overview.setupFirst')}</p>
          <button type="button" className="button-primary" onClick={() => onNavigate({ screen: 'setup' })}>
            {t('overview.startSetup')}
          </button>
        </div>
      ) : (
        <div className="overview-grid">
          <section className="card" aria-labelledby="overview-next">
            <h2 id="overview-next">{t('overview.nextTitle')}</h2>
            {summary.next ? (
              <>
                <p className="next-title">{taskTitle(t, summary.next, snapshot)}</p>
                <p>
                  <StatusBadge status={summary.next.status} />{' '}
                  {t('overview.nextWho', { audience: t(AUDIENCE_KEYS[summary.next.audience]) })}
                </p>
                <button type="button" className="button-primary" onClick={() => open(summary.next?.id ?? '')}>
                  {t('overview.start')}
                </button>
              </>
            ) : (
              <p>{t('overview.allDone')}</p>
            )}
            {summary.nextForPraxis && summary.nextForPraxis.id !== summary.next?.id && (
              <p className="next-praxis">
                {t('overview.nextForPraxis')}{' '}
                <button type="button" className="link-button" onClick={() => open(summary.nextForPraxis?.id ?? '')}>
                  {taskTitle(t, summary.nextForPraxis, snapshot)}
                </button>
              </p>
            )}
          </section>
          <section className="card" aria-labelledby="overview-progress">
            <h2 id="overview-progress">{t('overview.progressTitle')}</h2>
            <p>{t('overview.progress', { ...summary.overall })}</p>
            <progress max={Math.max(summary.overall.total, 1)} value={summary.overall.finished} aria-label={t('overview.progressLabel')} />
            <h3>{t('overview.areasTitle')}</h3>
            <ul className="area-list">
              {AREAS.filter((area) => summary.byArea[area].total > 0).map((area) => (
                <li key={area}>
                  <span>{t(AREA_KEYS[area])}</span>
                  <span>
                    {summary.byArea[area].finished} / {summary.byArea[area].total}
                  </span>
                </li>
              ))}
            </ul>
          </section>
          <section className="card" aria-labelledby="overview-it">
            <h2 id="overview-it">{t('overview.itTitle')}</h2>
            {summary.waitingForIt.length === 0 ? (
              <p>{t('overview.itNone')}</p>
            ) : (
              <ul className="plain-list">
                {summary.waitingForIt.map((task) => (
                  <li key={task.id}>
                    <button type="button" className="link-button" onClick={() => open(task.id)}>
                      {taskTitle(t, task, snapshot)}
                    </button>{' '}
                    <StatusBadge status={task.status} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        </div>
      )}
      <ExchangeSection snapshot={snapshot} />
      <p className="info-box">{t('overview.noPassword')}</p>
      <p>
        <button type="button" className="link-button" onClick={() => onNavigate({ screen: 'incident' })}>
          {t('incident.link')}
        </button>
      </p>
    </section>
  );
}
