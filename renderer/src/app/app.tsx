import { lazy, Suspense, useEffect, useRef, useState } from 'react';

// Only the Übersicht is in the first chunk; every other screen loads when it is first opened.
const GuideScreen = lazy(() => import('../features/guide/guide-screen').then((m) => ({ default: m.GuideScreen })));
const IncidentScreen = lazy(() => import('../features/incident/incident-screen').then((m) => ({ default: m.IncidentScreen })));
const ProtocolScreen = lazy(() => import('../features/protocol/protocol-screen').then((m) => ({ default: m.ProtocolScreen })));
const SettingsScreen = lazy(() => import('../features/settings/settings-screen').then((m) => ({ default: m.SettingsScreen })));
const SetupWizard = lazy(() => import('../features/setup/setup-wizard').then((m) => ({ default: m.SetupWizard })));
const TasksScreen = lazy(() => import('../features/tasks/tasks-screen').then((m) => ({ default: m.TasksScreen })));
// Most starts have no notice: the list (and its texts) load with the first one.
const NoticeList = lazy(() => import('../features/notices/notice-list').then((m) => ({ default: m.NoticeList })));
import { useTranslation } from '../i18n-react';
import { OverviewScreen } from '../features/overview/overview-screen';
import { useSnapshot } from '../hooks/use-snapshot';
import { taskTitle } from '../features/tasks/task-text';
import type { Snapshot } from '../../../shared/state/snapshot';
import { NavBar } from './nav-bar';
import { RoleSwitch } from './role-switch';
import { switchLanguage } from '../i18n';
import { rememberLanguage } from '../language-hint';
import type { Route } from './routes';

/** The app's frame: header, main navigation, notices and the current screen. */
export function App({ initial }: { initial?: Snapshot } = {}) {
  const { t, i18n } = useTranslation();
  const [route, setRoute] = useState<Route | null>(null);
  // Only the Übersicht does without the guides: there they come once the page is idle.
  const {
    state: snapshot,
    snapshot: withGuides,
    failed,
  } = useSnapshot(initial, (state) => (route ? route.screen !== 'overview' : !state.profile.completed));
  /** Once a notice was there, the list stays (it moves focus on when the last one is dismissed). */
  const [hadNotices, setHadNotices] = useState(false);
  if (!hadNotices && (snapshot?.notices.length ?? 0) > 0) setHadNotices(true);
  const mainRef = useRef<HTMLElement>(null);

  const language = snapshot?.settings.language;
  useEffect(() => {
    if (!language) return;
    if (i18n.language !== language) void switchLanguage(i18n, language);
    rememberLanguage(language);
    // Written only when it changes.
    if (document.documentElement.lang !== language) document.documentElement.lang = language;
  }, [language, i18n]);

  useEffect(() => {
    const title = t('app.name');
    if (document.title !== title) document.title = title;
  }, [t]);

  /** The heading of the screen navigated away from, until the new route is on screen. */
  const leaving = useRef<{ previous: HTMLElement | null } | null>(null);
  const navigate = (next: Route) => {
    leaving.current = { previous: mainRef.current?.querySelector<HTMLElement>('h1') ?? null };
    setRoute(next);
  };
  useEffect(() => {
    // Once the new route is committed (not earlier: a frame may come before React renders it), move focus to the
    // new screen's heading so keyboard and screen-reader users land on the content; a screen that loads first (its
    // code, or the guides) gets the focus as soon as its heading is there.
    const pending = leaving.current;
    if (!pending) return;
    leaving.current = null;
    focusHeadingWhenThere(mainRef.current, pending.previous);
  }, [route]);

  // A reminder was clicked (main counts the clicks): show the Übersicht.
  const openOverview = snapshot?.openOverview;
  const seenOpen = useRef(openOverview);
  useEffect(() => {
    if (openOverview === seenOpen.current) return;
    seenOpen.current = openOverview;
    navigate({ screen: 'overview' });
  }, [openOverview]);

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
        {/* The screen does not wait for the notices' code and texts. */}
        {hadNotices && (
          <Suspense fallback={null}>
            <NoticeList
              notices={snapshot.notices}
              language={snapshot.settings.language}
              titleOf={(taskId) => {
                const task = snapshot.tasks.find((candidate) => candidate.id === taskId);
                return task ? taskTitle(t, task, snapshot) : undefined;
              }}
            />
          </Suspense>
        )}
        <Suspense fallback={<p role="status">{t('app.loading')}</p>}>
          {current.screen === 'overview' && <OverviewScreen snapshot={snapshot} onNavigate={navigate} />}
          {current.screen !== 'overview' &&
            !withGuides &&
            (failed ? <p role="alert">{t('errors.internal')}</p> : <p role="status">{t('app.loading')}</p>)}
          {withGuides && (
            <>
              {current.screen === 'tasks' && <TasksScreen snapshot={withGuides} onNavigate={navigate} />}
              {current.screen === 'task' && <GuideScreen snapshot={withGuides} taskId={current.taskId} onNavigate={navigate} />}
              {current.screen === 'protocol' && <ProtocolScreen snapshot={withGuides} />}
              {current.screen === 'settings' && <SettingsScreen snapshot={withGuides} onNavigate={navigate} />}
              {current.screen === 'setup' && <SetupWizard snapshot={withGuides} onNavigate={navigate} />}
              {current.screen === 'incident' && <IncidentScreen snapshot={withGuides} onNavigate={navigate} />}
            </>
          )}
        </Suspense>
      </main>
    </div>
  );
}

/**
 * Focus the new screen's h1 now, or as soon as it appears (at most a few seconds later). The heading of the screen
 * navigated away from may still be there for a moment (while the new one loads); it is never the one focused,
 * unless the route led back to the same screen.
 */
function focusHeadingWhenThere(main: HTMLElement | null, previous: HTMLElement | null) {
  if (!main) return;
  const current = () => {
    const heading = main.querySelector<HTMLElement>('h1');
    return heading && heading !== previous ? heading : null;
  };
  const heading = current() ?? (previous?.isConnected && main.querySelector('[role="status"]') === null ? previous : null);
  if (heading) return heading.focus();
  const observer = new MutationObserver(() => {
    const appeared = current();
    if (!appeared) return;
    observer.disconnect();
    appeared.focus();
  });
  observer.observe(main, { subtree: true, childList: true });
  setTimeout(() => observer.disconnect(), 5000);
}
