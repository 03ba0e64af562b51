import { useTranslation } from '../i18n-react';
import { SCREENS, type Navigate, type Route, type Screen } from './routes';

const LABEL_KEYS = {
  overview: 'nav.overview',
  tasks: 'nav.tasks',
  protocol: 'nav.protocol',
  settings: 'nav.settings',
} as const satisfies Record<Screen, string>;

/** Which navigation entry a route belongs to: a task's guide under Aufgaben, the Einrichtung under Einstellungen. */
function sectionOf(route: Route): Screen {
  if (route.screen === 'task') return 'tasks';
  if (route.screen === 'setup') return 'settings';
  if (route.screen === 'incident') return 'overview';
  return route.screen;
}

/** The main navigation: plain buttons, the current one marked for screen readers. */
export function NavBar({ route, onNavigate, firstRun = false }: { route: Route; onNavigate: Navigate; firstRun?: boolean }) {
  const { t } = useTranslation();
  // During the first Einrichtung no entry is current: the person is not "in" any of them yet.
  const current = firstRun ? undefined : sectionOf(route);
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {SCREENS.map((screen) => (
          <li key={screen}>
            <button
              type="button"
              className="nav-button"
              aria-current={current === screen ? 'page' : undefined}
              onClick={() => onNavigate({ screen })}
            >
              {t(LABEL_KEYS[screen])}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
