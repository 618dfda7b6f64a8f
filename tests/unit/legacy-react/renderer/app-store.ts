import { useSyncExternalStore } from 'react';

/**
 * A tiny app-level store, the way apps keep state outside components (a zustand/redux stand-in),
 * so tests can change what a page shows without reaching into React.
 */
export interface AppStore<T> {
  get(): T;
  set(next: T): void;
  subscribe(listener: () => void): () => void;
}

export function createAppStore<T>(initial: T): AppStore<T> {
  let value = initial;
  const listeners = new Set<() => void>();
  return {
    get: () => value,
    set(next) {
      value = next;
      for (const listener of listeners) listener();
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => {
        listeners.delete(listener);
      };
    },
  };
}

export function useAppStore<T>(store: AppStore<T>): T {
  return useSyncExternalStore(store.subscribe, store.get);
}
