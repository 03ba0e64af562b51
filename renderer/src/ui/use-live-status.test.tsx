import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { TFunction } from 'i18next';
import { I18nProvider } from '../i18n-react';
import { describe, expect, it } from 'vitest';
import { de } from '../../../shared/i18n/de';
import { createRendererI18n, switchLanguage } from '../i18n';
import { useLiveStatus, type LiveStatusOptions } from './use-live-status';

function Saver(options: LiveStatusOptions) {
  const status = useLiveStatus(options);
  return (
    <>
      <button type="button" onClick={() => status.saved('settings.saved', { focus: true })}>
        Speichern
      </button>
      <button type="button" onClick={() => status.info('settings.unchanged')}>
        Nichts
      </button>
      <button type="button" onClick={() => status.error('errors.write-failed')}>
        Fehler
      </button>
      <button type="button" onClick={() => status.saved((t: TFunction) => t('exchange.saved', { file: 'C:\\Nachweis.pdf' }))}>
        Datei
      </button>
      <button type="button" onClick={() => status.clear()}>
        Leeren
      </button>
      {status.region}
    </>
  );
}

function renderSaver(options: LiveStatusOptions = {}) {
  const i18n = createRendererI18n('de', de);
  return { ...render(<I18nProvider i18n={i18n}>{<Saver {...options} />}</I18nProvider>), i18n };
}

describe('useLiveStatus', () => {
  it('has its polite live region in the page before anything is said, then one message in it at a time', async () => {
    const user = userEvent.setup();
    const { container } = renderSaver();
    const region = container.querySelector('[aria-live="polite"]');
    expect(region?.childElementCount).toBe(0);

    await user.click(screen.getByRole('button', { name: 'Nichts' }));
    expect(screen.getByRole('status').textContent).toBe('Keine Änderungen zu speichern.');
    expect(screen.getByRole('status').className).toBe('');
    expect(screen.getByRole('status').parentElement).toBe(region);

    await user.click(screen.getByRole('button', { name: 'Datei' }));
    expect(screen.getByRole('status').textContent).toBe('Gespeichert: C:\\Nachweis.pdf');
    expect(screen.getByRole('status').className).toBe('status');

    // An error is an alert, in red; it replaces what was said.
    await user.click(screen.getByRole('button', { name: 'Fehler' }));
    expect(screen.queryByRole('status')).toBeNull();
    expect(screen.getByRole('alert').textContent).toMatch(/^Die Änderung konnte nicht gespeichert werden\./);
    expect(screen.getByRole('alert').className).toBe('status status-error');

    await user.click(screen.getByRole('button', { name: 'Leeren' }));
    expect(region?.childElementCount).toBe(0);
    expect(container.querySelector('[aria-live="polite"]')).toBe(region);
  });

  it('moves focus to the message when asked to, and only then', async () => {
    const user = userEvent.setup();
    renderSaver({ focusable: true });
    await user.click(screen.getByRole('button', { name: 'Fehler' }));
    expect(screen.getByRole('alert').getAttribute('tabindex')).toBe('-1');
    expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Fehler' }));
    await user.click(screen.getByRole('button', { name: 'Speichern' }));
    const status = screen.getByRole('status');
    expect(status.textContent).toBe('Gespeichert.');
    expect(document.activeElement).toBe(status);
    // Neutral news never takes focus.
    await user.click(screen.getByRole('button', { name: 'Nichts' }));
    expect(screen.getByRole('status').hasAttribute('tabindex')).toBe(false);
  });

  it('as one line: the same paragraph, always there, its words replaced', async () => {
    const user = userEvent.setup();
    renderSaver({ layout: 'line' });
    const line = screen.getByRole('status');
    expect(line.getAttribute('aria-live')).toBe('polite');
    expect(line.textContent).toBe('');
    await user.click(screen.getByRole('button', { name: 'Nichts' }));
    expect(screen.getByRole('status')).toBe(line);
    expect(line.textContent).toBe('Keine Änderungen zu speichern.');
    await user.click(screen.getByRole('button', { name: 'Fehler' }));
    expect(screen.getByRole('status')).toBe(line);
    expect(line.className).toBe('status status-error');
  });

  it('says its message in the language shown now, also after a switch', async () => {
    const user = userEvent.setup();
    const { i18n } = renderSaver();
    await user.click(screen.getByRole('button', { name: 'Nichts' }));
    expect(screen.getByRole('status').textContent).toBe('Keine Änderungen zu speichern.');
    await act(() => switchLanguage(i18n, 'en'));
    expect(screen.getByRole('status').textContent).toBe('No changes to save.');
  });
});
