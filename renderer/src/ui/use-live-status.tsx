import { useCallback, useEffect, useRef, useState, type ReactElement, type ReactNode } from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from '../i18n-react';

/** saved: something was done (green); info: neutral news, e.g. nothing was saved; error: it failed (red, an alert). */
export type LiveKind = 'saved' | 'info' | 'error';

/**
 * A text key, or the words made from the current `t` (for a text that takes other texts or values; a path in it
 * may be shown as one that wraps at its separators, see ui/path-text.tsx).
 */
export type LiveMessage = string | ((t: TFunction) => ReactNode);

export interface LiveFeedback {
  kind: LiveKind;
  message: LiveMessage;
}

export interface LiveStatusOptions {
  /**
   * `messages` (default): a polite live region that holds one paragraph while there is something to say; an
   * error's paragraph is an alert. `line`: one paragraph, always there, whose words are replaced (role status).
   */
  layout?: 'messages' | 'line';
  /** Messages that report an outcome (saved, error) can take focus (tabindex -1): see `show(…, { focus })`. */
  focusable?: boolean;
  /** `line` only: an error looks like the other messages (not red). */
  plainErrors?: boolean;
}

export interface LiveStatus {
  /** What is said now; null while nothing is. */
  feedback: LiveFeedback | null;
  /** Say it (replacing what was said); with `focus`, focus moves to the message once it is shown. */
  show(feedback: LiveFeedback, options?: { focus?: boolean }): void;
  saved(message: LiveMessage, options?: { focus?: boolean }): void;
  info(message: LiveMessage, options?: { focus?: boolean }): void;
  error(message: LiveMessage, options?: { focus?: boolean }): void;
  clear(): void;
  /** The live region, to place where the messages belong. */
  region: ReactElement;
}

const MESSAGE_CLASSES: Record<LiveKind, string | undefined> = { saved: 'status', info: undefined, error: 'status status-error' };

/**
 * One aria-live region and what it says: a screen's (or section's) feedback after an action. The region is in the
 * page before anything is said, so screen readers announce each message; texts are looked up when shown, so they
 * follow a language switch.
 */
export function useLiveStatus({ layout = 'messages', focusable = false, plainErrors = false }: LiveStatusOptions = {}): LiveStatus {
  const { t } = useTranslation();
  const [feedback, setFeedback] = useState<LiveFeedback | null>(null);
  const messageRef = useRef<HTMLParagraphElement>(null);
  const focusNext = useRef(false);

  useEffect(() => {
    if (!focusNext.current) return;
    focusNext.current = false;
    messageRef.current?.focus();
  }, [feedback]);

  const show = useCallback((next: LiveFeedback, { focus = false }: { focus?: boolean } = {}) => {
    focusNext.current = focus;
    setFeedback(next);
  }, []);
  const saved = useCallback((message: LiveMessage, options?: { focus?: boolean }) => show({ kind: 'saved', message }, options), [show]);
  const info = useCallback((message: LiveMessage, options?: { focus?: boolean }) => show({ kind: 'info', message }, options), [show]);
  const error = useCallback((message: LiveMessage, options?: { focus?: boolean }) => show({ kind: 'error', message }, options), [show]);
  const clear = useCallback(() => {
    focusNext.current = false;
    setFeedback(null);
  }, []);

  const text = feedback === null ? null : typeof feedback.message === 'string' ? t(feedback.message) : feedback.message(t);
  const tabIndex = focusable && feedback !== null && feedback.kind !== 'info' ? -1 : undefined;
  const region =
    layout === 'line' ? (
      <p
        className={feedback?.kind === 'error' && !plainErrors ? 'status status-error' : 'status'}
        role="status"
        aria-live="polite"
        ref={messageRef}
        tabIndex={tabIndex}
      >
        {text}
      </p>
    ) : (
      <div aria-live="polite">
        {feedback && (
          <p
            role={feedback.kind === 'error' ? 'alert' : 'status'}
            className={MESSAGE_CLASSES[feedback.kind]}
            ref={messageRef}
            tabIndex={tabIndex}
          >
            {text}
          </p>
        )}
      </div>
    );

  return { feedback, show, saved, info, error, clear, region };
}
