// Vitest global setup: compiles the WASM pages, SDK examples and fixtures that changed, so a
// fresh clone's `npm test` needs no extra step (unchanged modules are skipped in milliseconds).
import { fileURLToPath } from 'node:url';
import { buildWasmPages } from '../../wasm-pages/build/build-pages.ts';

export default async function setup(): Promise<void> {
  await buildWasmPages({ root: fileURLToPath(new URL('../..', import.meta.url)) });
}
