import type { ReactNode } from 'react';

export interface RadioOption<T extends string> {
  value: T;
  label: ReactNode;
  /** The language of the label's words where it is not the page's (e.g. „English“ in the German UI). */
  lang?: string;
}

/**
 * A group of radio buttons: a fieldset whose legend names the choice, one native radio per option. Native radios
 * sharing a name are one tab stop; the arrow keys move between them and choose.
 */
export function RadioGroup<T extends string>({
  name,
  legend,
  hideLegend = false,
  help,
  options,
  value,
  onChange,
  horizontal = false,
  className,
}: {
  /** The radios' shared name: one per group on the page (use `useId`). */
  name: string;
  legend: ReactNode;
  /** Read out, but not shown: where the legend would only repeat the heading above it. */
  hideLegend?: boolean;
  /** A line under the legend. */
  help?: ReactNode;
  options: readonly RadioOption<T>[];
  /** The chosen value; none chosen while it matches no option. */
  value: T | null | undefined;
  onChange: (value: T) => void;
  /** The options in a row that wraps, the legend on a line of its own. */
  horizontal?: boolean;
  /** More classes for the fieldset, e.g. its place in a form. */
  className?: string;
}) {
  const classes = ['radio-group', horizontal ? 'radio-group-horizontal' : '', className ?? ''].filter(Boolean).join(' ');
  return (
    <fieldset className={classes}>
      <legend className={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      {help !== undefined && <p className="help">{help}</p>}
      {options.map((option) => (
        <label key={option.value} className="radio">
          <input type="radio" name={name} value={option.value} checked={value === option.value} onChange={() => onChange(option.value)} />
          <span lang={option.lang}>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
