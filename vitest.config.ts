import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
    benchmark: { include: ['tests/bench/**/*.bench.ts'] },
    environment: 'node',
    globalSetup: ['tests/setup/build-wasm.ts'],
    // A slow, noisy 2-core CI machine: generous timeouts, never timing assertions.
    // Waits inside tests give up after WAIT_BUDGET_MS (tests/support/wait-until.ts); this is above it.
    testTimeout: 120_000,
    hookTimeout: 120_000,
  },
});
