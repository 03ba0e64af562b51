import { invokeChannels, type ApiMethod } from '../../../shared/ipc/channels';
import { contract } from '../../../shared/ipc/contract';
import { ipcFailure, type IpcResult } from '../../../shared/ipc/result';
import { ConfirmPracticeError, NotFoundError, ReadOnlyError, SaveError, SetupIncompleteError, type Handlers } from '../core';
import { READ_ONLY_CODE } from '../journal/read-only-fs';
import { ChecklistError } from '../services/checklist-service';
import { JournalWriteError } from '../services/record-service';
import type { Logger } from '../logger';

/** What the IPC layer knows of who sent a message. */
export interface SenderInfo {
  /** URL of the frame that sent it, or null when the frame is gone. */
  frameUrl: string | null;
  /** The frame is the top frame of its page. */
  isMainFrame: boolean;
  /** The page is a window this app created. */
  isAppWindow: boolean;
}

/** True only for the app's own main frame on the app's own origin (`app://passwort-lotse` in Electron). */
export function isTrustedSender(sender: SenderInfo | null, appOrigin: string): boolean {
  if (!sender || !sender.isAppWindow || !sender.isMainFrame || !sender.frameUrl) return false;
  try {
    const url = new URL(sender.frameUrl);
    const origin = new URL(appOrigin);
    return url.protocol === origin.protocol && url.host === origin.host && url.username === '' && url.password === '';
  } catch {
    return false;
  }
}

export interface IpcRouter {
  /** Handle one call by channel name, as ipcMain.handle would deliver it. */
  invoke(channel: string, sender: SenderInfo | null, rawArgs: unknown[]): Promise<IpcResult<unknown>>;
  channels: readonly string[];
}

const methodByChannel = new Map<string, ApiMethod>(
  (Object.entries(invokeChannels) as [ApiMethod, string][]).map(([method, channel]) => [channel, method]),
);

/**
 * The one wrapper every handler runs behind.
 *
 * Order matters: the sender is checked, then the arguments are parsed with the contract's schema, and only then
 * does the handler run; the result is checked against the contract too. Nothing of the payload is logged.
 */
export function createIpcRouter(handlers: Handlers, options: { appOrigin: string; logger: Logger }): IpcRouter {
  const { logger } = options;
  return {
    channels: [...methodByChannel.keys()],
    async invoke(channel, sender, rawArgs) {
      const method = methodByChannel.get(channel);
      if (!method) {
        logger.warn('ipc.unknown-channel');
        return ipcFailure('invalid-arguments');
      }
      if (!isTrustedSender(sender, options.appOrigin)) {
        logger.warn('ipc.forbidden-sender', { channel });
        return ipcFailure('forbidden-sender');
      }
      const spec = contract[method];
      const args = spec.args.safeParse(rawArgs);
      if (!args.success) {
        logger.warn('ipc.invalid-arguments', { channel });
        return ipcFailure('invalid-arguments');
      }
      try {
        const handler = handlers[method] as (...parsed: unknown[]) => unknown;
        const value = await handler(...(args.data as unknown[]));
        const result = spec.result.safeParse(value);
        if (!result.success) {
          logger.error('ipc.invalid-result', { channel });
          return ipcFailure('internal');
        }
        return { ok: true, value: result.data };
      } catch (error) {
        if (error instanceof NotFoundError) return ipcFailure('not-found');
        if (error instanceof SaveError) return ipcFailure('save-failed');
        if (error instanceof ConfirmPracticeError) return ipcFailure('confirm-practice');
        if (error instanceof ReadOnlyError) return ipcFailure('record-read-only');
        if (error instanceof SetupIncompleteError) return ipcFailure('setup-incomplete');
        if (error instanceof ChecklistError) return ipcFailure(error.code);
        if (error instanceof JournalWriteError) {
          // Nothing was recorded and no half line is left; the person can try again once the disk is writable.
          if (error.code === READ_ONLY_CODE) return ipcFailure('record-read-only');
          logger.error('journal.write-failed', { channel, code: error.code });
          return ipcFailure(error.code === 'invalid-event' || error.code === 'line-too-long' ? 'internal' : 'write-failed');
        }
        logger.error('ipc.handler-failed', { channel, error: error instanceof Error ? error.name : 'unknown' });
        return ipcFailure('internal');
      }
    },
  };
}
