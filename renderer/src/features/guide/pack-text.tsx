import type { ElementType, ReactNode } from 'react';
import { pickText, type LocalText, type ShownText } from '../../../../shared/advisory/local-text';

/**
 * A text from the advisory pack in the UI language, or in German where the pack has no English. The element
 * always names the language its words are in, so a screen reader reads a German fallback with a German voice.
 */
export function PackText({
  value,
  language,
  as: Element = 'span',
  className,
  htmlFor,
  render,
}: {
  value: LocalText;
  language: string;
  as?: ElementType;
  className?: string;
  /** For a label: the control it names. */
  htmlFor?: string;
  /** Draws the words (e.g. the step's bold markup); plain text otherwise. */
  render?: (text: string) => ReactNode;
}) {
  const shown: ShownText = pickText(value, language);
  return (
    <Element lang={shown.lang} className={className} htmlFor={htmlFor}>
      {render ? render(shown.text) : shown.text}
    </Element>
  );
}
