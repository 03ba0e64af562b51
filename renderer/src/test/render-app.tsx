import type {} from '../api';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { I18nProvider } from '../i18n-react';
import { de } from '../../../shared/i18n/de';
import { createRendererI18n } from '../i18n';
import { createFakeApi } from './fake-api';

/** Render with a fresh German i18n instance and a fake window.api. */
export function renderWithApi(ui: ReactElement, fake = createFakeApi()) {
  window.api = fake.api;
  const i18n = createRendererI18n('de', de);
  return { ...render(<I18nProvider i18n={i18n}>{ui}</I18nProvider>), fake, i18n };
}
