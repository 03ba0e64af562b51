import { contextBridge, ipcRenderer } from 'electron';
import { eventChannels, invokeChannels } from '../../shared/ipc/channels';

/**
 * The only bridge between page and main: one named function per contract channel, plus the state stream.
 *
 * Neither ipcRenderer nor the IPC event object ever reaches the page.
 */
const api: Record<string, unknown> = {};
for (const [method, channel] of Object.entries(invokeChannels)) {
  api[method] = (...args: unknown[]) => ipcRenderer.invoke(channel, ...args);
}
api['onStateChanged'] = (listener: (snapshot: unknown) => void) => {
  const forward = (_event: unknown, snapshot: unknown) => listener(snapshot);
  ipcRenderer.on(eventChannels.stateChanged, forward);
  return () => {
    ipcRenderer.removeListener(eventChannels.stateChanged, forward);
  };
};

contextBridge.exposeInMainWorld('api', Object.freeze(api));
