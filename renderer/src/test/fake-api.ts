import type { ApiMethod } from '../../../shared/ipc/channels';
import { contract, type Api } from '../../../shared/ipc/contract';
import { ipcFailure } from '../../../shared/ipc/result';
import type { Snapshot } from '../../../shared/state/snapshot';

export function sampleSnapshot(overrides: Partial<Snapshot> = {}): Snapshot {
  return {
    settings: { practiceName: '', userName: '', language: 'de' },
    notices: [],
    app: { version: '0.1.0', dataDir: 'C:\\Users\\Empfang\\AppData\\Roaming\\Passwort-Lotse', logFile: 'C:\\…\\passwort-lotse.log' },
    ...overrides,
  };
}

/**
 * A fake `window.api` typed from the contract: it validates arguments with the contract's own schemas,
 * records every call, and answers from an in-memory snapshot it pushes to subscribers like main does.
 */
export function createFakeApi(initial: Snapshot = sampleSnapshot()) {
  let snapshot = initial;
  const calls: { method: ApiMethod; args: unknown[] }[] = [];
  const listeners = new Set<(next: Snapshot) => void>();
  const push = (next: Snapshot) => {
    snapshot = next;
    for (const listener of listeners) listener(next);
    return { ok: true as const, value: next };
  };
  const checked = (method: ApiMethod, args: unknown[]) => {
    calls.push({ method, args });
    return contract[method].args.safeParse(args).success;
  };
  const api: Api = {
    getState: async () => (checked('getState', []) ? { ok: true, value: snapshot } : ipcFailure('invalid-arguments')),
    updateSettings: async (patch) => {
      if (!checked('updateSettings', [patch])) return ipcFailure('invalid-arguments');
      const parsed = contract.updateSettings.args.parse([patch])[0];
      return push({ ...snapshot, settings: { ...snapshot.settings, ...parsed } });
    },
    dismissNotice: async (args) => {
      if (!checked('dismissNotice', [args])) return ipcFailure('invalid-arguments');
      return push({ ...snapshot, notices: snapshot.notices.filter((notice) => notice.id !== args.id) });
    },
    onStateChanged: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
  return { api, calls, current: () => snapshot, push };
}
