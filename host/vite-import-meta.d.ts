// The parts of Vite's import.meta that host/ uses beyond `env` (vite/client declares them, but
// including it would add its asset module declarations to every program that type-checks host/).
interface ImportMeta {
  /** The example browser reads the SDK examples' sources (host/examples/sdk-example-sources.ts). */
  glob(
    pattern: string,
    options: { readonly query: '?raw'; readonly import: 'default'; readonly eager: true },
  ): Record<string, string>;
  /** Under `vite` (dev server) only: the live reload of WASM pages (host/app/wasm-live-reload-plugin.ts). */
  readonly hot?: { on(event: string, listener: (data: unknown) => void): void; accept(): void };
}
