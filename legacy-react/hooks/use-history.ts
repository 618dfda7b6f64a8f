import { useSyncExternalStore } from 'react';
import type { HistorySnapshot } from '../world/history-copy.ts';
import { usePageServices } from '../world/page-context.ts';

/**
 * The world's read-only copy of the router's history stack (entries and the current index).
 * It is frozen: change pages with useNavigation, never by editing this.
 *
 * @example
 * const { entries, index } = useHistory();
 * const canGoBack = index > 0;
 */
export function useHistory(): HistorySnapshot {
  const { history } = usePageServices('useHistory');
  return useSyncExternalStore(history.subscribe, () => history.current);
}
