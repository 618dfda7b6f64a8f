import { existsSync } from 'node:fs';

/**
 * Whether a test that needs a system program (Debian's Chromium, rustc) can run here. Present: yes.
 * Missing on a developer's machine: no, and it says once which tests it skips and how to install
 * the program, so `npm test` passes on a fresh clone with nothing installed by hand. Missing with
 * FICUS_REQUIRE_TOOLS=1 (`.ci/run` sets it; CI installs both): yes, so the test runs and fails
 * with the install hint instead of being skipped where it must run.
 *
 * @example
 * describe.runIf(hasSystemTool('/usr/bin/rustc', 'apt-get install -y rustc libstd-rust-dev-wasm32', 'the Rust page'))(...)
 */
export function hasSystemTool(path: string, install: string, what: string): boolean {
  if (existsSync(path) || process.env['FICUS_REQUIRE_TOOLS'] === '1') return true;
  console.warn(
    `skipped ${what}: ${path} is missing (install it: ${install}, as root; .ci/run does and requires it)`,
  );
  return false;
}

export const CHROMIUM_PATH = process.env['FICUS_CHROMIUM'] ?? '/usr/bin/chromium';
export const RUSTC_PATH = '/usr/bin/rustc';
export const CHROMIUM_INSTALL = 'apt-get install -y chromium';
export const RUSTC_INSTALL = 'apt-get install -y rustc libstd-rust-dev-wasm32';
