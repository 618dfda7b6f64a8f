/** The URL of @wasmer/wasi's wasm in the app's build, or null (vite dev: use the embedded copy). See host/app/vite-plugins.ts. */
declare module 'virtual:ficus/wasmer-wasi-wasm' {
  const url: string | null;
  export default url;
}
