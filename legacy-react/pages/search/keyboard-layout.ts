/** One key of the on-screen keyboard, placed on a grid of {@link KEYBOARD_COLUMNS} columns. */
export interface KeyboardKey {
  /** The character it types ("a", "7"), or "space", "delete" or "clear". */
  readonly id: string;
  readonly label: string;
  readonly row: number;
  readonly column: number;
  /** How many grid columns the key covers. */
  readonly span: number;
}

export const KEYBOARD_COLUMNS = 6;
/** Longer queries would not fit the query line above the keyboard. */
export const MAX_QUERY_LENGTH = 24;

const CHARACTERS = 'abcdefghijklmnopqrstuvwxyz0123456789';
const characterKeys: KeyboardKey[] = [...CHARACTERS].map((character, index) => ({
  id: character,
  label: character,
  row: Math.floor(index / KEYBOARD_COLUMNS),
  column: index % KEYBOARD_COLUMNS,
  span: 1,
}));
const LAST_ROW = Math.ceil(CHARACTERS.length / KEYBOARD_COLUMNS);

/** a–z and 0–9 six to a row, then a row of Space, Delete and Clear (two columns each). */
export const KEYBOARD_KEYS: readonly KeyboardKey[] = [
  ...characterKeys,
  { id: 'space', label: 'Space', row: LAST_ROW, column: 0, span: 2 },
  { id: 'delete', label: 'Delete', row: LAST_ROW, column: 2, span: 2 },
  { id: 'clear', label: 'Clear', row: LAST_ROW, column: 4, span: 2 },
];
export const KEYBOARD_ROWS = LAST_ROW + 1;

/** The focus key of a keyboard key: `key:a` … `key:9`, `key:space`, `key:delete`, `key:clear`. */
export const keyFocusKey = (keyId: string): string => `key:${keyId}`;

/**
 * The query after pressing key `keyId`: characters and spaces are appended (up to
 * {@link MAX_QUERY_LENGTH}), Delete removes the last character, Clear empties the query.
 *
 * @example
 * applyKey('dar', 'k');      // "dark"
 * applyKey('dark', 'delete'); // "dar"
 * applyKey('dark', 'clear');  // ""
 */
export function applyKey(query: string, keyId: string): string {
  switch (keyId) {
    case 'delete':
      return query.slice(0, -1);
    case 'clear':
      return '';
    case 'space':
      return query.length < MAX_QUERY_LENGTH ? `${query} ` : query;
    default:
      return query.length < MAX_QUERY_LENGTH ? query + keyId : query;
  }
}
