import type { ReactNode } from 'react';

export interface CheckboxOption<T extends string> {
  value: T;
  label: ReactNode;
}

/** Several things that may each be chosen: a fieldset whose legend names the question, one native checkbox per option. */
export function CheckboxGroup<T extends string>({
  legend,
  hideLegend = false,
  options,
  selected,
  onChange,
}: {
  legend: ReactNode;
  /** Read out, but not shown: where the legend would only repeat the heading above it. */
  hideLegend?: boolean;
  options: readonly CheckboxOption<T>[];
  selected: readonly T[];
  onChange: (value: T, checked: boolean) => void;
}) {
  return (
    <fieldset className="checkbox-group">
      <legend className={hideLegend ? 'visually-hidden' : undefined}>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            value={option.value}
            checked={selected.includes(option.value)}
            onChange={(event) => onChange(option.value, event.target.checked)}
          />
          <span>{option.label}</span>
        </label>
      ))}
    </fieldset>
  );
}
