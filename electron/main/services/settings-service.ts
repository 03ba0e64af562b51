import type { PersistedState } from '../../../shared/state/persisted';
import type { Settings } from '../../../shared/state/settings';
import type { KeyValueStore } from '../store/key-value-store';

/** Practice name, current user and language, persisted in the store. */
export class SettingsService {
  constructor(private readonly store: KeyValueStore<PersistedState>) {}

  get(): Settings {
    return this.store.get('settings');
  }

  /** Apply an already validated patch; returns whether anything changed. */
  update(patch: Partial<Settings>): boolean {
    const current = this.get();
    const next: Settings = { ...current, ...patch };
    if (next.practiceName === current.practiceName && next.userName === current.userName && next.language === current.language) {
      return false;
    }
    this.store.set('settings', next);
    return true;
  }
}
