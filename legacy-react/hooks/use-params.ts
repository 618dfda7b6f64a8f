import type { Params } from '../../bridge/index.ts';
import { usePageServices } from '../world/page-context.ts';

/**
 * The params this page was opened with (strings, as in the URL).
 *
 * @example
 * const { id } = useParams();
 */
export function useParams(): Params {
  return usePageServices('useParams').params;
}
