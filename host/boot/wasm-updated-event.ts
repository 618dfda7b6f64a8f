/** The dev server's message that WASM modules were rebuilt: `{ ids: ['settings', …] }`. */
export const WASM_UPDATED_EVENT = 'ficus:wasm-updated';

/**
 * The module ids of a `ficus:wasm-updated` message, checked (it crosses from the dev server);
 * anything malformed gives none.
 *
 * @example
 * wasmUpdatedIds({ ids: ['settings'] }); // ['settings']
 */
export function wasmUpdatedIds(data: unknown): string[] {
  const ids = typeof data === 'object' && data !== null ? (data as { ids?: unknown }).ids : undefined;
  return Array.isArray(ids)
    ? ids.filter((id): id is string => typeof id === 'string' && /^[a-z0-9-]{1,64}$/.test(id))
    : [];
}
