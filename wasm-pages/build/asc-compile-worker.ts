// One compile worker of the build's pool (compile-pool.ts): compiles the sources it is sent with
// the same compileWithAsc the in-process build uses, one at a time, and answers each.
import { parentPort } from 'node:worker_threads';
import { compileWithAsc } from './asc-compile.ts';
import { WasmBuildError } from './build-error.ts';
import type { WasmSource } from './wasm-sources.ts';

const port = parentPort;
if (port === null)
  throw new Error('asc-compile-worker.ts runs as a worker thread (compile-pool.ts starts it)');
port.on('message', async ({ job, source, debug }: { job: number; source: WasmSource; debug: boolean }) => {
  try {
    const compiled = await compileWithAsc(source, debug);
    port.postMessage({ job, ok: true, compiled }, [compiled.binary.buffer as ArrayBuffer]);
  } catch (error) {
    port.postMessage({
      job,
      ok: false,
      output:
        error instanceof WasmBuildError
          ? error.compilerOutput
          : error instanceof Error
            ? (error.stack ?? error.message)
            : String(error),
    });
  }
});
port.postMessage({ ready: true });
