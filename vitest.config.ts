import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    environment: 'node',
    globalSetup: ['tests/setup/build-wasm.ts'],
    // A slow, noisy 2-core CI machine: generous timeouts, never timing assertions.
    testTimeout: 30_000,
    hookTimeout: 30_000,
  },
});
