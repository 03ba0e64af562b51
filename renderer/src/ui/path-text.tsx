import { Fragment, type ReactNode } from 'react';
import type { TFunction } from 'i18next';

/**
 * A file system path's parts: each folder with the separator after it, the file name last. A leading separator
 * (`/tmp`, `\\server`) stays with the name after it, so no line starts with a lone slash.
 */
export function pathParts(path: string): string[] {
  return path.split(/(?<=[^\\/][\\/])(?=[^\\/])/);
}

/**
 * A path that wraps after its separators (`/` or `\`): each part is one unit on a line, broken inside (at a hyphen,
 * else anywhere; ui.css) only when it alone is wider than the line. `trail` is text that follows the path directly,
 * e.g. the full stop of a sentence: it goes with the last part, so it never starts a line of its own. The text is
 * the path unchanged (for copying and for screen readers).
 */
export function PathText({ path, trail = '', className }: { path: string; trail?: string; className?: string }) {
  const parts = pathParts(path);
  return (
    <span className={className ? `path-text ${className}` : 'path-text'}>
      {parts.map((part, index) => (
        <Fragment key={index}>
          {index > 0 && <wbr />}
          <span className="path-part">{index === parts.length - 1 ? part + trail : part}</span>
        </Fragment>
      ))}
    </span>
  );
}

/**
 * Marks a value's place in a translated text. A private-use character no text of the app contains; a value that
 * comes from a file (a name in a journal, a practice in a preset) and holds one gets it replaced, so it can never
 * pose as a mark.
 */
const MARK = '\uE000';
const unmarked = (value: string | number) => String(value).replaceAll(MARK, '\uFFFD');

/**
 * A translated text with some of its values shown as paths that wrap at their separators. `translate` gets the
 * values to interpolate (the paths' replaced by place marks) and returns the finished text.
 */
export function withPaths(
  translate: (values: Record<string, string>) => string,
  values: Record<string, string | number>,
  pathNames: readonly string[],
): ReactNode {
  const marked = Object.fromEntries(
    Object.entries(values).map(([name, value]) => [name, pathNames.includes(name) ? `${MARK}${name}${MARK}` : unmarked(value)]),
  );
  const pieces = translate(marked).split(new RegExp(`${MARK}([^${MARK}]*)${MARK}`));
  const nodes: ReactNode[] = [];
  // Even pieces are text, odd ones the names of paths.
  for (let index = 0; index < pieces.length; index += 1) {
    const piece = pieces[index] ?? '';
    if (index % 2 === 0) {
      nodes.push(piece);
      continue;
    }
    // Punctuation right after the path (its sentence's full stop, a closing bracket) stays on its line.
    const after = pieces[index + 1] ?? '';
    const trail = /^[.,:;!?)\]»“”"']*/.exec(after)?.[0] ?? '';
    pieces[index + 1] = after.slice(trail.length);
    nodes.push(<PathText key={index} path={unmarked(values[piece] ?? '')} trail={trail} />);
  }
  return nodes;
}

/**
 * The text of `key` in the current language with `values`, those named in `pathNames` shown as paths that wrap at
 * their separators: a message for ui/use-live-status.tsx, or called with `t` for a notice's paragraph.
 */
export const pathMessage =
  (key: string, values: Record<string, string | number>, pathNames: readonly string[]) =>
  (t: TFunction): ReactNode =>
    withPaths((marked) => t(key, marked), values, pathNames);
