import ElectronStore from 'electron-store';
import type { PersistedState } from '../../../shared/state/persisted';
import type { StoreEngine } from '../store/key-value-store';

/**
 * The app's store engine: electron-store, opened with the same options the Node tests give conf.
 *
 * electron-store names the file from its own `name` option (default "config") and overwrites conf's
 * `configName` with it, so the name is passed as `name` too; otherwise recovery would watch the wrong file.
 */
export const electronStoreEngine: StoreEngine<PersistedState> = (options) =>
  new ElectronStore<PersistedState>({ ...options, name: options.configName });
