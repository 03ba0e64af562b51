import type { Api } from '../../shared/ipc/contract';
import type { IpcError, IpcResult } from '../../shared/ipc/result';

declare global {
  interface Window {
    api: Api;
  }
}

/** The bridge the preload (or the e2e host) exposes; the renderer has no other way to reach main. */
export function getApi(): Api {
  return window.api;
}

/** Raised by `unwrap` so a screen can show the German message for the error's key. */
export class ApiError extends Error {
  constructor(readonly error: IpcError) {
    super(error.code);
    this.name = 'ApiError';
  }
}

export function unwrap<T>(result: IpcResult<T>): T {
  if (!result.ok) throw new ApiError(result.error);
  return result.value;
}
