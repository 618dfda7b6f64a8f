// Puts the machine under load for the browser load test: CPU burners on every core, and the
// whole browser (every process and thread under it) pinned to one core, the honest worst case
// of TOOLCHAIN.md where the main thread and the WASM world's worker share a core.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Burners stop by themselves after this long, should the test die without stopping them. */
const BURNER_LIFETIME_MS = 20 * 60_000;

/**
 * Starts `count` busy-looping Node processes (default two per core). Each one stops itself after
 * 20 minutes at the latest; `stop()` (call it in a finally or afterAll) kills them now, by pid.
 *
 * @example
 * const burners = startCpuBurners();
 * try { await journey(); } finally { await burners.stop(); }
 */
export function startCpuBurners(count = 2 * availableParallelism()): {
  readonly pids: number[];
  stop(): Promise<void>;
} {
  const loop = `const end = Date.now() + ${BURNER_LIFETIME_MS}; for (let i = 0; ; i++) if ((i & 0xfffff) === 0 && Date.now() > end) break;`;
  const children: ChildProcess[] = [];
  for (let i = 0; i < count; i++) children.push(spawn(process.execPath, ['-e', loop], { stdio: 'ignore' }));
  const killAll = () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
  process.once('exit', killAll);
  return {
    pids: children.flatMap((child) => (child.pid === undefined ? [] : [child.pid])),
    async stop() {
      process.off('exit', killAll);
      const exited = children.map(
        (child) =>
          new Promise<void>((resolve) => {
            if (child.exitCode !== null || child.signalCode !== null) resolve();
            else child.once('exit', () => resolve());
          }),
      );
      killAll();
      await Promise.all(exited);
    },
  };
}

/** `rootPid` and every process below it, found through /proc/<pid>/task/<tid>/children. */
export function processTree(rootPid: number): number[] {
  const seen = new Set<number>();
  const visit = (pid: number) => {
    if (seen.has(pid)) return;
    seen.add(pid);
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      return; // it exited meanwhile
    }
    for (const tid of tasks) {
      let children = '';
      try {
        children = readFileSync(`/proc/${pid}/task/${tid}/children`, 'utf8');
      } catch {
        continue;
      }
      for (const child of children.split(/\s+/)) if (child !== '') visit(Number(child));
    }
  };
  visit(rootPid);
  return [...seen];
}

/**
 * Pins every thread of every process under `rootPid` to `core` (`taskset -a -p -c`); returns the
 * pids pinned. Processes and threads started later inherit the affinity of their parent, but call
 * it again after pages and workers start: a process that raced the first pass is caught then.
 */
export async function pinProcessTree(rootPid: number, core: number): Promise<number[]> {
  const pinned: number[] = [];
  for (const pid of processTree(rootPid)) {
    try {
      await run('taskset', ['-a', '-p', '-c', String(core), String(pid)]);
      pinned.push(pid);
    } catch {
      // It exited between listing and pinning.
    }
  }
  return pinned;
}

/** Threads under `rootPid` allowed to run anywhere but `core` (empty when the pinning held), as `pid/tid: cpus`. */
export function unpinnedThreads(rootPid: number, core: number): string[] {
  const loose: string[] = [];
  for (const pid of processTree(rootPid)) {
    let tasks: string[];
    try {
      tasks = readdirSync(`/proc/${pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tasks) {
      let status: string;
      try {
        status = readFileSync(`/proc/${pid}/task/${tid}/status`, 'utf8');
      } catch {
        continue;
      }
      const cpus = /^Cpus_allowed_list:\s*(\S+)/m.exec(status)?.[1];
      if (cpus !== undefined && cpus !== String(core)) loose.push(`${pid}/${tid}: ${cpus}`);
    }
  }
  return loose;
}
