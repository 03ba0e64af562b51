import ElectronStore from 'electron-store';
import type { PersistedState } from '../../../shared/state/persisted';
import type { StoreEngine } from './key-value-store';

/** The app's store engine: electron-store, opened with the same options the Node tests give conf. */
export const electronStoreEngine: StoreEngine<PersistedState> = (options) => new ElectronStore<PersistedState>(options);
