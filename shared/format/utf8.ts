/** Bytes of a string in UTF-8, without Node's Buffer (shared/ also runs in the renderer, which has neither). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
      bytes += 4;
      i += 1;
    } else bytes += 3;
  }
  return bytes;
}

/** The WHATWG TextDecoder, which Node and the renderer both have (shared/ is typed without either one's globals). */
type StrictDecoder = new (label: 'utf-8', options: { fatal: true }) => { decode(input: Uint8Array): string };

/**
 * A file's bytes as UTF-8 text, strictly: undefined when they are not valid UTF-8 (e.g. saved as Windows-1252
 * "ANSI" or as UTF-16), so no byte ever turns into U+FFFD unnoticed. A leading UTF-8 BOM (Windows Notepad) is dropped.
 */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  const Decoder = (globalThis as unknown as { TextDecoder: StrictDecoder }).TextDecoder;
  try {
    return new Decoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    return undefined;
  }
}
