/**
 * A Suspense-ready data cache, the way data libraries feed React's `use`: `read(id)` returns the
 * same promise for an id until it settles; `preload` stores an already fulfilled one (marked the
 * way React recognises, so it renders without suspending); `resolve` settles a pending one.
 */
export function createTitleCache() {
  const promises = new Map<string, Promise<string>>();
  const resolvers = new Map<string, (title: string) => void>();
  return {
    read(id: string): Promise<string> {
      let promise = promises.get(id);
      if (promise === undefined) {
        promise = new Promise<string>((resolve) => resolvers.set(id, resolve));
        promises.set(id, promise);
      }
      return promise;
    },
    preload(id: string, title: string): void {
      promises.set(id, Object.assign(Promise.resolve(title), { status: 'fulfilled' as const, value: title }));
    },
    resolve(id: string, title: string): void {
      const resolve = resolvers.get(id);
      if (resolve === undefined) throw new Error(`nobody is waiting for "${id}"`);
      resolve(title);
    },
  };
}
