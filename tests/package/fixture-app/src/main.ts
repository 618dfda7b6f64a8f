import { bootBrowserApp } from 'ficus/host';
import { HomePage } from './pages/home-page.tsx';
import { ShelfFallbackPage } from './pages/shelf-fallback-page.tsx';
import { PLAN } from './plan.ts';

const container = document.getElementById('app');
if (container === null) throw new Error('index.html must contain <div id="app">');
// /wasm/ is where the wasmPages Vite plugin serves (dev) or ships (build) dist-wasm/.
await bootBrowserApp({
  container,
  plan: PLAN,
  wasmBase: '/wasm/',
  legacyPages: { home: HomePage, shelf: ShelfFallbackPage },
});
