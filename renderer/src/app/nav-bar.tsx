import { useTranslation } from 'react-i18next';

export const SCREENS = ['overview', 'tasks', 'protocol', 'settings'] as const;
export type Screen = (typeof SCREENS)[number];

const LABEL_KEYS = {
  overview: 'nav.overview',
  tasks: 'nav.tasks',
  protocol: 'nav.protocol',
  settings: 'nav.settings',
} as const satisfies Record<Screen, string>;

/** The main navigation: plain buttons, the current one marked for screen readers. */
export function NavBar({ current, onNavigate }: { current: Screen; onNavigate: (screen: Screen) => void }) {
  const { t } = useTranslation();
  return (
    <nav className="app-nav" aria-label={t('nav.label')}>
      <ul>
        {SCREENS.map((screen) => (
          <li key={screen}>
            <button
              type="button"
              className="nav-button"
              aria-current={current === screen ? 'page' : undefined}
              onClick={() => onNavigate(screen)}
            >
              {t(LABEL_KEYS[screen])}
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
