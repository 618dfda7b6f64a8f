// wasm-pages/sdk/generated/api-paths.ts: bridge/api's apiPaths as AssemblyScript functions, so a
// WASM page requests exactly the URLs its React page does.
import { asString, generatedHeader } from './as-source.ts';

/** One path builder, as literal text and the arguments (each through encodeURIComponent) between. */
export interface PathTemplate {
  readonly name: string;
  readonly params: readonly string[];
  /** Alternating: text, param index, text, … (always starts and ends with text). */
  readonly parts: readonly (string | number)[];
}

type PathBuilder = (...args: string[]) => string;

const MARKER = (i: number) => `ficusArgument${i}x`;
/** Arguments that tell encodeURIComponent from any other spelling (spaces, reserved, non-ASCII). */
const PROBES = ['a b/c?d=e&f#g%h', 'Zoë + co', "it's (100%)", ''];

const fail = (name: string, why: string): never => {
  throw new Error(`generate-constants: bridge/api/paths.ts apiPaths.${name}: ${why}`);
};

function paramNames(name: string, builder: PathBuilder): string[] {
  // `(a, b) => …`, `a => …` (as a bundler may print it) or `function (a) { … }`.
  const source = builder.toString();
  const list =
    /^\s*(?:async\s+)?([A-Za-z_$][\w$]*)\s*=>/.exec(source)?.[1] ??
    /^\s*(?:function\b[^(]*)?\(([^)]*)\)/.exec(source)?.[1] ??
    '';
  const names = list
    .split(',')
    .map((p) => p.replace(/[:=].*$/s, '').trim())
    .filter((p) => p !== '');
  if (names.length !== builder.length || !names.every((p) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(p)))
    return fail(name, `could not read its parameter names from ${source}`);
  return names;
}

/** Fills a template in, as the generated AssemblyScript will (encodeURIComponent of each argument). */
export function renderPath(template: PathTemplate, args: readonly string[]): string {
  return template.parts
    .map((part) => (typeof part === 'string' ? part : encodeURIComponent(args[part] ?? '')))
    .join('');
}

/**
 * Reads how a path builder spells its path: called with marker arguments, then proved with
 * arguments that need escaping, so only "text + encodeURIComponent(argument) + …" passes.
 *
 * @example
 * pathTemplate('home', (profileId) => `/api/home?profile=${encodeURIComponent(profileId)}`);
 * // { name: 'home', params: ['profileId'], parts: ['/api/home?profile=', 0, ''] }
 */
export function pathTemplate(name: string, builder: PathBuilder): PathTemplate {
  const params = paramNames(name, builder);
  const out = builder(...params.map((_, i) => MARKER(i)));
  const parts: (string | number)[] = [];
  let rest = out;
  for (;;) {
    const found = params
      .map((_, i) => ({ i, at: rest.indexOf(MARKER(i)) }))
      .filter((m) => m.at >= 0)
      .sort((a, b) => a.at - b.at)[0];
    if (found === undefined) break;
    parts.push(rest.slice(0, found.at), found.i);
    rest = rest.slice(found.at + MARKER(found.i).length);
  }
  parts.push(rest);
  const template = { name, params, parts };
  for (const probe of PROBES) {
    const args = params.map((_, i) => `${probe}${i}`);
    if (renderPath(template, args) !== builder(...args))
      fail(
        name,
        `builds ${JSON.stringify(builder(...args))}, not literal text plus encodeURIComponent of each argument`,
      );
  }
  return template;
}

/**
 * The AssemblyScript text of sdk/generated/api-paths.ts: `apiPaths.<name>(…)` for each builder.
 *
 * @example
 * apiPathsFile(apiPaths); // "… export namespace apiPaths { export function profiles(): string …"
 */
export function apiPathsFile(builders: Readonly<Record<string, PathBuilder>>): string {
  const functions = Object.entries(builders).flatMap(([name, builder]) => {
    const template = pathTemplate(name, builder);
    const expression = template.parts
      .filter((part) => part !== '')
      .map((part) =>
        typeof part === 'string' ? asString(part) : `encodeURIComponent(${template.params[part] ?? ''})`,
      );
    const example = renderPath(
      template,
      template.params.map((p) => `<${p}>`),
    );
    return [
      `  /** ${asString(example).replaceAll('%3C', '<').replaceAll('%3E', '>')} (apiPaths.${name} of bridge/api/paths.ts). */`,
      `  export function ${name}(${template.params.map((p) => `${p}: string`).join(', ')}): string {`,
      `    return ${expression.length === 0 ? '""' : expression.join(' + ')};`,
      '  }',
    ];
  });
  return [
    generatedHeader(['bridge/api/paths.ts']),
    '/**',
    ' * The path (with query) of each backend endpoint, spelled as bridge/api builds it for the React',
    ' * pages and the mock backend: pass one to requestData.',
    ' *',
    ' * @example',
    ' * requestData(apiPaths.home(profileId), onHome);',
    ' */',
    'export namespace apiPaths {',
    ...functions,
    '}',
    '',
  ].join('\n');
}
