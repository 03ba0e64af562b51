import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { GuideScreen } from '../features/guide/guide-screen';
import { IncidentScreen } from '../features/incident/incident-screen';
import { NoticeList } from '../features/notices/notice-list';
import { OverviewScreen } from '../features/overview/overview-screen';
import { ProtocolScreen } from '../features/protocol/protocol-screen';
import { SettingsScreen } from '../features/settings/settings-screen';
import { SetupWizard } from '../features/setup/setup-wizard';
import { TasksScreen } from '../features/tasks/tasks-screen';
import { useSnapshot } from '../hooks/use-snapshot';
import { NavBar } from './nav-bar';
import { RoleSwitch } from './role-switch';
import type { Route } from './routes';

/** The app's frame: header, main navigation, notices and the current screen. */
export function App() {
  const { t, i18n } = useTranslation();
  const { snapshot, failed } = useSnapshot();
  const [route, setRoute] = useState<Route | null>(null);
  const mainRef = useRef<HTMLElement>(null);

  const language = snapshot?.settings.language;
  useEffect(() => {
    if (!language) return;
    if (i18n.language !== language) void i18n.changeLanguage(language);
    document.documentElement.lang = language;
  }, [language, i18n]);

  useEffect(() => {
    document.title = t('app.name');
  }, [t]);

  const navigate = (next: Route) => {
    setRoute(next);
    // Move focus to the new screen's heading so keyboard and screen-reader users land on the content.
    requestAnimationFrame(() => mainRef.current?.querySelector<HTMLElement>('h1')?.focus());
  };

  if (!snapshot) {
    return (
      <p className="loading" role={failed ? 'alert' : 'status'}>
        {failed ? t('errors.internal') : t('app.loading')}
      </p>
    );
  }

  // On the first start the Einrichtung comes first; afterwards the Übersicht.
  const current: Route = route ?? (snapshot.profile.completed ? { screen: 'overview' } : { screen: 'setup' });

  return (
    <div className="app">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-name">{t('app.name')}</span>
          <span className="brand-tagline">{t('app.tagline')}</span>
        </div>
        <div className="header-context">
          {snapshot.settings.practiceName && (
            <span className="practice-name" title={snapshot.settings.practiceName}>
              {snapshot.settings.practiceName}
            </span>
          )}
          {snapshot.settings.userName && (
            <span className="user-name" title={t('overview.whoIsUsing', { userName: snapshot.settings.userName })}>
              <span className="user-prefix">{t('overview.whoIsUsingPrefix')} </span>
              {snapshot.settings.userName}
            </span>
          )}
          <RoleSwitch role={snapshot.settings.role} />
        </div>
      </header>
      <NavBar route={current} onNavigate={navigate} firstRun={!snapshot.profile.completed && current.screen === 'setup'} />
      <main id="main" ref={mainRef} className="app-main" data-ready="true" tabIndex={-1}>
        <NoticeList notices={snapshot.notices} language={snapshot.settings.language} />
        {current.screen === 'overview' && <OverviewScreen snapshot={snapshot} onNavigate={navigate} />}
        {current.screen === 'tasks' && <TasksScreen snapshot={snapshot} onNavigate={navigate} />}
        {current.screen === 'task' && <GuideScreen snapshot={snapshot} taskId={current.taskId} onNavigate={navigate} />}
        {current.screen === 'protocol' && <ProtocolScreen snapshot={snapshot} />}
        {current.screen === 'settings' && <SettingsScreen snapshot={snapshot} onNavigate={navigate} />}
        {current.screen === 'setup' && <SetupWizard snapshot={snapshot} onNavigate={navigate} />}
        {current.screen === 'incident' && <IncidentScreen snapshot={snapshot} />}
      </main>
    </div>
  );
}
