import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { defaultProfile } from '../../../../shared/domain/profile';
import { germanWordList } from '../../../../shared/passphrase';
import { App } from '../../app/app';
import { createFakeApi } from '../../test/fake-api';
import { renderWithApi } from '../../test/render-app';
import { CLEAR_AFTER_MS, resetClipboardForTests } from './clipboard';

const practice = () =>
  createFakeApi({
    state: {
      settings: { practiceName: 'Praxis Süd', userName: 'SY', language: 'de' },
      profile: { ...defaultProfile(), completed: true, products: ['x.comfort'], connector: 'yes', remoteTools: ['teamviewer'] },
    },
  });

/** Every file under a folder, as text. */
function filesUnder(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [readFileSync(path, 'utf8')];
  });
}

/** A clipboard that the test can read, standing in for navigator.clipboard (after userEvent.setup, which adds its own). */
function fakeClipboard({ readable }: { readable: boolean }) {
  let content = 'vorher kopiert';
  const clipboard = {
    writeText: vi.fn((text: string) => {
      content = text;
      return Promise.resolve();
    }),
    readText: vi.fn(() => (readable ? Promise.resolve(content) : Promise.reject(new DOMException('denied', 'NotAllowedError')))),
    get content() {
      return content;
    },
  };
  Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
  return clipboard;
}

const shownWords = (dialog: HTMLElement) => within(dialog).getByText((_, el) => el?.classList.contains('passphrase-text') ?? false);

