import { ParamsSchema, RouteSchema } from './messages/history.ts';
import { type Infer, literal, number, object, oneOf, string, taggedUnion } from './schema.ts';

/**
 * The WASM page ABI, as the host side sees it (the full text is wasm-pages/ABI.md). A page is a
 * WASI preview1 reactor module with these exports and one import. Bump ABI_VERSION on any
 * change a page could notice.
 */
export const ABI_VERSION = 1;

export const PAGE_EXPORTS = {
  memory: 'memory',
  initialize: '_initialize',
  abiVersion: 'ficus_abi_version',
  alloc: 'ficus_alloc',
  mount: 'ficus_mount',
  event: 'ficus_event',
  frame: 'ficus_frame',
  unmount: 'ficus_unmount',
} as const;

/** The one host import: `ficus.emit(kind: i32, ptr: i32, len: i32)`. */
export const PAGE_IMPORT_MODULE = 'ficus';
export const PAGE_IMPORT_EMIT = 'emit';

/** What `emit`'s bytes are. */
export const EMIT_KIND = {
  /** A scene batch in the layout of bridge/scene-codec/format.ts. */
  sceneBatch: 1,
  /** A message encoded as a value (bridge/value-codec/format.ts): see PageMessageSchema. */
  message: 2,
} as const;

/** Each page gets this many node ids, from `firstId` on, so pages of one world never collide. */
export const PAGE_ID_SPAN = 0x0100_0000;

export const LOG_LEVELS = ['debug', 'info', 'warn', 'error'] as const;

/** Messages a page sends with EMIT_KIND.message, once decoded. */
export const PageMessageSchema = taggedUnion('type', {
  navigate: object({ type: literal('navigate'), route: RouteSchema, params: ParamsSchema }),
  replace: object({ type: literal('replace'), route: RouteSchema, params: ParamsSchema }),
  back: object({ type: literal('back') }),
  /** Ask the host to GET `path` (an apiPaths path); the answer comes back as a `data` event. */
  'data.request': object({
    type: literal('data.request'),
    requestId: number({ integer: true, min: 0, max: 0xffff_ffff }),
    path: string({
      minLength: 1,
      maxLength: 2048,
      pattern: /^\/api\//,
      patternName: 'an API path starting with /api/',
    }),
  }),
  log: object({ type: literal('log'), level: oneOf(LOG_LEVELS), message: string({ maxLength: 8192 }) }),
  metric: object({
    type: literal('metric'),
    name: string({ minLength: 1, maxLength: 128 }),
    value: number(),
  }),
});
export type PageMessage = Infer<typeof PageMessageSchema>;

/** What the host passes to `ficus_mount`, encoded as a value. */
export const MountInputSchema = object({
  route: RouteSchema,
  params: ParamsSchema,
  /** The page's container node (created by the world): the parent of the page's top nodes. */
  rootId: number({ integer: true, min: 0 }),
  /** The first node id the page may use; it may use PAGE_ID_SPAN ids from there. */
  firstId: number({ integer: true, min: 1 }),
});
export type MountInput = Infer<typeof MountInputSchema>;
