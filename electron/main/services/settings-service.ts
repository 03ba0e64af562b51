import type { PersistedState } from '../../../shared/state/persisted';
import type { StoredSettings } from '../../../shared/state/settings';
import { windowStateSchema, type WindowState } from '../../../shared/state/window-state';
import type { KeyValueStore } from '../store/key-value-store';

/**
 * This PC's settings (who uses the app here, the language, the installation id), kept in electron-store.
 *
 * Read once and kept in memory (conf re-reads its file on every access); every write goes to the store and then
 * refreshes the last good copy through `onWrite`.
 */
export class SettingsService {
  private current: PersistedState;

  constructor(
    private readonly store: KeyValueStore<PersistedState>,
    private readonly onWrite: () => void = () => undefined,
  ) {
    this.current = store.store;
  }

  get(): StoredSettings {
    return this.current.settings;
  }

  installationId(): string | undefined {
    return this.current.installationId;
  }

  setInstallationId(id: string): void {
    this.store.set('installationId', id);
    this.current = { ...this.current, installationId: id };
    this.onWrite();
  }

  windowState(): WindowState | undefined {
    return this.current.window;
  }

  /** Keep where the window was (called when it closes); an invalid state is not kept. */
  setWindowState(state: WindowState): void {
    const parsed = windowStateSchema.safeParse(state);
    if (!parsed.success) return;
    this.store.set('window', parsed.data);
    this.current = { ...this.current, window: parsed.data };
    this.onWrite();
  }

  /** Apply an already validated patch; returns whether anything changed. */
  update(patch: Partial<StoredSettings>): boolean {
    const current = this.get();
    const next: StoredSettings = { ...current, ...patch };
    if (
      next.userName === current.userName &&
      next.language === current.language &&
      next.role === current.role &&
      next.reminders === current.reminders
    )
      return false;
    this.store.set('settings', next);
    this.current = { ...this.current, settings: next };
    this.onWrite();
    return true;
  }
}
