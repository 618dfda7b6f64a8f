import { useMemo } from 'react';
import { type Params, ParamsSchema, RouteSchema } from '../../bridge/index.ts';
import { usePageServices } from '../world/page-context.ts';

export interface Navigation {
  /** Opens `route` on top of the current page; the router decides which world serves it. */
  navigate(route: string, params?: Params): void;
  /** Swaps the current page for `route` without adding a history entry. */
  replace(route: string, params?: Params): void;
  /** Goes back one entry, the same as the remote's Back key. */
  back(): void;
}

function checked(hook: string, route: string, params: Params): void {
  const routeCheck = RouteSchema.check(route);
  if (!routeCheck.ok)
    throw new Error(`${hook}: route "${route}" is not a route name (${routeCheck.issue.message})`);
  const paramsCheck = ParamsSchema.check(params);
  if (!paramsCheck.ok) {
    throw new Error(
      `${hook}: params for "${route}" must be strings so they fit in a URL (${paramsCheck.issue.path.slice(1)}: ${paramsCheck.issue.message})`,
    );
  }
}

/**
 * Asks the router to change pages. The page never edits history itself: the router owns it and
 * every world follows.
 *
 * @example
 * const { navigate, back } = useNavigation();
 * <View focusKey="play" onSelect={() => navigate('playback', { id: title.id })} />
 */
export function useNavigation(): Navigation {
  const { request } = usePageServices('useNavigation');
  return useMemo(
    () => ({
      navigate(route, params = {}) {
        checked('navigate', route, params);
        request({ type: 'navigate', route, params });
      },
      replace(route, params = {}) {
        checked('replace', route, params);
        request({ type: 'replace', route, params });
      },
      back() {
        request({ type: 'back' });
      },
    }),
    [request],
  );
}
