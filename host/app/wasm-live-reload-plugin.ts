import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { Plugin, ViteDevServer } from 'vite';
import { WasmManifestSchema } from '../../bridge/index.ts';
import { WASM_UPDATED_EVENT } from '../boot/wasm-updated-event.ts';

/** What the plugin watches, from the project root: every input of a WASM module's build. */
export const WASM_SOURCE_DIRS = [
  'wasm-pages/pages',
  'wasm-pages/sdk',
  'wasm-pages/examples',
  'tests/fixtures/wasm-pages',
];
/** Saves within this long of each other make one build. */
const SETTLE_MS = 150;

/** The module ids whose built file differs between two manifests (new ones included). */
export function changedModules(before: unknown, after: unknown): string[] {
  const old = WasmManifestSchema.check(before);
  const now = WasmManifestSchema.check(after);
  if (!now.ok) return [];
  return Object.entries(now.value.modules)
    .filter(([id, entry]) => !old.ok || old.value.modules[id]?.sha256 !== entry.sha256)
    .map(([id]) => id);
}

const readJson = (path: string): unknown => {
  try {
    return existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Live reload of WASM pages under `npm start`: saving a source of a page, the SDK or an example
 * runs `npm run build:wasm` (incremental: only what changed compiles), prints its lines, and
 * tells the app which modules changed (`ficus:wasm-updated`); the app serves the page on screen
 * again from its new module on the same history entry (host/boot/browser-boot.ts). A build
 * error is printed and nothing is sent: the app keeps the last module that built.
 *
 * @example
 * plugins: [wasmLiveReload(projectRoot)]
 */
export function wasmLiveReload(root: string, options: { readonly debug?: boolean } = {}): Plugin {
  const debug = options.debug === true;
  return {
    name: 'ficus-wasm-live-reload',
    apply: 'serve',
    configureServer(server) {
      const dirs = WASM_SOURCE_DIRS.map((dir) => join(root, dir)).filter((dir) => existsSync(dir));
      server.watcher.add(dirs);
      let timer: ReturnType<typeof setTimeout> | undefined;
      let building: Promise<void> = Promise.resolve();
      const changed = (file: string) => {
        if (!dirs.some((dir) => file.startsWith(dir)) || !/\.(ts|json|rs)$/.test(file)) return;
        clearTimeout(timer);
        timer = setTimeout(() => {
          building = building.then(() => rebuild(server, root, debug));
        }, SETTLE_MS);
      };
      server.watcher.on('change', changed);
      server.watcher.on('add', changed);
    },
  };
}

async function rebuild(server: ViteDevServer, root: string, debug: boolean): Promise<void> {
  const manifestPath = join(root, debug ? 'dist/wasm-debug/manifest.json' : 'dist/wasm/manifest.json');
  const before = readJson(manifestPath);
  const logger = server.config.logger;
  const tsx = createRequire(import.meta.url).resolve('tsx/cli');
  const code = await new Promise<number | null>((resolve) => {
    const args = [tsx, join(root, 'wasm-pages/build/cli.ts'), ...(debug ? ['--debug'] : [])];
    const child = spawn(process.execPath, args, { cwd: root });
    const print = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (line.trim() !== '' && !line.includes('up to date')) logger.info(line, { timestamp: true });
      }
    };
    child.stdout.on('data', print);
    child.stderr.on('data', print);
    child.on('close', resolve);
    child.on('error', () => resolve(null));
  });
  if (code !== 0) {
    logger.error('wasm  the build failed (above); the app keeps the modules it has', { timestamp: true });
    return;
  }
  const ids = changedModules(before, readJson(manifestPath));
  if (ids.length === 0) return;
  logger.info(`wasm  reloading ${ids.join(', ')} in the app`, { timestamp: true });
  server.ws.send({ type: 'custom', event: WASM_UPDATED_EVENT, data: { ids } });
}
