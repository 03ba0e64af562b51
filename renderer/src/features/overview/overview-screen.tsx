import { useMemo } from 'react';
import { useTranslation } from '../../i18n-react';
import { addWorkingDays, formatDateTime, formatDay, localDay } from '../../../../shared/format/date';
import { getApi } from '../../api';
import { AREAS } from '../../../../shared/domain/constants';
import { isOverdue, summarize } from '../../../../shared/domain/overview';
import type { Snapshot } from '../../../../shared/state/snapshot';
import type { Navigate } from '../../app/routes';
import { StatusBadge } from '../tasks/status-badge';
import { AREA_KEYS, AUDIENCE_KEYS, taskTitle } from '../tasks/task-text';
import { ExchangeSection } from '../exchange/exchange-section';
import { useLiveStatus } from '../../ui/use-live-status';
import { PassphraseHelper } from '../passphrase/passphrase-helper';
import './overview.css';

/** The first screen: how far are we, what is next and who must do it, what waits for the IT partner. */
export function OverviewScreen({ snapshot, onNavigate }: { snapshot: Snapshot; onNavigate: Navigate }) {
  const { t } = useTranslation();
  const { practiceName, userName } = snapshot.settings;
  const role = snapshot.settings.role ?? 'praxis';
  // Worked out again only when the tasks or the role change, not on every push from main.
  // Today as the person at the PC counts it; a new snapshot (any change) or a new visit of the screen takes the new day.
  const today = localDay(new Date());
  const summary = useMemo(() => summarize(snapshot.tasks, role, today), [snapshot.tasks, role, today]);
  const open = (taskId: string) => onNavigate({ screen: 'task', taskId });
  const handOverStatus = useLiveStatus();
  /** One click hands a task to the IT partner (recorded like any status); focus stays in the list. */
  const handOver = async (taskId: string, focusNext: string | undefined) => {
    // The Wiedervorlage the hand-over asks for, at its suggestion: in 3 working days (changeable in the guide).
    const result = await getApi().setTaskStatus({ taskId, status: 'handed-to-it', followUp: addWorkingDays(today, 3) });
    if (!result.ok) return handOverStatus.error(result.error.messageKey);
    handOverStatus.clear();
    requestAnimationFrame(() => {
      const target = focusNext ? document.querySelector<HTMLElement>(`[data-hand-over="${focusNext}"]`) : null;
      (target ?? document.getElementById('overview-it'))?.focus();
    });
  };

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
                  {summary.next.status === 'open' || summary.next.status === 'handed-to-it' ? t('overview.start') : t('overview.continue')}
                </button>
              </>
            ) : (
              <p>{summary.overall.finished === summary.overall.total ? t('overview.allDone') : t('overview.nothingForRole')}</p>
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
            <h2 id="overview-it" tabIndex={-1}>
              {t('overview.itTitle')}
            </h2>
            {snapshot.itPartner && (snapshot.itPartner.name || snapshot.itPartner.phone) && (
              <p className="it-contact">
                {snapshot.itPartner.name && t('preset.contact', { name: snapshot.itPartner.name })}
                {snapshot.itPartner.name && snapshot.itPartner.phone && ' · '}
                {snapshot.itPartner.phone && t('preset.contactPhone', { phone: snapshot.itPartner.phone })}
              </p>
            )}
            {summary.withIt.length === 0 ? (
              <p>{t('overview.itNone')}</p>
            ) : (
              <ul className="plain-list">
                {summary.withIt.map((task) => (
                  <li key={task.id}>
                    <button type="button" className="link-button" onClick={() => open(task.id)}>
                      {taskTitle(t, task, snapshot)}
                    </button>
                    {task.record && (
                      <span className="handed-by">
                        {t('overview.handedBy', { by: task.record.by, at: formatDateTime(task.record.at, snapshot.settings.language) })}
                        {task.record.followUp && (
                          <>
                            {' · '}
                            {t('overview.followUp', { day: formatDay(task.record.followUp, snapshot.settings.language) })}
                            {isOverdue(task, today) && <strong className="overdue"> {t('overview.overdue')}</strong>}
                          </>
                        )}
                      </span>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
          {role === 'praxis' && summary.toHandOver.length > 0 && (
            <section className="card hand-over-card" aria-labelledby="overview-hand-over">
              <h2 id="overview-hand-over">{t('overview.handOverTitle')}</h2>
              <p className="help">{t('overview.handOverIntro')}</p>
              {snapshot.record.readOnly && (
                <p id="overview-read-only" className="notice read-only-note">
                  {t('overview.readOnly')}
                </p>
              )}
              <ul className="plain-list hand-over-list">
                {summary.toHandOver.map((task, index) => (
                  <li key={task.id}>
                    <span>{taskTitle(t, task, snapshot)}</span>
                    <button
                      type="button"
                      data-hand-over={task.id}
                      className="button-secondary button-small"
                      aria-label={t('overview.handOverLabel', { task: taskTitle(t, task, snapshot) })}
                      disabled={snapshot.record.readOnly}
                      {...(snapshot.record.readOnly ? { 'aria-describedby': 'overview-read-only' } : {})}
                      onClick={() => void handOver(task.id, summary.toHandOver[index + 1]?.id ?? summary.toHandOver[index - 1]?.id)}
                    >
                      {t('overview.handOver')}
                    </button>
                  </li>
                ))}
              </ul>
              {handOverStatus.region}
            </section>
          )}
        </div>
      )}
      <ExchangeSection snapshot={snapshot} />
      <p className="info-box">{t('overview.noPassword')}</p>
      <div className="overview-helper">
        <PassphraseHelper target="any" />
      </div>
      <p>
        <button type="button" className="link-button" onClick={() => onNavigate({ screen: 'incident' })}>
          {t('incident.link')}
        </button>
      </p>
    </section>
  );
}
