import { EXAMPLE_PARAM, EXAMPLES_PATH } from './example-catalog.ts';

/** What the URL asks the app for instead of Ficus TV: the example index, or one example. */
export type ExampleRequest =
  | { readonly kind: 'index' }
  | { readonly kind: 'example'; readonly world: 'legacy' | 'wasm'; readonly id: string }
  | null;

/**
 * Reads the example browser's URLs: `/examples` (the index), `?example=<id>` (a React example),
 * `?wasm-example=<id>` (a WASM SDK example); anything else is the app (null).
 *
 * @example
 * exampleRequest('/', '?wasm-example=example-focus'); // { kind: 'example', world: 'wasm', id: 'example-focus' }
 */
export function exampleRequest(pathname: string, search: string): ExampleRequest {
  if (pathname.replace(/\/$/, '') === EXAMPLES_PATH) return { kind: 'index' };
  const query = new URLSearchParams(search);
  for (const world of ['legacy', 'wasm'] as const) {
    const id = query.get(EXAMPLE_PARAM[world]);
    if (id !== null) return { kind: 'example', world, id };
  }
  return null;
}
