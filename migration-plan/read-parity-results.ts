import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { type ParityFile, ParityFileError, parseParityFile } from './parity-results.ts';
import type { PageId } from './plan-schema.ts';

export interface ParityResults {
  /** The readable results files per page. */
  readonly byPage: ReadonlyMap<PageId, readonly ParityFile[]>;
  /** One line per file that could not be used (named, with why); the rest are still read. */
  readonly problems: readonly string[];
}

/**
 * Reads every `*.json` parity result in `dir` (a missing folder is "no results yet", not an error).
 *
 * @example
 * const results = readParityResults('tests/output/parity');
 * results.byPage.get('settings')?.length; // 1
 */
export function readParityResults(dir: string): ParityResults {
  let names: string[];
  try {
    names = readdirSync(dir).filter((name) => name.endsWith('.json'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { byPage: new Map(), problems: [] };
    throw error;
  }
  const byPage = new Map<PageId, ParityFile[]>();
  const problems: string[] = [];
  for (const name of names.sort()) {
    const path = join(dir, name);
    try {
      const file = parseParityFile(path, JSON.parse(readFileSync(path, 'utf8')));
      byPage.set(file.page, [...(byPage.get(file.page) ?? []), file]);
    } catch (error) {
      if (error instanceof ParityFileError) problems.push(error.message);
      else if (error instanceof SyntaxError) problems.push(`${path}: not JSON (${error.message})`);
      else throw error;
    }
  }
  return { byPage, problems };
}
