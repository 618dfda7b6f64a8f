import type { Direction } from '../../bridge/index.ts';

/** What a key press means to the app, whatever device sent it. */
export type InputAction =
  | { readonly kind: 'move'; readonly direction: Direction }
  | { readonly kind: 'select' }
  | { readonly kind: 'back' };

// Keyboard keys as browsers name them (KeyboardEvent.key), plus the names common TV remotes
// report through their browsers' key events.
const KEYS: Readonly<Record<string, InputAction>> = {
  ArrowUp: { kind: 'move', direction: 'up' },
  ArrowDown: { kind: 'move', direction: 'down' },
  ArrowLeft: { kind: 'move', direction: 'left' },
  ArrowRight: { kind: 'move', direction: 'right' },
  Enter: { kind: 'select' },
  ' ': { kind: 'select' },
  Escape: { kind: 'back' },
  Backspace: { kind: 'back' },
  BrowserBack: { kind: 'back' },
  GoBack: { kind: 'back' },
};

/**
 * Maps a key to an app action, or undefined for keys the app does not use (so they keep their
 * browser meaning).
 *
 * @example
 * window.addEventListener('keydown', (event) => {
 *   const action = actionForKey(event.key);
 *   if (action !== undefined) { event.preventDefault(); dispatch(action, event.repeat); }
 * });
 */
export function actionForKey(key: string): InputAction | undefined {
  return Object.hasOwn(KEYS, key) ? KEYS[key] : undefined;
}
