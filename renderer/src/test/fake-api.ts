// Component tests run the real main core behind the bridge, so the fake cannot drift from main's behaviour.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createMainCore } from '../../../electron/main/core';
import { createIpcRouter } from '../../../electron/main/ipc/router';
import { createMemoryLogger } from '../../../electron/main/logger';
import { BUNDLED_PACK_FILE, loadBundledPack } from '../../../electron/main/services/advisory-source';
import { MemoryStore } from '../../../electron/testing/memory-store';
import { AdvisoryService } from '../../../electron/main/services/advisory-service';
import { RecordService } from '../../../electron/main/services/record-service';
import { SettingsService } from '../../../electron/main/services/settings-service';
import type { Pack } from '../../../shared/advisory/pack-schema';
import type { Profile } from '../../../shared/domain/profile';
import { invokeChannels, type ApiMethod } from '../../../shared/ipc/channels';
import type { Api } from '../../../shared/ipc/contract';
import type { IpcResult } from '../../../shared/ipc/result';
import { defaultPersistedState, type PersistedState } from '../../../shared/state/persisted';
import type { Settings } from '../../../shared/state/settings';
import type { Notice, Snapshot } from '../../../shared/state/snapshot';

const pack = loadBundledPack(join(import.meta.dirname, '..', '..', '..', 'assets', 'packs', BUNDLED_PACK_FILE));
/** A copy of the bundled pack, for a test that changes it and passes it as `pack` to createFakeApi. */
export const bundledTestPack = (): Pack => structuredClone(pack);
const APP = 'app://passwort-lotse';
const INSTALLATION = '00000000-0000-4000-8000-00000000c0de';

/**
 * A `window.api` typed from the contract, answered by the real main core (settings in memory, the journal in a
 * temp folder), through the same router (sender check, schema validation). Records every call so a test can
 * assert what was asked. `state` seeds the settings and, as journal events, the practice name and profile; `pack`
 * replaces the bundled advisory pack (e.g. one with texts of the test's own in German and English).
 */
export function createFakeApi(
  options: {
    state?: { settings?: Partial<Settings>; profile?: Profile };
    notices?: Notice[];
    now?: () => Date;
    pack?: Pack;
    /** Another session holds the record (main's lock): everything shown, nothing recorded. */
    readOnly?: boolean;
  } = {},
) {
  const { practiceName = '', ...stored } = options.state?.settings ?? {};
  const store = new MemoryStore<PersistedState>({
    ...defaultPersistedState(),
    installationId: INSTALLATION,
    settings: { ...defaultPersistedState().settings, ...stored },
  });
  const clock = options.now ?? (() => new Date('2026-11-28T13:32:00Z'));
  const record = new RecordService({
    dir: mkdtempSync(join(tmpdir(), 'pl-fake-')),
    installationId: INSTALLATION,
    osUser: 'empfang',
    clock,
  });
  const by = stored.userName ?? '';
  if (practiceName) record.append({ kind: 'names-changed', by, data: { practice: { from: '', to: practiceName } } });
  if (options.state?.profile) record.append({ kind: 'profile-saved', by, data: { profile: options.state.profile, changes: [] } });
  const core = createMainCore({
    settings: new SettingsService(store),
    record,
    notices: options.notices ?? [],
    ...(options.readOnly ? { recordWritable: () => false } : {}),
    appInfo: { version: '0.1.0', dataDir: 'C:\\Users\\Empfang\\AppData\\Roaming\\Passwort-Lotse', logFile: 'C:\\…\\passwort-lotse.log' },
    logger: createMemoryLogger(),
    advisory: new AdvisoryService({
      bundled: options.pack ?? pack,
      trustedKeys: [],
      installedFile: join(tmpdir(), `pl-none-${Date.now()}`, 'x.json'),
      logger: createMemoryLogger(),
    }),
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
