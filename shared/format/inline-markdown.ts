/** A run of step text: plain or bold. The renderer draws runs as text nodes, never as HTML. */
export interface TextRun {
  text: string;
  bold: boolean;
}

/**
 * Parse the small Markdown subset of guide steps: `**bold**` only; anything else stays literal text.
 *
 * An unmatched `**` is kept as written.
 */
export function parseInline(source: string): TextRun[] {
  const runs: TextRun[] = [];
  const parts = source.split('**');
  const closed = parts.length % 2 === 1;
  parts.forEach((part, index) => {
    const bold = index % 2 === 1 && (closed || index < parts.length - 1);
    const text = index % 2 === 1 && !bold ? `**${part}` : part;
    if (text) runs.push({ text, bold });
  });
  return runs;
}
