/**
 * The migration plan: which page exists in which world, rollout and ownership, the world-choice
 * policy the router asks on every navigation, the per-page circuit breaker and the coverage report.
 * Imports only `bridge/`.
 */
export * from './back-stack.ts';
export * from './circuit-breaker.ts';
export * from './cohort.ts';
export * from './coverage.ts';
export * from './load-plan.ts';
export * from './parity-results.ts';
export * from './plan-issue.ts';
export * from './plan-pages.ts';
export * from './plan-rules.ts';
export * from './plan-schema.ts';
export * from './reference-plan.ts';
export * from './remote-rollout.ts';
export * from './world-overrides.ts';
export * from './world-policy.ts';
