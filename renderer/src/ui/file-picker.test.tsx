import { fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { FilePicker } from './file-picker';

describe('FilePicker', () => {
  it('names the hidden input by its button label, hands over the one file chosen and empties the input again', () => {
    const onFile = vi.fn();
    render(<FilePicker label="Datei von anderem PC einlesen" accept=".json" onFile={onFile} />);
    const input = screen.getByLabelText<HTMLInputElement>('Datei von anderem PC einlesen');
    expect(input.type).toBe('file');
    const file = new File(['{}'], 'export.json', { type: 'application/json' });
    fireEvent.change(input, { target: { files: [file] } });
    expect(onFile).toHaveBeenCalledWith(file);
    expect(input.value).toBe('');
    // A cancelled dialog (no file) calls nothing.
    fireEvent.change(input, { target: { files: [] } });
    expect(onFile).toHaveBeenCalledTimes(1);
  });
});
