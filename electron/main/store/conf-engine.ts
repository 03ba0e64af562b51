import Conf from 'conf';
import type { PersistedState } from '../../../shared/state/persisted';
import type { StoreEngine } from './key-value-store';

/** electron-store's own engine, for Node: the same options, schema and file format as in the app. */
export const confEngine: StoreEngine<PersistedState> = (options) => new Conf<PersistedState>(options);
