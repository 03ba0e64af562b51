import { describe, expect, it, vi } from 'vitest';
import { invokeChannels } from '../../../shared/ipc/channels';
import { appSender, startTestServices } from '../../testing/test-support';

type Listener = (event: unknown, ...args: unknown[]) => Promise<unknown>;
const registered = new Map<string, Listener>();
const other = new Map<string, unknown>([['electron-store-get-data', () => undefined]]);
vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, listener: Listener) => registered.set(channel, listener),
    removeAllListeners: (channel: string) => other.delete(channel),
  },
}));

describe('closeUncontractedChannels', () => {
  it('removes electron-store’s own renderer channel, which no contract covers', async () => {
    const { closeUncontractedChannels } = await import('./electron-ipc');
    closeUncontractedChannels();
    expect(other.has('electron-store-get-data')).toBe(false);
  });
});

describe('registerIpc (the Electron adapter)', () => {
  it('registers every channel of the contract, and each goes through the sender check', async () => {
    const { registerIpc } = await import('./electron-ipc');
    const { router } = startTestServices();
    const appContents = { id: 1 };
    const mainFrame = { url: appSender.frameUrl };
    registerIpc(router, (event) => (event as unknown as { sender: unknown }).sender === appContents);
    expect([...registered.keys()].sort()).toEqual(Object.values(invokeChannels).sort());

    const fromApp = { sender: { ...appContents, mainFrame }, senderFrame: mainFrame };
    const listener = registered.get(invokeChannels.getState) as Listener;
    // The real sender is the app's webContents object; a look-alike object is not.
    expect(await listener(fromApp)).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
    const realSender = Object.assign(appContents, { mainFrame });
    expect(await listener({ sender: realSender, senderFrame: mainFrame })).toMatchObject({ ok: true });
    expect(await listener({ sender: realSender, senderFrame: { url: appSender.frameUrl } })).toMatchObject({
      ok: false,
      error: { code: 'forbidden-sender' },
    });
    expect(await listener({ sender: realSender, senderFrame: null })).toMatchObject({ ok: false, error: { code: 'forbidden-sender' } });
  });
});
