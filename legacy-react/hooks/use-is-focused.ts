import { useSyncExternalStore } from 'react';
import { usePageServices } from '../world/page-context.ts';

/**
 * Whether the node with `focusKey` has focus right now. Re-renders only when the answer changes.
 *
 * @example
 * const focused = useIsFocused('tile-3');
 * <View focusKey="tile-3" backgroundColor={focused ? '#e8b04a' : '#2b3a55'} />
 */
export function useIsFocused(focusKey: string): boolean {
  const { focus } = usePageServices('useIsFocused');
  return useSyncExternalStore(focus.subscribe, () => focus.focusKey === focusKey);
}
