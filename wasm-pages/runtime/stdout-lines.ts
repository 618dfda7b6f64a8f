import type { LOG_LEVELS } from '../../bridge/index.ts';

export type LogLevel = (typeof LOG_LEVELS)[number];

export interface StdoutLine {
  readonly level: LogLevel;
  readonly message: string;
}

// What @assemblyscript/wasi-shim's console.debug/info/warn/error put before the text (all go to stdout).
const PREFIXES: readonly (readonly [string, LogLevel])[] = [
  ['Debug: ', 'debug'],
  ['Info: ', 'info'],
  ['Warning: ', 'warn'],
  ['Error: ', 'error'],
];

function classify(line: string): StdoutLine {
  for (const [prefix, level] of PREFIXES) {
    if (line.startsWith(prefix)) return { level, message: line.slice(prefix.length) };
  }
  return { level: 'info', message: line };
}

/**
 * Splits what a page writes to stdout into log lines. Text after the last newline waits for
 * the rest of its line (a page may write one line in several calls) until `flush`.
 *
 * @example
 * const lines = new StdoutLines();
 * lines.push('Warning: slow\nhal'); // [{ level: 'warn', message: 'slow' }]
 * lines.flush();                    // [{ level: 'info', message: 'hal' }]
 */
export class StdoutLines {
  private partial = '';

  push(text: string): StdoutLine[] {
    if (text === '') return [];
    const parts = (this.partial + text).split('\n');
    this.partial = parts.pop() ?? '';
    return parts.map(classify);
  }

  flush(): StdoutLine[] {
    const rest = this.partial;
    this.partial = '';
    return rest === '' ? [] : [classify(rest)];
  }
}
