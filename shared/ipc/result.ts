import { z } from 'zod';

/** Why main refused or failed a call; each code has an i18n key under `errors.`. */
export const ipcErrorCodeSchema = z.enum([
  'forbidden-sender',
  'invalid-arguments',
  'not-found',
  'no-user',
  'reason-required',
  'same-status',
  'nothing-to-undo',
  'not-handed-over',
  'write-failed',
  'save-failed',
  'confirm-practice',
  'record-read-only',
  'setup-incomplete',
  'internal',
]);
export type IpcErrorCode = z.infer<typeof ipcErrorCodeSchema>;

export const ipcErrorSchema = z.object({
  code: ipcErrorCodeSchema,
  /** i18n key of the message the renderer shows. */
  messageKey: z.string(),
});
export type IpcError = z.infer<typeof ipcErrorSchema>;

export type IpcResult<T> = { ok: true; value: T } | { ok: false; error: IpcError };

export const errorMessageKey = (code: IpcErrorCode): string => `errors.${code}`;

export function ipcFailure(code: IpcErrorCode): { ok: false; error: IpcError } {
  return { ok: false, error: { code, messageKey: errorMessageKey(code) } };
}
