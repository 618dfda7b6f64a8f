/**
 * A port's rejection as one readable line for `pageFailed` and `failed`. Worlds reject with
 * anything: an Error, a string, or a plain object (a WASI `proc_exit` reaches us as `{ ptr }`,
 * see TOOLCHAIN.md), and the host's breaker and the viewer-facing error need text either way.
 *
 * @example
 * describeReason(new Error('trap: unreachable')); // 'trap: unreachable'
 * describeReason({ ptr: 42 });                    // '{"ptr":42}'
 */
export function describeReason(error: unknown): string {
  if (error instanceof Error) return error.message === '' ? error.name : error.message;
  if (typeof error === 'string') return error === '' ? 'no reason given' : error;
  if (error === undefined) return 'no reason given';
  try {
    return JSON.stringify(error) ?? String(error);
  } catch {
    return String(error);
  }
}
