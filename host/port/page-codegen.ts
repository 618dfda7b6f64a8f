import type { PropValue } from '../../bridge/index.ts';
import { type AsNames, asSetter, asString, newAsNames } from './as-values.ts';
import { type DataPathCall, dataPathCall } from './data-paths.ts';
import type { LookChange } from './focus-looks.ts';
import { markedOrder, pathKey, sceneBody } from './scene-codegen.ts';
import type { PageSnapshot } from './snapshot.ts';

/** Where the generated page's files import the SDK and the shared theme from (relative to the page's folder). */
export interface PageImports {
  /** `"../../sdk"` for a page in wasm-pages/pages/<route>/. */
  readonly sdk: string;
  /** `"../shared/theme"`. */
  readonly theme: string;
}

/** The AssemblyScript files of a scaffolded page: name → text. */
export type PageFiles = Readonly<Record<'page.ts' | 'scene.ts' | 'looks.ts', string>>;

const GENERATED = (route: string, source: string) =>
  `// Scaffolded by \`npm run port -- ${route}\` from the React page (${source}), the ground truth.`;

/** "port-example" → "PortExamplePage". */
export const className = (route: string): string =>
  `${route
    .split(/[^A-Za-z0-9]+/)
    .filter((part) => part.length > 0)
    .map((part) => `${part[0]?.toUpperCase() ?? ''}${part.slice(1)}`)
    .join('')}Page`;

function importLine(names: ReadonlySet<string>, from: string): string | null {
  return names.size === 0 ? null : `import { ${[...names].sort().join(', ')} } from ${asString(from)};`;
}

/** scene.ts: the first (loading) scene and the settled one, as SDK calls. */
function sceneFile(
  snapshot: PageSnapshot,
  imports: PageImports,
  marked: ReadonlySet<string>,
  source: string,
): string {
  const names = newAsNames();
  const settled = sceneBody(snapshot.settled, 'parent', marked, names);
  const first = snapshot.reads.length === 0 ? null : sceneBody(snapshot.first, 'parent', new Set(), names);
  names.sdk.add('Node');
  return [
    GENERATED(snapshot.route, source),
    '// The static scenes as the React page drew them when it was snapshotted: replace the literal',
    '// texts, images and repeated nodes by ones built from the data (see TODO(port) in page.ts).',
    importLine(names.sdk, imports.sdk),
    importLine(names.theme, imports.theme),
    '',
    ...(first === null
      ? []
      : [
          "/** The scene before the data answered (React's loading state). */",
          'export function buildFirstScene(parent: Node): void {',
          first,
          '}',
          '',
        ]),
    '/** The settled scene, nothing focused. Nodes whose look focus changes go into `marked` (see looks.ts). */',
    'export function buildScene(parent: Node, marked: Node[]): void {',
    settled,
    '}',
    '',
  ]
    .filter((line) => line !== null)
    .join('\n');
}

function lookCalls(
  changes: readonly LookChange[],
  index: ReadonlyMap<string, number>,
  focused: boolean,
  names: AsNames,
) {
  const byNode = new Map<string, string[]>();
  for (const change of changes) {
    const value: PropValue | undefined = focused ? change.focused : change.blurred;
    const key = pathKey(change.path);
    byNode.set(key, [...(byNode.get(key) ?? []), asSetter(change.prop, value, names)]);
  }
  return [...byNode].map(
    ([key, setters]) => `unchecked(marked[${index.get(key) ?? -1}])${setters.join('')};`,
  );
}

/** looks.ts: what focusing each key changes, as React's useIsFocused/onFocus changed it. */
function looksFile(
  snapshot: PageSnapshot,
  imports: PageImports,
  order: readonly string[],
  source: string,
): string {
  const names = newAsNames();
  names.sdk.add('Node');
  const index = new Map(order.map((key, i) => [key, i]));
  const branches: string[] = [];
  for (const look of snapshot.looks) {
    if (look.kind !== 'props' || look.changes.length === 0) continue;
    const on = lookCalls(look.changes, index, true, names);
    const off = lookCalls(look.changes, index, false, names);
    branches.push(
      `  if (key == ${asString(look.key)}) {`,
      '    if (focused) {',
      ...on.map((line) => `      ${line}`),
      '    } else {',
      ...off.map((line) => `      ${line}`),
      '    }',
      '    return;',
      '  }',
    );
  }
  return [
    GENERATED(snapshot.route, source),
    '// What focusing each key changes in the settled scene, read by focusing each one alone: a look',
    '// that depends on more than the focused key (a hero showing the focused tile, a list scrolled',
    '// by where focus came from) is only right for what the scaffold saw: port those by hand.',
    importLine(names.sdk, imports.sdk),
    importLine(names.theme, imports.theme),
    '',
    '/** Restyles the nodes `key` changes: its focused look, or back to the look without focus. */',
    `export function applyLook(marked: Node[], key: string, focused: bool): void {`,
    '  if (marked.length == 0) return; // the settled scene is not built yet',
    ...branches,
    '}',
    '',
  ]
    .filter((line) => line !== null)
    .join('\n');
}

