import { createRequire } from 'node:module';
import { relative } from 'node:path';
import asc from 'assemblyscript/asc';
import { ASC_FLAGS, type CompiledModule, DEBUG_FLAGS, START_EXPORT, sourceMapName } from './asc-flags.ts';
import { WasmBuildError } from './build-error.ts';
import { CollectOnReturn } from './collect-on-return.ts';
import type { WasmSource } from './wasm-sources.ts';

const require = createRequire(import.meta.url);
const wasiShimConfig = require.resolve('@assemblyscript/wasi-shim/asconfig.json');

/**
 * Compiles one AssemblyScript page module with the page flags and the collect-on-return
 * transform (with `debug`, also names and a source map); loaded by build-pages.ts only when
 * something must compile.
 *
 * @example
 * const binary = await compileWithAsc(source); // throws WasmBuildError with asc's output
 */
export async function compileWithAsc(source: WasmSource, debug = false): Promise<CompiledModule> {
  let binary: Uint8Array | undefined;
  let sourceMap: string | null = null;
  const output: string[] = [];
  const stream = { write: (chunk: string | Uint8Array) => void output.push(String(chunk)) };
  // asc misreads the config's own relative `lib` when given an absolute config path, so it gets
  // one relative to the working directory, which is where asc resolves it from.
  const config = relative(process.cwd(), wasiShimConfig);
  const { error } = await asc.main(
    [
      source.entry,
      '--config',
      config,
      ...ASC_FLAGS,
      ...(debug ? [...DEBUG_FLAGS, '--sourceMap', sourceMapName(source.id)] : []),
      '--outFile',
      'page.wasm',
    ],
    {
      stdout: stream,
      stderr: stream,
      transforms: [new CollectOnReturn(START_EXPORT)],
      writeFile: (name, contents) => {
        if (name.endsWith('.wasm') && contents instanceof Uint8Array) binary = contents;
        if (name.endsWith('.map'))
          sourceMap = typeof contents === 'string' ? contents : new TextDecoder().decode(contents);
      },
    },
  );
  if (error !== null || binary === undefined)
    throw new WasmBuildError(source.id, output.join('') || String(error));
  return { binary, sourceMap };
}