afterEach(() => {
  resetClipboardForTests();
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('Vorschlag für ein neues Passwort', () => {
  it('never hands the suggestion to window.api, the journal, the settings or the console; copy clears the clipboard after 30 s', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    const consoles = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((level) =>
      vi.spyOn(console, level).mockImplementation(() => undefined),
    );
    const fake = practice();
    renderWithApi(<App />, fake);
    const user = userEvent.setup({ advanceTimers: (ms) => (vi.isFakeTimers() ? vi.advanceTimersByTime(ms) : undefined) });
    const clipboard = fakeClipboard({ readable: true });
    await user.click(await screen.findByRole('button', { name: 'Aufgaben' }));
    await user.click(await screen.findByRole('button', { name: 'Praxissoftware x.comfort' }));
    await screen.findByRole('heading', { level: 1, name: 'Praxissoftware x.comfort' });
    const callsBefore = fake.calls.length;
    /** Everything that could hold it: calls through the bridge, settings, state, journal files, storage, console. */
    const everywhere = () =>
      [
        JSON.stringify(fake.calls),
        JSON.stringify(fake.store.store),
        JSON.stringify(fake.core.snapshot()),
        ...filesUnder(fake.core.record.journalDir),
        JSON.stringify({ ...localStorage }),
        JSON.stringify({ ...sessionStorage }),
        JSON.stringify(consoles.map((spy) => spy.mock.calls)),
      ].join('\n');
    // A random word may also be part of a text already there ("schloss" in "verschlossenen"): so each word must
    // occur exactly as often afterwards as before the dialog was opened.
    const before = { everywhere: everywhere(), page: document.body.innerHTML };
    const count = (haystack: string, word: string) => haystack.split(word).length - 1;

    // Offered at the step that asks for a new password.
    const opener = screen.getByRole('button', { name: 'Vorschlag für ein neues Passwort' });
    expect(opener.closest('li')?.textContent).toContain('ein neues Passwort');
    await user.click(opener);
    const dialog = await screen.findByRole('dialog', { name: 'Vorschlag für ein neues Passwort' });
    expect(dialog.getAttribute('aria-describedby')).toBeTruthy();
    expect(document.getElementById(dialog.getAttribute('aria-describedby') ?? '')?.textContent).toContain('versiegelten Umschlag');

    const seen = new Set<string>();
    const phrases: string[] = [];
    const remember = () => {
      const text = shownWords(dialog).textContent ?? '';
      phrases.push(text);
      for (const word of text.split(/[-._ ]/u)) seen.add(word.replace(/[0-9]/gu, ''));
      return text;
    };
    const list = new Set(germanWordList());
    const first = remember();
    expect(first.split('-')).toHaveLength(5);
    expect(within(dialog).getByText(/^Stark:/u)).toBeTruthy();
    expect(dialog.textContent).toContain('64,6 Bit');

    await user.click(within(dialog).getByRole('radio', { name: '7' }));
    const seven = remember();
    expect(seven.split('-')).toHaveLength(7);
    for (const word of seven.split('-')) expect(list.has(word)).toBe(true);
    expect(dialog.textContent).toContain('Sehr stark');

    await user.click(within(dialog).getByRole('checkbox', { name: 'Eine Ziffer anhängen' }));
    const withDigit = remember();
    expect(withDigit).toMatch(/[2-9]/u);
    expect(withDigit.split('-')).toHaveLength(7);

    await user.click(within(dialog).getByRole('button', { name: 'Buchstabieren' }));
    expect(
      within(dialog)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual(withDigit.split('-'));

    await user.click(within(dialog).getByRole('button', { name: 'Neuer Vorschlag' }));
    const copied = remember();
    await user.click(within(dialog).getByRole('button', { name: 'Kopieren' }));
    expect(clipboard.writeText).toHaveBeenLastCalledWith(copied);
    expect(await within(dialog).findByText('Kopiert. Die Zwischenablage wird nach 30 Sekunden geleert.')).toBeTruthy();

    await user.click(within(dialog).getByRole('button', { name: 'Schließen' }));
    expect(screen.queryByRole('dialog')).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(screen.getByRole('button', { name: 'Vorschlag für ein neues Passwort' })));
    // Gone from the page when closed.
    for (const word of seen) expect(count(document.body.innerHTML, word), word).toBe(count(before.page, word));

    // Still on the clipboard until 30 s have passed, then cleared (it still held our text).
    await act(() => vi.advanceTimersByTimeAsync(CLEAR_AFTER_MS - 1000));
    expect(clipboard.content).toBe(copied);
    await act(() => vi.advanceTimersByTimeAsync(1000));
    await waitFor(() => expect(clipboard.content).toBe(''));

    // Nothing of it went anywhere: no call through the bridge at all, nor in the journal, settings or console.
    expect(fake.calls.length).toBe(callsBefore);
    expect(seen.size).toBeGreaterThan(10);
    expect(phrases).toHaveLength(4);
    const after = everywhere();
    for (const word of seen) expect(count(after, word), word).toBe(count(before.everywhere, word));
    for (const text of phrases) expect(after).not.toContain(text);
  });

  it('leaves the clipboard alone when it holds something else after 30 s; clears it when it cannot be read and nothing else was copied here', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
    renderWithApi(<App />, practice());
    const user = userEvent.setup({ advanceTimers: (ms) => (vi.isFakeTimers() ? vi.advanceTimersByTime(ms) : undefined) });
    const readable = fakeClipboard({ readable: true });
    await user.click(await screen.findByRole('button', { name: 'Vorschlag für ein neues Passwort' }));
    await user.click(screen.getByRole('button', { name: 'Kopieren' }));
    await readable.writeText('etwas anderes');
    await act(() => vi.advanceTimersByTimeAsync(CLEAR_AFTER_MS));
    expect(readable.content).toBe('etwas anderes');

    const unreadable = fakeClipboard({ readable: false });
    await user.click(screen.getByRole('button', { name: 'Kopieren' }));
    const copied = unreadable.content;
    expect(copied).not.toBe('');
    await act(() => vi.advanceTimersByTimeAsync(CLEAR_AFTER_MS));
    await waitFor(() => expect(unreadable.content).toBe(''));
  });

  it('from the Übersicht: the 8-digit PIN, the Windows variant, and random characters where four words do not fit', async () => {
    const fake = practice();
    renderWithApi(<App />, fake);
    const user = userEvent.setup();
    await user.click(await screen.findByRole('button', { name: 'Vorschlag für ein neues Passwort' }));
    const dialog = await screen.findByRole('dialog');
    await user.click(within(dialog).getByRole('radio', { name: 'PIN mit 8 Ziffern (Kartenterminal)' }));
    expect(shownWords(dialog).textContent).toMatch(/^[0-9]{8}$/u);
    await user.click(within(dialog).getByRole('radio', { name: 'Windows-Anmeldung (Großbuchstaben und eine Ziffer)' }));
    const windows = shownWords(dialog).textContent ?? '';
    expect(windows).toMatch(/^[A-Z]/u);
    expect(windows).toMatch(/[2-9]/u);
    expect(within(dialog).getByRole('checkbox', { name: 'Eine Ziffer anhängen' })).toHaveProperty('disabled', true);
    await user.click(within(dialog).getByRole('radio', { name: 'Passphrase aus Wörtern' }));
    await user.type(within(dialog).getByRole('textbox', { name: 'Höchstlänge in Zeichen, falls das System eine vorgibt' }), '16');
    expect(within(dialog).getByText(/In 16 Zeichen passen keine vier Wörter/u)).toBeTruthy();
    expect(shownWords(dialog).textContent).toHaveLength(16);
  });
});
