import {
  describeValue,
  type Infer,
  literal,
  number,
  object,
  type Schema,
  string,
  taggedUnion,
} from '../schema.ts';
import { RouteSchema } from './history.ts';
import { PageCrashedSchema } from './lifecycle.ts';

// What a world's calls answer (the WASM world's worker API, wasm-pages/runtime/worker-api.ts).
// They come back over the same boundary as its messages, so the host checks them the same way:
// a result that does not match is a failed call, never a value the host uses.

/** The worker's first answer: which contract and page ABI it speaks. */
export const WasmWorldHelloSchema = object({
  contractVersion: number({ integer: true, min: 0 }),
  abiVersion: number({ integer: true, min: 0 }),
});
export type WasmWorldHello = Infer<typeof WasmWorldHelloSchema>;

/**
 * Why a page module could not be loaded or instantiated. `code` is a short kebab-case name
 * ("digest-mismatch", "compile-failed"...): the host only shows it, so the world may add codes
 * without a contract change.
 */
export const PageLoadErrorSchema = object({
  page: RouteSchema,
  code: string({ pattern: /^[a-z][a-z-]{0,63}$/, patternName: 'an error code like "compile-failed"' }),
  message: string({ maxLength: 16_384 }),
});
export type PageLoadError = Infer<typeof PageLoadErrorSchema>;

const PageLoadedSchema = object({ ok: literal(true), page: RouteSchema });
const PageLoadFailedSchema = object({ ok: literal(false), error: PageLoadErrorSchema });
export type PageLoadOutcome = Infer<typeof PageLoadedSchema> | Infer<typeof PageLoadFailedSchema>;

/**
 * `load`'s answer. Told apart by the boolean `ok` (taggedUnion takes string tags), so an
 * error names `.ok` when it is neither.
 */
export const PageLoadOutcomeSchema: Schema<PageLoadOutcome> = {
  expected: 'a page load outcome',
  check(input, path = '') {
    if (typeof input !== 'object' || input === null || Array.isArray(input))
      return { ok: false, issue: { path, message: `expected an object, got ${describeValue(input)}` } };
    const ok = (input as Readonly<Record<string, unknown>>)['ok'];
    if (ok === true) return PageLoadedSchema.check(input, path);
    if (ok === false) return PageLoadFailedSchema.check(input, path);
    return {
      ok: false,
      issue: { path: `${path}.ok`, message: `expected true or false, got ${describeValue(ok)}` },
    };
  },
};

const crashed = object({ status: literal('crashed'), crash: PageCrashedSchema });

/** `mount`'s answer: mounted (with the page's container and first node id), refused, or crashed. */
export const MountResultSchema = taggedUnion('status', {
  mounted: object({
    status: literal('mounted'),
    rootId: number({ integer: true, min: 0 }),
    firstId: number({ integer: true, min: 1 }),
  }),
  /** The module could not be instantiated or speaks another ABI version: no page code ran. */
  refused: object({ status: literal('refused'), error: PageLoadErrorSchema }),
  crashed,
});
export type MountResult = Infer<typeof MountResultSchema>;

/** The answer of `event`, `events` and `setVisible`. */
export const EventResultSchema = taggedUnion('status', {
  delivered: object({ status: literal('delivered') }),
  /** No live page under that key (never mounted, unmounted or crashed): nothing was called. */
  ignored: object({ status: literal('ignored') }),
  crashed,
});
export type EventResult = Infer<typeof EventResultSchema>;

/** `unmount`'s answer. */
export const UnmountResultSchema = taggedUnion('status', {
  unmounted: object({ status: literal('unmounted') }),
  ignored: object({ status: literal('ignored') }),
  crashed,
});
export type UnmountResult = Infer<typeof UnmountResultSchema>;
