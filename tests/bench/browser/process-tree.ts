import { execFile } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** One process as /proc/<pid>/stat describes it. */
export interface ProcessInfo {
  readonly pid: number;
  readonly ppid: number;
  readonly comm: string;
}

/**
 * Parses one /proc/<pid>/stat line. The command name sits in parentheses and may itself hold
 * spaces and parentheses, so the fields are read after the LAST ')'.
 *
 * @example
 * parseStat('4242 (chromium (x)) S 4200 ...'); // { pid: 4242, ppid: 4200, comm: 'chromium (x)' }
 */
export function parseStat(line: string): ProcessInfo | null {
  const open = line.indexOf('(');
  const close = line.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const pid = Number(line.slice(0, open).trim());
  const fields = line
    .slice(close + 1)
    .trim()
    .split(/\s+/);
  const ppid = Number(fields[1]);
  if (!Number.isInteger(pid) || !Number.isInteger(ppid)) return null;
  return { pid, ppid, comm: line.slice(open + 1, close) };
}

/**
 * Every process below `root` (children, their children, …), found from each process's parent id.
 *
 * @example
 * descendants([{ pid: 2, ppid: 1, comm: 'a' }, { pid: 3, ppid: 2, comm: 'b' }], 1); // both
 */
export function descendants(processes: readonly ProcessInfo[], root: number): ProcessInfo[] {
  const children = new Map<number, ProcessInfo[]>();
  for (const info of processes) {
    const list = children.get(info.ppid) ?? [];
    list.push(info);
    children.set(info.ppid, list);
  }
  const found: ProcessInfo[] = [];
  const queue = [root];
  for (let pid = queue.shift(); pid !== undefined; pid = queue.shift()) {
    for (const child of children.get(pid) ?? []) {
      found.push(child);
      queue.push(child.pid);
    }
  }
  return found;
}

function readProcesses(): ProcessInfo[] {
  const processes: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const info = parseStat(readFileSync(`/proc/${entry}/stat`, 'utf8'));
      if (info !== null) processes.push(info);
    } catch {
      // The process ended between readdir and read.
    }
  }
  return processes;
}

/**
 * The browser's processes: every Chromium process below this Node process (playwright launches the
 * browser as our child; the tsx/esbuild helpers are left out by name).
 */
export function browserProcesses(root: number = process.pid): ProcessInfo[] {
  return descendants(readProcesses(), root).filter((info) => /chrom/i.test(info.comm));
}

/** What pinning found: how many processes, and any that are not on CPU 0 afterwards. */
export interface PinReport {
  readonly processes: number;
  readonly threads: number;
  readonly notPinned: readonly string[];
}

/**
 * Puts every thread of every browser process on CPU 0 (`taskset -a -p -c 0 PID`), then reads the
 * threads' affinity back. Chromium starts renderers lazily, so call it again after pages load.
 * A process that ends meanwhile is skipped.
 */
export async function pinBrowserToCpu0(): Promise<PinReport> {
  const processes = browserProcesses();
  if (processes.length === 0)
    throw new Error('pinBrowserToCpu0: no Chromium process found below this Node process');
  await Promise.all(
    processes.map((info) => run('taskset', ['-a', '-p', '-c', '0', String(info.pid)]).catch(() => undefined)),
  );
  let threads = 0;
  const notPinned: string[] = [];
  for (const info of processes) {
    let tids: string[];
    try {
      tids = readdirSync(`/proc/${info.pid}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        const status = readFileSync(`/proc/${info.pid}/task/${tid}/status`, 'utf8');
        const allowed = /Cpus_allowed_list:\s*(\S+)/.exec(status)?.[1];
        threads += 1;
        if (allowed !== '0') notPinned.push(`${info.comm}[${info.pid}/${tid}] on ${allowed ?? '?'}`);
      } catch {
        // The thread ended.
      }
    }
  }
  return { processes: processes.length, threads, notPinned };
}
