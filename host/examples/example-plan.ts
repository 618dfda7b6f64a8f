import type { ComponentType } from 'react';
import { EXAMPLES } from '../../legacy-react/examples/index.ts';
import { loadPlan, type Plan } from '../../migration-plan/index.ts';
import { ExampleFallback } from './example-fallback.tsx';

/** What the app boots to run one example in the real host: a one-page plan and the React pages. */
export interface ExampleApp {
  readonly plan: Plan;
  readonly legacyPages: Readonly<Record<string, ComponentType>>;
}

/**
 * The app for one example: a plan with just that page (checked like any plan), served by its
 * world. A WASM example gets the React fallback page every page must have (plan rule 2), which
 * says the example did not load; a React example is its own page.
 *
 * @throws Error listing the examples when `id` is not one
 * @example
 * const app = exampleApp('wasm', 'example-focus');
 * await bootBrowserApp({ container, plan: app.plan, legacyPages: app.legacyPages, wasmBase: '/wasm/', wasmModuleKinds: ['example'] });
 */
export function exampleApp(world: 'legacy' | 'wasm', id: string, wasmIds: readonly string[]): ExampleApp {
  if (world === 'legacy') {
    const example = Object.hasOwn(EXAMPLES, id) ? EXAMPLES[id as keyof typeof EXAMPLES] : undefined;
    if (example === undefined) {
      throw new Error(
        `no React example "${id}" (examples: ${Object.keys(EXAMPLES).join(', ')}; the index is at /examples)`,
      );
    }
    return {
      plan: loadPlan({
        version: 1,
        rootRoute: id,
        pages: {
          [id]: { route: id, implementations: { legacy: true, wasm: false }, defaultWorld: 'legacy' },
        },
      }),
      legacyPages: { [id]: example.Page },
    };
  }
  if (!wasmIds.includes(id)) {
    throw new Error(
      `no WASM SDK example "${id}" (examples: ${wasmIds.join(', ')}; the index is at /examples)`,
    );
  }
  return {
    plan: loadPlan({
      version: 1,
      rootRoute: id,
      pages: { [id]: { route: id, implementations: { legacy: true, wasm: true }, defaultWorld: 'wasm' } },
    }),
    legacyPages: { [id]: ExampleFallback },
  };
}
