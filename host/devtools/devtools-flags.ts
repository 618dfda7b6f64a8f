/**
 * When the in-app devtools are offered (see host/devtools/README.md): the URL flags and the keys.
 * Part of the main bundle, so it stays this small; the overlay itself is a chunk of its own.
 */

/**
 * Keys that open and close the overlay: the backquote key of a keyboard (F12 belongs to the
 * browser), and the blue key of a TV remote (`ColorF3Blue`, as TV browsers name it), neither of
 * which the app uses.
 */
export const DEVTOOLS_KEYS: readonly string[] = ['`', 'ColorF3Blue'];

/** Whether the URL's query has the flag `name` (`?name`, `?name=`, `?name=1`; not `?name=0`/`false`). */
function hasFlag(search: string, name: string): boolean {
  const value = new URLSearchParams(search).get(name);
  return value !== null && value !== '0' && value !== 'false';
}

/**
 * Whether the URL asks for the devtools overlay, open from the start: `?devtools`, or
 * `?debug=world` (the leads' "why this world?", which the overlay's first block answers).
 *
 * @example
 * devtoolsRequested('?devtools');        // true
 * devtoolsRequested('?debug=world');     // true
 * devtoolsRequested('?fail=home:500');   // false
 * devtoolsRequested('?devtools=0');      // false
 */
export function devtoolsRequested(search: string): boolean {
  return hasFlag(search, 'devtools') || new URLSearchParams(search).get('debug') === 'world';
}

/**
 * Whether the URL asks to watch the router's machine with XState's inspection API: `?inspect`.
 *
 * @example
 * inspectRequested('?inspect&devtools'); // true
 */
export function inspectRequested(search: string): boolean {
  return hasFlag(search, 'inspect');
}

/**
 * Whether a key press toggles the overlay.
 *
 * @example
 * isDevtoolsKey('`');     // true
 * isDevtoolsKey('Enter'); // false
 */
export function isDevtoolsKey(key: string): boolean {
  return DEVTOOLS_KEYS.includes(key);
}
