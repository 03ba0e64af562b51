import { useId, type ReactNode } from 'react';

/** What the control of a field must carry: its id (the label's target) and what describes it. */
export interface FieldControlProps {
  id: string;
  'aria-describedby'?: string;
  'aria-invalid'?: true;
}

/**
 * One form field: its label, an optional help line, the control, and an error under it. The control gets the
 * ids to wear: help and error describe it (aria-describedby), an error marks it invalid (aria-invalid).
 *
 * @example
 * <Field label={t('settings.userName.label')} help={t('settings.userName.help')}>
 *   {(control) => <input {...control} type="text" value={name} onChange={…} />}
 * </Field>
 */
export function Field({
  id: givenId,
  label,
  help,
  error,
  invalid = false,
  describedBy,
  className,
  children,
}: {
  /** The control's id; one of its own otherwise. Help and error take ids after it (`…-help`, `…-error`). */
  id?: string;
  label: ReactNode;
  help?: ReactNode;
  /** Shown under the control while there is one; the control is then invalid and described by it. */
  error?: ReactNode;
  /** Invalid because of a message elsewhere (its id in `describedBy`). */
  invalid?: boolean;
  /** Ids of other elements that describe the control, after its help and error. */
  describedBy?: string;
  /** More classes besides `field`. */
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}) {
  const ownId = useId();
  const id = givenId ?? ownId;
  const helpId = `${id}-help`;
  const errorId = `${id}-error`;
  const hasHelp = help !== undefined && help !== null && help !== false;
  const hasError = error !== undefined && error !== null && error !== false && error !== '';
  const describers = [hasHelp ? helpId : '', hasError ? errorId : '', describedBy ?? ''].filter(Boolean).join(' ');
  const control: FieldControlProps = {
    id,
    ...(describers ? { 'aria-describedby': describers } : {}),
    ...(hasError || invalid ? { 'aria-invalid': true } : {}),
  };
  return (
    <div className={className ? `field ${className}` : 'field'}>
      <label htmlFor={id}>{label}</label>
      {hasHelp && (
        <p className="help" id={helpId}>
          {help}
        </p>
      )}
      {children(control)}
      {hasError && (
        <p className="status status-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
