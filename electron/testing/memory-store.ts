import type { KeyValueStore } from '../main/store/key-value-store';

/** An in-memory store with the same interface, for component tests (GitHub Desktop keeps one too). */
export class MemoryStore<T extends Record<string, unknown>> implements KeyValueStore<T> {
  readonly path = ':memory:';
  private data: T;

  constructor(initial: T) {
    this.data = structuredClone(initial);
  }

  get store(): T {
    return structuredClone(this.data);
  }

  get<K extends keyof T>(key: K): T[K] {
    return structuredClone(this.data[key]);
  }

  set<K extends keyof T>(key: K, value: T[K]): void {
    this.data = { ...this.data, [key]: structuredClone(value) };
  }
}
