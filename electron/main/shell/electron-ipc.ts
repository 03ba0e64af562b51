import { ipcMain, type BrowserWindow, type IpcMainInvokeEvent } from 'electron';
import { eventChannels } from '../../../shared/ipc/channels';
import type { Snapshot } from '../../../shared/state/snapshot';
import type { IpcRouter, SenderInfo } from '../ipc/router';

/** The only place that touches ipcMain: every channel of the contract goes through the router. */
export function registerIpc(router: IpcRouter, isAppWindow: (event: IpcMainInvokeEvent) => boolean): void {
  for (const channel of router.channels) {
    ipcMain.handle(channel, (event, ...args: unknown[]) => router.invoke(channel, senderInfo(event, isAppWindow), args));
  }
}

function senderInfo(event: IpcMainInvokeEvent, isAppWindow: (event: IpcMainInvokeEvent) => boolean): SenderInfo | null {
  const frame = event.senderFrame;
  if (!frame) return null;
  return { frameUrl: frame.url, isMainFrame: frame === event.sender.mainFrame, isAppWindow: isAppWindow(event) };
}

/**
 * electron-store answers a synchronous `electron-store-get-data` message from any renderer (user-data path and
 * version), for renderers that open a store themselves. Ours never do, so that channel, which no contract or
 * sender check covers, is closed.
 */
export function closeUncontractedChannels(): void {
  ipcMain.removeAllListeners('electron-store-get-data');
}

/** The only place that touches webContents.send. */
export function pushState(window: BrowserWindow | null, snapshot: Snapshot): void {
  if (window && !window.isDestroyed()) window.webContents.send(eventChannels.stateChanged, snapshot);
}
