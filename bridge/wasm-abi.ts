import { API_METHODS } from './api/endpoints.ts';
import { ParamsSchema, RouteSchema } from './messages/history.ts';
import {
  type Infer,
  literal,
  number,
  object,
  oneOf,
  optional,
  type Schema,
  string,
  taggedUnion,
} from './schema.ts';
import { ValueSchema } from './value-codec/value-schema.ts';

/**
 * The WASM page ABI, as the host side sees it (the full text is wasm-pages/ABI.md). A page is a
 * WASI preview1 reactor module with these exports and one import. ABI_VERSION is the newest
 * version, the one the SDK and the build speak; bump it on any change a page could notice, and
 * keep the older versions in SUPPORTED_ABI_VERSIONS while devices may still hold their modules.
 */
export const ABI_VERSION = 3;

/**
 * Every page ABI version this world runs, oldest first: what `ficus_abi_version` may return and a
 * release manifest's `abiVersion` may say. 2 adds writes (data.request with method and body); 3 adds
 * the motion props (`scale`, `animate`, ...: bridge/props.ts's `since`).
 */
export const SUPPORTED_ABI_VERSIONS = [1, 2, ABI_VERSION] as const;
export type AbiVersion = (typeof SUPPORTED_ABI_VERSIONS)[number];

/** SUPPORTED_ABI_VERSIONS for a message, e.g. "1, 2 and 3". */
export const SUPPORTED_ABI_VERSIONS_TEXT = `${SUPPORTED_ABI_VERSIONS.slice(0, -1).join(', ')} and ${ABI_VERSION}`;

/**
 * Whether this world runs pages of ABI `version`.
 *
 * @example
 * isSupportedAbiVersion(1); // true: modules built before writes keep working
 * isSupportedAbiVersion(4); // false
 */
export const isSupportedAbiVersion = (version: unknown): version is AbiVersion =>
  (SUPPORTED_ABI_VERSIONS as readonly unknown[]).includes(version);

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

const requestId = number({ integer: true, min: 0, max: 0xffff_ffff });
const requestPath = string({
  minLength: 1,
  maxLength: 2048,
  pattern: /^\/api\//,
  patternName: 'an API path starting with /api/',
});

const navigate = object({ type: literal('navigate'), route: RouteSchema, params: ParamsSchema });
const replace = object({ type: literal('replace'), route: RouteSchema, params: ParamsSchema });
const back = object({ type: literal('back') });
const log = object({ type: literal('log'), level: oneOf(LOG_LEVELS), message: string({ maxLength: 8192 }) });
const metric = object({
  type: literal('metric'),
  name: string({ minLength: 1, maxLength: 128 }),
  value: number(),
});

/**
 * Messages a page sends with EMIT_KIND.message, once decoded: ABI version 2. A `data.request`
 * asks the host to send `method` (GET when absent) to `path` (an apiPaths path) with `body` (a
 * write's JSON body, as a value); the answer comes back as a `data` event. Which endpoint the path
 * names, and whether the body is what that endpoint takes, is the host's to check (bridge/api
 * parseApiRequest): the page gets an error answer, not a crash, for those.
 */
export const PageMessageSchema = taggedUnion('type', {
  navigate,
  replace,
  back,
  'data.request': object({
    type: literal('data.request'),
    requestId,
    method: optional(oneOf(API_METHODS)),
    path: requestPath,
    body: optional(ValueSchema),
  }),
  log,
  metric,
});
export type PageMessage = Infer<typeof PageMessageSchema>;

/** ABI version 1's messages: a `data.request` has no method (it is a GET) and no body. */
export const PageMessageSchemaV1: Schema<PageMessage> = taggedUnion('type', {
  navigate,
  replace,
  back,
  'data.request': object({ type: literal('data.request'), requestId, path: requestPath }),
  log,
  metric,
});

/**
 * The messages a page of ABI `version` may send: a page is held to the version it declared, so a
 * v1 page's `method` is an unknown field (refused) as it always was.
 *
 * @example
 * pageMessageSchema(1).check({ type: 'data.request', requestId: 1, method: 'PUT', path: '/api/settings/x' }).ok; // false
 */
export const pageMessageSchema = (version: AbiVersion): Schema<PageMessage> =>
  version === 1 ? PageMessageSchemaV1 : PageMessageSchema;

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
