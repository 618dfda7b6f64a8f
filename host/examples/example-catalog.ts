import { EXAMPLES } from '../../legacy-react/examples/index.ts';

/** One runnable example: a React primitive or hook, or a feature of the WASM SDK. */
export interface ExampleEntry {
  /** The page id it runs under (a React example's route, a WASM example's module id). */
  readonly id: string;
  readonly world: 'legacy' | 'wasm';
  readonly title: string;
  /** Where it opens in the app (the real host, with the mock backend). */
  readonly href: string;
}

/** The query parameters that open one example instead of Ficus TV. */
export const EXAMPLE_PARAM = { legacy: 'example', wasm: 'wasm-example' } as const;
/** Where the index of every example is served. */
export const EXAMPLES_PATH = '/examples';

/**
 * The first line of an SDK example's header comment, as its title: `// Example "focus": focusKey, …`
 * gives `focus: focusKey, …`.
 */
export function wasmExampleTitle(source: string): string | null {
  const line = /^\/\/\s*Example "([^"]+)":?\s*(.*)$/m.exec(source);
  if (line === null) return null;
  return `${line[1]}: ${(line[2] ?? '').replace(/[,;]\s*$/, '')}`;
}

/**
 * Every example of both worlds: the React world's from legacy-react/examples, the WASM SDK's
 * from the sources given (path → text; the app passes Vite's raw glob of wasm-pages/sdk/examples).
 *
 * @example
 * exampleCatalog({ '/wasm-pages/sdk/examples/focus.ts': '// Example "focus": focusKey …' });
 * // [{ id: 'example-view', world: 'legacy', … }, …, { id: 'example-focus', world: 'wasm', title: 'focus: focusKey …', href: '/?wasm-example=example-focus' }]
 */
export function exampleCatalog(wasmSources: Readonly<Record<string, string>>): ExampleEntry[] {
  const legacy = Object.entries(EXAMPLES).map(
    ([id, example]): ExampleEntry => ({
      id,
      world: 'legacy' as const,
      title: example.title,
      href: `/?${EXAMPLE_PARAM.legacy}=${id}`,
    }),
  );
  const wasm: ExampleEntry[] = [];
  for (const [path, source] of Object.entries(wasmSources)) {
    const name = /([a-z0-9-]+)\.ts$/.exec(path)?.[1];
    if (name === undefined || name === 'index') continue;
    const id = `example-${name}`;
    wasm.push({
      id,
      world: 'wasm',
      title: wasmExampleTitle(source) ?? name,
      href: `/?${EXAMPLE_PARAM.wasm}=${id}`,
    });
  }
  wasm.sort((a, b) => (a.id < b.id ? -1 : 1));
  return [...legacy, ...wasm];
}
