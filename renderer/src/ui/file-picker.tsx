import { useId, type Ref } from 'react';

/**
 * Choosing one file: the native file input, hidden behind a labelled button (the native control's own words
 * follow the browser's language, not the app's). Keyboard users reach the input itself; its focus ring shows on
 * the label. The input is emptied after each choice, so the same file can be chosen again.
 */
export function FilePicker({
  label,
  accept,
  onFile,
  inputRef,
}: {
  label: string;
  accept: string;
  onFile: (file: File) => void;
  /** For moving focus back to the picker after a preview closes. */
  inputRef?: Ref<HTMLInputElement>;
}) {
  const id = useId();
  return (
    <div className="file-picker">
      <input
        ref={inputRef}
        id={`${id}-file`}
        className="file-input"
        type="file"
        accept={accept}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
      <label htmlFor={`${id}-file`} className="button-secondary file-label">
        {label}
      </label>
    </div>
  );
}
