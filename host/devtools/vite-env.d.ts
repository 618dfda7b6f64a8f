// What Vite puts on import.meta that the devtools boot reads (vite/client declares more, but
// including it would add its asset module declarations to every program that type-checks host/).
interface ImportMetaEnv {
  /** True under `vite` (dev server), false in a build: Vite replaces it with a literal. */
  readonly DEV: boolean;
}
interface ImportMeta {
  readonly env: ImportMetaEnv;
}
