import { spawn } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';

/** The folders and files whose changes make dist/app stale. */
const SOURCES = ['host', 'legacy-react', 'wasm-pages', 'bridge', 'router', 'migration-plan', 'package.json'];
const SKIP = new Set(['node_modules', 'dist', '.git']);

/** The newest modification time (ms) of the files under `path`, and which file it was. */
export function newestFile(path: string): { readonly mtimeMs: number; readonly file: string } {
  let newest = { mtimeMs: 0, file: '' };
  const visit = (current: string): void => {
    const stat = statSync(current);
    if (stat.isDirectory()) {
      for (const entry of readdirSync(current)) if (!SKIP.has(entry)) visit(`${current}/${entry}`);
    } else if (stat.mtimeMs > newest.mtimeMs) {
      newest = { mtimeMs: stat.mtimeMs, file: current };
    }
  };
  if (existsSync(path)) visit(path);
  return newest;
}

/**
 * Why dist/app must be (re)built, or null if it is newer than every source file.
 *
 * @example
 * whyRebuild('/work/main/'); // 'dist/app is older than host/boot/app-host.ts'
 */
export function whyRebuild(root: string): string | null {
  const index = `${root}dist/app/index.html`;
  if (!existsSync(index)) return 'dist/app is missing';
  const built = statSync(index).mtimeMs;
  for (const source of SOURCES) {
    const newest = newestFile(`${root}${source}`);
    if (newest.mtimeMs > built) return `dist/app is older than ${newest.file.slice(root.length)}`;
  }
  return null;
}

/** Runs `npm run build` (which builds dist/wasm first) if dist/app is missing or stale. */
export async function ensureBuilt(root: string, log: (line: string) => void): Promise<void> {
  const why = whyRebuild(root);
  if (why === null) {
    log('dist/app is up to date');
    return;
  }
  log(`${why}: running npm run build`);
  await new Promise<void>((resolve, reject) => {
    const child = spawn('npm', ['run', 'build'], { cwd: root, stdio: ['ignore', 2, 2] });
    child.on('error', (error) => reject(new Error(`npm run build could not start: ${error.message}`)));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`npm run build failed (${signal ?? `exit ${code}`}); the bench needs dist/app`));
    });
  });
}
