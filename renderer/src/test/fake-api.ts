// Component tests run the real main core behind the bridge, so the fake cannot drift from main's behaviour.
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMainCore } from '../../../electron/main/core';
import { createIpcRouter } from '../../../electron/main/ipc/router';
import { createMemoryLogger } from '../../../electron/main/logger';
import { BUNDLED_PACK_FILE, loadBundledPack } from '../../../electron/main/services/advisory-source';
import { MemoryStore } from '../../../electron/main/store/memory-store';
import { AdvisoryService } from '../../../electron/main/services/advisory-service';
import { invokeChannels, type ApiMethod } from '../../../shared/ipc/channels';
import type { Api } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import { defaultPersistedState, type PersistedState } from '../../../shared/state/persisted';
import type { Notice, Snapshot } from '../../../shared/state/snapshot';

const pack = loadBundledPack(join(import.meta.dirname, '..', '..', '..', 'assets', 'packs', BUNDLED_PACK_FILE));
const APP = 'app://passwort-lotse';

/**
 * A `window.api` typed from the contract, answered by the real main core on an in-memory store, through the
 * same router (sender check, schema validation). Records every call so a test can assert what was asked.
 */
export function createFakeApi(options: { state?: Partial<PersistedState>; notices?: Notice[]; now?: () => Date } = {}) {
  const store = new MemoryStore<PersistedState>({ ...defaultPersistedState(), ...options.state });
  const core = createMainCore({
    opened: { store, ...(options.notices?.[0] ? { notice: options.notices[0] } : {}) },
    appInfo: { version: '0.1.0', dataDir: 'C:\\Users\\Empfang\\AppData\\Roaming\\Passwort-Lotse', logFile: 'C:\\…\\passwort-lotse.log' },
    logger: createMemoryLogger(),
    advisory: new AdvisoryService({
      bundled: pack,
      trustedKeys: [],
      installedFile: join(tmpdir(), `pl-none-${Date.now()}`, 'x.json'),
      logger: createMemoryLogger(),
    }),
    clock: options.now ?? (() => new Date('2026-11-28T13:32:00Z')),
  });
  const router = createIpcRouter(core.handlers, { appOrigin: APP, logger: createMemoryLogger() });
  const calls: { method: ApiMethod; args: unknown[] }[] = [];
  const api = { onStateChanged: (listener: (s: Snapshot) => void) => core.subscribe(listener) } as Record<string, unknown>;
  for (const [method, channel] of Object.entries(invokeChannels) as [ApiMethod, string][]) {
    api[method] = (...args: unknown[]) => {
      calls.push({ method, args });
      return router.invoke(channel, { frameUrl: `${APP}/index.html`, isMainFrame: true, isAppWindow: true }, args) as Promise<
        IpcResult<unknown>
      >;
    };
  }
  return { api: api as unknown as Api, calls, core, store };
}
