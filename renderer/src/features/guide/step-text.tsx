import { parseInline } from '../../../../shared/format/inline-markdown';

/** Step text with its small Markdown subset drawn as elements; never as HTML. */
export function StepText({ text }: { text: string }) {
  return (
    <>{parseInline(text).map((run, index) => (run.bold ? <strong key={index}>{run.text}</strong> : <span key={index}>{run.text}</span>))}</>
  );
}
