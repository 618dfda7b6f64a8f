// `npm run build:wasm`: compiles every WASM page, SDK example and test fixture that changed.
// `--pages-only` builds just the app's pages (what `npm start` needs, so it starts sooner).
// `--debug` makes a debug build (names, source maps) in dist/wasm-debug, for `npm run start:debug`.
// `--only=<id>[,<id>…]` builds just those modules (e.g. `--only=settings,example-writes`); the
// manifest keeps the other modules as they were built last.
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { buildWasmPages, WasmBuildError } from './build-pages.ts';
import { writeGeneratedConstants } from './generate-constants.ts';

const root = fileURLToPath(new URL('../..', import.meta.url));
try {
  // First the AssemblyScript constants generated from bridge/ and the React theme (a file is
  // rewritten only when its text changes, so the modules built from it stay up to date).
  for (const path of writeGeneratedConstants(root).written)
    console.log(`const ${path} rewritten from its sources`);
  const pagesOnly = process.argv.includes('--pages-only');
  const onlyFlag = process.argv.find((arg) => arg.startsWith('--only='));
  const onlyIds = onlyFlag === undefined ? null : new Set(onlyFlag.slice('--only='.length).split(','));
  const only =
    onlyIds !== null
      ? (id: string) => onlyIds.has(id)
      : pagesOnly
        ? (id: string) => !id.startsWith('example-') && !id.startsWith('fixture-')
        : undefined;
  // One compile thread per core (asc is single-threaded); FICUS_WASM_WORKERS=1 compiles in-process.
  const workers = Number(process.env['FICUS_WASM_WORKERS'] ?? availableParallelism());
  // --debug: names and source maps, into dist/wasm-debug (npm run start:debug serves it).
  const debug = process.argv.includes('--debug');
  const manifest = await buildWasmPages({
    root,
    debug,
    workers: Number.isInteger(workers) && workers > 0 ? workers : 1,
    ...(only === undefined ? {} : { only }),
  });
  console.log(
    `wasm  ${Object.keys(manifest.modules).length} modules in ${debug ? 'dist/wasm-debug' : 'dist/wasm'} (manifest.json)`,
  );
  const unknown = [...(onlyIds ?? [])].filter((id) => manifest.modules[id] === undefined);
  if (unknown.length > 0) {
    console.error(
      `--only: no module named ${unknown.join(', ')} (ids are page folders, example-<name>, fixture-<name>)`,
    );
    process.exitCode = 1;
  }
} catch (error) {
  console.error(error instanceof WasmBuildError ? error.message : error);
  process.exitCode = 1;
}
