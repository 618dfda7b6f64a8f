import { Worker } from 'node:worker_threads';
import type { CompiledModule } from './asc-flags.ts';
import { WasmBuildError } from './build-error.ts';
import type { WasmSource } from './wasm-sources.ts';

/** Compiles sources, in-process or on worker threads; `close` ends the workers. */
export interface CompilePool {
  /**
   * Compiles `source` once a thread is free; `started` is called when it begins, `watch` wraps the
   * compile itself (the build's progress lines), not the wait for a thread.
   */
  compile(
    source: WasmSource,
    started?: () => void,
    watch?: (work: () => Promise<CompiledModule>) => Promise<CompiledModule>,
  ): Promise<CompiledModule>;
  close(): Promise<void>;
}

type Answer =
  | { job: number; ok: true; compiled: CompiledModule }
  | { job: number; ok: false; output: string };

/**
 * A pool of `size` compile workers (asc is single-threaded: on 2 cores two workers nearly halve a
 * fresh clone's first build). Each worker loads the compiler once and compiles one module at a
 * time; sources queue for the next free worker. If a worker cannot start (tsx missing, a runner
 * that forbids threads), the pool compiles in this thread instead, so the build never fails for
 * want of threads. `size` 1 compiles in-process, one module at a time, with no worker at all.
 *
 * @example
 * const pool = await compilePool(2);
 * const [a, b] = await Promise.all([pool.compile(first), pool.compile(second)]);
 * await pool.close();
 */
export async function compilePool(size: number, debug = false): Promise<CompilePool> {
  // In this thread, one compile at a time: asc is not meant to run two compiles at once.
  let queue: Promise<unknown> = Promise.resolve();
  const inProcess: CompilePool = {
    compile: (source, started, watch = (work) => work()) => {
      const next = queue.then(async () => {
        const { compileWithAsc } = await import('./asc-compile.ts');
        started?.();
        return watch(() => compileWithAsc(source, debug));
      });
      queue = next.catch(() => undefined);
      return next;
    },
    close: async () => undefined,
  };
  if (size <= 1) return inProcess;
  const started = await Promise.all(Array.from({ length: size }, startWorker));
  const workers = started.filter((worker): worker is Worker => worker !== null);
  if (workers.length === 0) return inProcess;

  const idle = [...workers];
  const waiting: (() => void)[] = [];
  const pending = new Map<
    number,
    { resolve: (compiled: CompiledModule) => void; reject: (error: Error) => void; id: string }
  >();
  let jobs = 0;
  for (const worker of workers) {
    worker.on('message', (answer: Answer) => {
      const job = pending.get(answer.job);
      if (job === undefined) return;
      pending.delete(answer.job);
      if (answer.ok) job.resolve(answer.compiled);
      else job.reject(new WasmBuildError(job.id, answer.output));
      idle.push(worker);
      waiting.shift()?.();
    });
    worker.on('error', (error) => {
      for (const [key, job] of pending) {
        pending.delete(key);
        job.reject(new WasmBuildError(job.id, `the compile worker failed: ${error.message}`));
      }
    });
  }
  const take = async (): Promise<Worker> => {
    for (;;) {
      const worker = idle.shift();
      if (worker !== undefined) return worker;
      await new Promise<void>((resolve) => waiting.push(resolve));
    }
  };
  return {
    async compile(source, started, watch = (work) => work()) {
      const worker = await take();
      const job = ++jobs;
      started?.();
      return watch(
        () =>
          new Promise<CompiledModule>((resolve, reject) => {
            pending.set(job, { resolve, reject, id: source.id });
            worker.postMessage({ job, source, debug });
          }),
      );
    },
    async close() {
      await Promise.all(workers.map((worker) => worker.terminate()));
    },
  };
}

/** A compile worker that said it is ready, or null if it could not start. */
function startWorker(): Promise<Worker | null> {
  return new Promise((resolve) => {
    let worker: Worker;
    try {
      // tsx's loader does not reach worker threads through execArgv on Node 20: the worker
      // registers it itself, then imports the build's TypeScript.
      const tsx = import.meta.resolve('tsx/esm/api');
      const entry = new URL('./asc-compile-worker.ts', import.meta.url).href;
      const code = `import(${JSON.stringify(tsx)}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); })`;
      worker = new Worker(code, { eval: true });
    } catch {
      resolve(null);
      return;
    }
    const fail = () => {
      void worker.terminate();
      resolve(null);
    };
    worker.once('error', fail);
    worker.once('exit', fail);
    worker.once('message', (message: { ready?: boolean }) => {
      worker.off('error', fail);
      worker.off('exit', fail);
      resolve(message.ready === true ? worker : null);
    });
  });
}
