/**
 * Copying a suggested password, and clearing the clipboard 30 seconds later (issue 13).
 *
 * The pending clear lives here, at module level, not in the dialog: it must happen after the dialog is closed
 * (the dialog's content, and with it the suggestion, is gone at once; only this closure keeps the copied text, for
 * 30 seconds, to compare it with the clipboard).
 *
 * Decision on clearing, because the renderer may not read the clipboard (Electron's main denies every permission
 * request, see electron/main/index.ts; a browser may ask the user):
 * - If the clipboard can be read: it is cleared only if it still holds our text. Something the user copied since
 *   (here or in another program) is left alone.
 * - If it cannot be read: it is cleared anyway, unless something else was copied in this app since (a `copy` or
 *   `cut` event here cancels the clear). Leaving a password on the clipboard is worse than, rarely, emptying
 *   something the user copied in another program in those 30 seconds. The UI says so: "wird nach 30 Sekunden
 *   geleert".
 * - Writing needs the window to have focus. If it has none after 30 seconds, the clear is tried again as soon as
 *   the window gets focus back (with the same check), so it is not lost.
 * - A new copy replaces a pending clear (the new text is what is on the clipboard now).
 *
 * Copying tries `navigator.clipboard.writeText` and, where that is refused, `document.execCommand('copy')` on a
 * short-lived text field inside the dialog (a modal dialog makes the rest of the page inert). Clearing likewise
 * falls back to a `copy` command that puts an empty text on the clipboard. Not verified in the Electron host here
 * (no Electron binary in this environment): if Chromium refuses both without a user gesture, the clipboard is
 * cleared only once main allows `clipboard-sanitized-write` for the app's origin.
 * Nothing here logs, stores or sends the text anywhere.
 */

export const CLEAR_AFTER_MS = 30_000;

interface Pending {
  text: string;
  timer: ReturnType<typeof setTimeout>;
}

let pending: Pending | undefined;
/** True while our own fallback copy runs, so its `copy` event does not cancel the clear. */
let copyingOurselves = false;
let listening = false;

function cancelPending(): void {
  if (!pending) return;
  clearTimeout(pending.timer);
  pending = undefined;
  window.removeEventListener('focus', retryOnFocus);
}

function onCopyElsewhere(): void {
  if (!copyingOurselves) cancelPending();
}

function listen(): void {
  if (listening) return;
  listening = true;
  document.addEventListener('copy', onCopyElsewhere, true);
  document.addEventListener('cut', onCopyElsewhere, true);
}

async function readClipboard(): Promise<string | undefined> {
  try {
    return await navigator.clipboard.readText();
  } catch {
    return undefined;
  }
}

async function clearNow(): Promise<void> {
  const current = pending;
  if (!current) return;
  const onClipboard = await readClipboard();
  if (pending !== current) return;
  if (onClipboard !== undefined && onClipboard !== current.text) {
    cancelPending();
    return;
  }
  let cleared: boolean;
  try {
    await navigator.clipboard.writeText('');
    cleared = true;
  } catch {
    cleared = clearWithCopyEvent();
  }
  if (cleared) {
    if (pending === current) cancelPending();
  } else {
    // No focus (or refused): try again when the window is focused again.
    window.removeEventListener('focus', retryOnFocus);
    window.addEventListener('focus', retryOnFocus, { once: true });
  }
}

/**
 * Where writeText is refused (Electron's main denies the clipboard permissions): a `copy` command whose event puts
 * an empty text on the clipboard. Returns whether the browser ran it.
 */
function clearWithCopyEvent(): boolean {
  const empty = (event: ClipboardEvent) => {
    event.clipboardData?.setData('text/plain', '');
    event.preventDefault();
  };
  document.addEventListener('copy', empty, { once: true });
  try {
    return execCopy();
  } finally {
    document.removeEventListener('copy', empty);
  }
}

/** The browser's own copy command, marked as ours while it runs (so the copy listener does not take it for the user's). */
function execCopy(): boolean {
  copyingOurselves = true;
  try {
    return document.execCommand('copy');
  } catch {
    return false;
  } finally {
    copyingOurselves = false;
  }
}

function retryOnFocus(): void {
  void clearNow();
}

function copyWithSelection(text: string, container: HTMLElement): boolean {
  const field = document.createElement('textarea');
  field.value = text;
  field.setAttribute('readonly', '');
  field.setAttribute('aria-hidden', 'true');
  field.tabIndex = -1;
  field.style.position = 'fixed';
  field.style.opacity = '0';
  field.style.inset = '0 auto auto 0';
  const active = document.activeElement instanceof HTMLElement ? document.activeElement : null;
  container.append(field);
  field.select();
  try {
    return execCopy();
  } finally {
    field.value = '';
    field.remove();
    active?.focus();
  }
}

/** Puts `text` on the clipboard and schedules the clear; false when copying failed (nothing is scheduled then). */
export async function copySecret(text: string, container: HTMLElement): Promise<boolean> {
  listen();
  cancelPending();
  let copied: boolean;
  try {
    await navigator.clipboard.writeText(text);
    copied = true;
  } catch {
    copied = copyWithSelection(text, container);
  }
  if (!copied) return false;
  pending = { text, timer: setTimeout(() => void clearNow(), CLEAR_AFTER_MS) };
  return true;
}

/** Tests only: forget a pending clear. */
export function resetClipboardForTests(): void {
  cancelPending();
}
