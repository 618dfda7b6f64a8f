import { WasmerRuntimeError } from '@wasmer/wasi';

/**
 * Thrown from the host side of a call (e.g. inside `ficus.emit`) when the page broke the ABI; it
 * unwinds through the page's frames and its message becomes the crash message as it is.
 */
export class PageProtocolError extends Error {
  override readonly name = 'PageProtocolError';
}

const firstLine = (text: string): string => text.trim().split('\n')[0]?.trim().slice(0, 500) ?? '';

/**
 * Turns whatever a call into a page threw into a readable crash message. Traps become
 * "trap: unreachable"; `proc_exit` (AssemblyScript's abort ends in it) throws wasmer's
 * WasmerRuntimeError, which is not an Error and has no message, so the message says the page
 * exited, with the code it passed to `proc_exit` when known (`exitCode`, see PageWasi), and
 * quotes the first line of its stderr, where abort writes why.
 *
 * @example
 * describeFailure(new WebAssembly.RuntimeError('unreachable'), ''); // 'trap: unreachable'
 * describeFailure(exit, 'abort: no data in page.ts(3:5)\n', 255);
 * // 'the page exited with proc_exit(255): abort: no data in page.ts(3:5)'
 */
export function describeFailure(thrown: unknown, stderr: string, exitCode: number | null = null): string {
  if (thrown instanceof PageProtocolError) return thrown.message;
  if (thrown instanceof WebAssembly.RuntimeError) return `trap: ${thrown.message}`;
  if (thrown instanceof WasmerRuntimeError || !(thrown instanceof Error)) {
    const why = firstLine(stderr);
    const exited =
      exitCode !== null
        ? `the page exited with proc_exit(${exitCode})`
        : thrown instanceof WasmerRuntimeError
          ? 'the page exited (abort or proc_exit)'
          : `the page threw ${typeof thrown}`;
    return why === '' ? exited : `${exited}: ${why}`;
  }
  // A link error (wasmer's wraps it in its own message with a stack dump): keep the line that says what.
  const link = /Import #\d+ module="[^"]*" function="[^"]*" error: [^\n]*/.exec(thrown.message);
  if (link !== null) return `link error: ${link[0]}`;
  // e.g. RangeError: Maximum call stack size exceeded (deep recursion in the page)
  return `${thrown.name}: ${firstLine(thrown.message)}`;
}