/** page.ts: the Page class: first scene, data requests, the settled scene, focus looks. */
function pageFile(
  snapshot: PageSnapshot,
  imports: PageImports,
  calls: readonly DataPathCall[],
  source: string,
): string {
  const name = className(snapshot.route);
  const data = calls.length > 0;
  const sdk = [
    'FocusEvent',
    'Node',
    'Page',
    'registerPage',
    'root',
    'Value',
    ...(data ? ['DataResult', 'requestData'] : []),
  ];
  return [
    GENERATED(snapshot.route, source),
    `// Route "${snapshot.route}": it draws the React page's first scene, asks for the same data, and`,
    '// draws the settled scene once every answer is in; focus restyles what it restyled in React.',
    '// Parity: tests/unit/parity/<route>.parity.test.tsx (scaffolded with it). Left to do: TODO(port).',
    importLine(new Set(sdk), imports.sdk),
    ...(data ? [`import { apiPaths } from ${asString(`${imports.sdk}/generated/api-paths`)};`] : []),
    `import { applyLook } from "./looks";`,
    `import { ${data ? 'buildFirstScene, ' : ''}buildScene } from "./scene";`,
    '',
    ...(data
      ? [
          `/** The GET requests the React page made on mount; the settled scene waits for all of them. */`,
          `const DATA_REQUESTS: i32 = ${calls.length};`,
          '',
          '// Handlers and callbacks are plain functions (no captures): they reach the page through `page`.',
          'function onData(result: DataResult): void {',
          '  page.dataArrived(result);',
          '}',
          '',
        ]
      : []),
    `class ${name} extends Page {`,
    '  /** The nodes whose look focus changes (looks.ts), once the settled scene is built. */',
    '  marked: Node[] = [];',
    ...(data ? ['  answered: i32 = 0;'] : []),
    '',
    '  mount(params: Value): void {',
    ...(data
      ? [
          '    buildFirstScene(root());',
          ...calls.flatMap((call) => [
            ...(call.refused === undefined
              ? []
              : [`    // TODO(port): the host refuses this path: ${call.refused}`]),
            `    requestData(${call.expression}, onData); // ${call.path}`,
          ]),
        ]
      : [
          "    // TODO(port): the scene does not depend on `params` yet; React's may.",
          '    buildScene(root(), this.marked);',
        ]),
    '  }',
    '',
    ...(data
      ? [
          '  dataArrived(result: DataResult): void {',
          '    // TODO(port): build the scene from `result.body` (result.path says which answer it is)',
          '    // instead of the static one, and show an error panel with Retry when !result.ok, as',
          '    // React does (pages/shared/status-panels.ts).',
          '    this.answered++;',
          '    if (this.answered < DATA_REQUESTS) return;',
          '    root().removeChildren();',
          '    buildScene(root(), this.marked);',
          '  }',
          '',
        ]
      : []),
    '  onFocus(event: FocusEvent): void {',
    '    applyLook(this.marked, event.focusKey, true);',
    '  }',
    '',
    '  onBlur(event: FocusEvent): void {',
    '    applyLook(this.marked, event.focusKey, false);',
    '  }',
    '',
    '  // TODO(port): onSelect (navigate/back/sendData, as the React onSelect handlers do) and onArrow.',
    '}',
    '',
    `const page = new ${name}();`,
    `export * from ${asString(`${imports.sdk}/exports`)};`,
    'registerPage(page);',
    '',
  ]
    .filter((line) => line !== null)
    .join('\n');
}

/**
 * The three AssemblyScript files of a first WASM page for a snapshotted React page: `page.ts`
 * (the Page: first scene, data requests, settled scene, focus looks), `scene.ts` (the static
 * scenes as SDK calls) and `looks.ts` (what focusing each key changes).
 *
 * @example
 * const files = pageFiles(snapshot, { sdk: '../../sdk', theme: '../shared/theme' }, 'legacy-react/pages/settings/');
 * writeFileSync('wasm-pages/pages/settings/page.ts', files['page.ts']);
 */
export function pageFiles(snapshot: PageSnapshot, imports: PageImports, source: string): PageFiles {
  const marked = new Set(
    snapshot.looks.flatMap((look) =>
      look.kind === 'props' ? look.changes.map((change) => pathKey(change.path)) : [],
    ),
  );
  const order = markedOrder(snapshot.settled, marked);
  const calls = snapshot.reads.map((path) => dataPathCall(path, snapshot.params));
  return {
    'page.ts': pageFile(snapshot, imports, calls, source),
    'scene.ts': sceneFile(snapshot, imports, marked, source),
    'looks.ts': looksFile(snapshot, imports, order, source),
  };
}
