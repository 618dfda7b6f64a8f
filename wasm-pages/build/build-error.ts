/** Raised when a module does not compile; names the module and carries the compiler's output. */
export class WasmBuildError extends Error {
  constructor(
    readonly moduleId: string,
    readonly compilerOutput: string,
  ) {
    super(`wasm build: ${moduleId} failed to compile:\n${compilerOutput}`);
    this.name = 'WasmBuildError';
  }
}
