import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { I18nProvider } from './i18n-react';
import type { Snapshot } from '../../shared/state/snapshot';
import type { Language } from '../../shared/state/settings';
// The base and the shared parts' CSS come first, so every screen's own CSS (imported by the screen) comes after it.
import './styles.css';
import './ui/ui.css';
import { App } from './app/app';
import { createRendererI18n } from './i18n';
import type { Texts } from './texts';

/** Render the app in `language` with its first screen's texts, starting from main's first snapshot when there is one. */
export function render(language: Language, texts: Texts, initial: Snapshot | undefined): void {
  const root = document.getElementById('root');
  if (!root) return;
  createRoot(root).render(
    <StrictMode>
      <I18nProvider i18n={createRendererI18n(language, texts, ['start'])}>
        <App {...(initial ? { initial } : {})} />
      </I18nProvider>
    </StrictMode>,
  );
}
