/** The part of electron-store / conf the services use, so a service never sees which one backs it. */
export interface KeyValueStore<T extends Record<string, unknown>> {
  readonly store: T;
  readonly path: string;
  get<K extends keyof T>(key: K): T[K];
  set<K extends keyof T>(key: K, value: T[K]): void;
}

/** The options both engines (electron-store in the app, conf in Node tests) are opened with. */
export interface StoreEngineOptions<T extends Record<string, unknown>> {
  cwd: string;
  configName: string;
  schema: Record<string, unknown>;
  defaults: T;
  clearInvalidConfig: false;
  accessPropertiesByDotNotation: false;
}

export type StoreEngine<T extends Record<string, unknown>> = (options: StoreEngineOptions<T>) => KeyValueStore<T>;
