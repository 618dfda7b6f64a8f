export { applyKey, KEYBOARD_KEYS, keyFocusKey } from './keyboard-layout.ts';
export { QUERY_PLACEHOLDER } from './query-field.tsx';
export { resultFocusKey } from './results-grid.tsx';
export { SearchPage } from './search-page.tsx';
export { SEARCH_HINT } from './search-results.tsx';
