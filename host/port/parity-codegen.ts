import type { PageSnapshot } from './snapshot.ts';

/** Where the generated parity test imports from (relative to its own folder, with extensions). */
export interface ParityImports {
  /** tests/support/parity.ts */
  readonly parity: string;
  /** host/mock-backend/mock-backend.ts */
  readonly mockBackend: string;
  /** The module holding the React pages by route (legacy-react/pages/index.ts). */
  readonly pages: string;
  /** Its export holding them (`LEGACY_PAGES`). */
  readonly pagesExport: string;
  /**
   * The folder of the built module, relative to the test's folder, when it is not the project's
   * dist/wasm (a port written with --out); the test then passes it to runParity.
   */
  readonly wasmDir?: string;
}

const quote = (value: string) => `'${value.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;

/**
 * A parity test skeleton for the port: one run of the script the scaffold played on the React
 * page (mount with the snapshot's params, settle, initial focus, then the presses of its focus
 * walk), expecting no difference and, after each step, the focused key React had; plus the cases
 * left to write by hand.
 *
 * @example
 * writeFileSync('tests/unit/parity/settings.parity.test.tsx', parityTest(snapshot, imports));
 */
export function parityTest(snapshot: PageSnapshot, imports: ParityImports): string {
  const { route, walk } = snapshot;
  const params = `{ ${Object.entries(snapshot.params)
    .map(([name, value]) => `${/^[A-Za-z_$][\w$]*$/.test(name) ? name : quote(name)}: ${quote(value)}`)
    .join(', ')} }`.replace('{  }', '{}');
  const steps = [
    `  { do: 'mount', params: ${params} },`,
    `  { do: 'settle' },`,
    `  { do: 'focusInitial' }, // ${walk.initial ?? 'nothing focusable'}`,
    ...walk.steps.map(
      (step) => `  { do: 'press', direction: '${step.direction}' }, // ${step.focused ?? 'nothing'}`,
    ),
  ];
  const focused = [null, null, walk.initial, ...walk.steps.map((step) => step.focused)];
  const needsPath = imports.wasmDir !== undefined;
  return [
    `// Scaffolded by \`npm run port -- ${route}\`: the React page (ground truth) and its WASM port play`,
    '// the same script; after every step the scenes, the focused key, the navigation and the backend',
    '// requests must be equal (tests/support/parity.ts). The script is the walk the scaffold made',
    "// through the page's focus keys; FOCUSED is what React had focused after each step then.",
    ...(walk.unreached.length === 0
      ? []
      : [`// Not reached by arrow keys from the initial focus: ${walk.unreached.join(', ')}.`]),
    ...(needsPath ? ["import { fileURLToPath } from 'node:url';"] : []),
    "import { setupServer } from 'msw/node';",
    "import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';",
    `import { createMockBackend } from ${quote(imports.mockBackend)};`,
    `import { ${imports.pagesExport} } from ${quote(imports.pages)};`,
    `import { type ParityStep, runParity } from ${quote(imports.parity)};`,
    '',
    '// A fresh mock backend for each test (both worlds read it through msw).',
    'const server = setupServer();',
    "beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));",
    'beforeEach(() => server.resetHandlers(...createMockBackend().handlers));',
    'afterAll(() => server.close());',
    '',
    `const react = ${imports.pagesExport}[${quote(route)}];`,
    `if (react === undefined) throw new Error(${quote(`${imports.pagesExport} has no page "${route}" any more`)});`,
    `const PAGE = { route: ${quote(route)}, react, wasm: ${quote(route)} } as const;`,
    ...(needsPath
      ? [
          `const OPTIONS = { wasmDir: fileURLToPath(new URL(${quote(imports.wasmDir ?? '')}, import.meta.url)) };`,
        ]
      : []),
    '',
    'const SCRIPT: readonly ParityStep[] = [',
    ...steps,
    '];',
    '/** The key the React page had focused after each step of SCRIPT when the port was scaffolded. */',
    `const FOCUSED: readonly (string | null)[] = [${focused.map((key) => (key === null ? 'null' : quote(key))).join(', ')}];`,
    '',
    `describe('${route} parity (React page vs WASM port)', () => {`,
    "  it('mounts, settles and walks the focus keys the same way', async () => {",
    `    const report = await runParity(PAGE, SCRIPT${needsPath ? ', OPTIONS' : ''});`,
    '    expect(report.differences).toEqual([]);',
    '    expect(report.steps).toBe(SCRIPT.length);',
    '    expect(report.after.map((after) => after.focused)).toEqual(FOCUSED);',
    '  });',
    '',
    '  // TODO(port): what the scaffold cannot script: select on each focus key (navigation, writes),',
    '  // backend failures on the load and Retry (backend.fail(..., { times: 2 }): each world makes its',
    '  // own request), other params, timers (`wait` steps). See tests/unit/parity/settings.parity.test.tsx.',
    '});',
    '',
  ].join('\n');
}
