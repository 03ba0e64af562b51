import { useId, type Ref } from 'react';
import { decodeUtf8 } from '../../../shared/format/utf8';

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

/**
 * A chosen file's text, read strictly as UTF-8: `unreadable` when it cannot be read any more (removed or locked
 * since it was chosen, a USB stick pulled out), `not-utf8` when its bytes are no UTF-8 (never read with U+FFFD).
 */
export async function readChosenFile(file: File): Promise<{ text: string } | 'unreadable' | 'not-utf8'> {
  let bytes: Uint8Array;
  try {
    bytes = new Uint8Array(await file.arrayBuffer());
  } catch {
    return 'unreadable';
  }
  const text = decodeUtf8(bytes);
  return text === undefined ? 'not-utf8' : { text };
}
