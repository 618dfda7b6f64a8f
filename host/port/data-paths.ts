import { apiPaths, type Params, parseRequestPath } from '../../bridge/index.ts';
import { asString } from './as-values.ts';

/** How the port asks for one path the React page fetched. */
export interface DataPathCall {
  readonly path: string;
  /** AssemblyScript: `apiPaths.title(params.get("id").asString())`, or the literal path when no apiPaths function builds it. */
  readonly expression: string;
  /** Set when the path is not one a WASM page may request (the host would refuse it). */
  readonly refused?: string;
}

/**
 * Spells a fetched path as the SDK's generated `apiPaths` call that builds it (the generated copy
 * of bridge/api/paths.ts), its argument taken from the page's params when one of them has that
 * value, so the port asks for what React asks for with the same params.
 *
 * @example
 * dataPathCall('/api/titles/t0042', { id: 't0042' }).expression; // 'apiPaths.title(params.get("id").asString())'
 * dataPathCall('/api/profiles', {}).expression;                 // 'apiPaths.profiles()'
 */
export function dataPathCall(path: string, params: Params): DataPathCall {
  const parsed = parseRequestPath(path);
  if (!parsed.ok) return { path, expression: asString(path), refused: parsed.reason };
  const values = [...Object.values(parsed.request.params), ...Object.values(parsed.request.query)];
  for (const [name, build] of Object.entries(apiPaths) as [string, (...args: string[]) => string][]) {
    if (build.length !== values.length || build(...values) !== path) continue;
    const args = values.map((value) => {
      const param = Object.entries(params).find(([, given]) => given === value)?.[0];
      return param === undefined ? asString(value) : `params.get(${asString(param)}).asString()`;
    });
    return { path, expression: `apiPaths.${name}(${args.join(', ')})` };
  }
  return { path, expression: asString(path) };
}
