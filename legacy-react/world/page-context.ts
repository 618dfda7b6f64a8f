import { createContext, useContext } from 'react';
import type { BackRequest, NavigateRequest, Params, ReplaceRequest } from '../../bridge/index.ts';
import type { FocusState } from './focus-state.ts';
import type { HistoryCopy } from './history-copy.ts';

/** What a page mounted by the React world can reach; hooks read it, pages never see it directly. */
export interface PageServices {
  readonly route: string;
  readonly params: Params;
  readonly history: HistoryCopy;
  readonly focus: FocusState;
  readonly request: (message: NavigateRequest | ReplaceRequest | BackRequest) => void;
  /** Backend origin prefixed to `apiPaths` paths: "" in the browser (same origin), "http://ficus.test" in Node tests. */
  readonly apiBase: string;
  readonly fetch: typeof fetch;
}

export const PageContext = createContext<PageServices | null>(null);

/** The services of the page being rendered, or a clear error for a hook used outside a page. */
export function usePageServices(hook: string): PageServices {
  const services = useContext(PageContext);
  if (services === null) {
    throw new Error(
      `${hook}() must be called inside a page mounted by the Ficus React world (LegacyWorld.mount); it has no page here`,
    );
  }
  return services;
}
