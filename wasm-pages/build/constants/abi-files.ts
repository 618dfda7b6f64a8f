// The byte-level ABI constants of bridge/ as AssemblyScript: the scene batch layout, the value
// codec, the directions of focus and the page ABI's own numbers (sdk/generated/*.ts).
import type { DIRECTIONS } from '../../../bridge/directions.ts';
import type { ANIMATABLE_PROPS } from '../../../bridge/motion.ts';
import type { Schema } from '../../../bridge/schema.ts';
import { asHex, asNumber, asString, generatedHeader, stringFunction, upperSnake } from './as-source.ts';
import { fieldLengthRule, maxFieldLength } from './schema-rules.ts';

/** bridge/scene-codec/format.ts and bridge/version.ts, as the batch writer needs them. */
export interface SceneFormatInput {
  readonly batchMagic: number;
  readonly headerBytes: number;
  readonly contractVersion: number;
  readonly opcodes: Readonly<Record<string, number>>;
  readonly valueTags: Readonly<Record<string, number>>;
}

/**
 * sdk/generated/scene-format.ts: the batch header, opcodes and prop value tags.
 *
 * @example
 * sceneFormatFile({ batchMagic: BATCH_MAGIC, headerBytes: HEADER_BYTES, contractVersion: CONTRACT_VERSION, opcodes: OPCODES, valueTags: VALUE_TAGS });
 */
export function sceneFormatFile(input: SceneFormatInput): string {
  return [
    generatedHeader(['bridge/scene-codec/format.ts', 'bridge/version.ts'], true),
    '// The scene batch layout (ABI.md section 5): header, opcodes and the tags of prop values.',
    '',
    '/** The header\'s first u32: the bytes "FCSB". */',
    `@inline export const BATCH_MAGIC: u32 = ${asHex(input.batchMagic, 8, 'BATCH_MAGIC')};`,
    `@inline export const HEADER_BYTES: i32 = ${asNumber(input.headerBytes, 'HEADER_BYTES')};`,
    "/** The header's u16 contract version (CONTRACT_VERSION of bridge/version.ts). */",
    `@inline export const CONTRACT_VERSION: u16 = ${asNumber(input.contractVersion, 'CONTRACT_VERSION')};`,
    '',
    ...Object.entries(input.opcodes).map(
      ([op, code]) => `@inline export const OP_${upperSnake(op)}: u8 = ${asHex(code, 2, `OPCODES.${op}`)};`,
    ),
    '',
    ...Object.entries(input.valueTags).map(
      ([tag, code]) =>
        `@inline export const TAG_${upperSnake(tag)}: u8 = ${asHex(code, 2, `VALUE_TAGS.${tag}`)};`,
    ),
    '',
  ].join('\n');
}

/** bridge/value-codec/format.ts. */
export interface ValueFormatInput {
  readonly valueTag: Readonly<Record<string, number>>;
  readonly maxDepth: number;
}

/**
 * sdk/generated/value-format.ts: the value codec's tags and nesting limit.
 *
 * @example
 * valueFormatFile({ valueTag: VALUE_TAG, maxDepth: MAX_VALUE_DEPTH });
 */
export function valueFormatFile(input: ValueFormatInput): string {
  return [
    generatedHeader(['bridge/value-codec/format.ts'], true),
    '// The value encoding (ABI.md section 4): one tag byte per value.',
    '',
    ...Object.entries(input.valueTag).map(
      ([tag, code]) =>
        `@inline export const VALUE_TAG_${upperSnake(tag)}: u8 = ${asHex(code, 2, `VALUE_TAG.${tag}`)};`,
    ),
    '',
    '/** Values nest at most this deep (MAX_VALUE_DEPTH). */',
    `@inline export const MAX_VALUE_DEPTH: i32 = ${asNumber(input.maxDepth, 'MAX_VALUE_DEPTH')};`,
    '/** What a crash message says of a value nested deeper. */',
    stringFunction('valueDepthRule', `values nest deeper than ${input.maxDepth} levels`),
    '',
  ].join('\n');
}

/** bridge/directions.ts. */
export interface DirectionsInput {
  readonly directions: readonly (typeof DIRECTIONS)[number][];
  readonly boundaryMask: (directions: readonly (typeof DIRECTIONS)[number][]) => number;
  readonly boundaryAll: number;
}

/**
 * sdk/generated/directions.ts: direction names and the bits of the `boundary` prop.
 *
 * @example
 * directionsFile({ directions: DIRECTIONS, boundaryMask, boundaryAll: BOUNDARY_ALL });
 */
export function directionsFile(input: DirectionsInput): string {
  const bits = input.directions.map((direction) => [direction, input.boundaryMask([direction])] as const);
  const all = input.boundaryMask(input.directions);
  if (all !== input.boundaryAll)
    throw new Error(
      `generate-constants: bridge/directions.ts: BOUNDARY_ALL is ${input.boundaryAll}, the bits add to ${all}`,
    );
  for (const [direction, bit] of bits)
    if (bit === 0 || (bit & (bit - 1)) !== 0)
      throw new Error(
        `generate-constants: bridge/directions.ts: "${direction}" has mask ${bit}, not one bit`,
      );
  const names = input.directions.map((d) => d);
  const listed = `${names.slice(0, -1).join(', ')} or ${names.at(-1) ?? ''}`;
  return [
    generatedHeader(['bridge/directions.ts']),
    '/** The directions of an `arrow` event, as strings. */',
    'export namespace Direction {',
    ...names.map((direction) => `  export const ${upperSnake(direction)} = ${asString(direction)};`),
    '}',
    '',
    '/** Bits of the `boundary` prop: directions focus may not leave a container in. */',
    'export namespace Boundary {',
    '  export const NONE: i32 = 0;',
    ...bits.map(([direction, bit]) => `  export const ${upperSnake(direction)}: i32 = ${bit};`),
    `  export const ALL: i32 = ${input.boundaryAll};`,
    '}',
    '',
    `/** The boundary mask of a direction (${listed.replace(' or ', ', ')}), 0 for anything else. */`,
    'export function directionBit(direction: string): i32 {',
    ...names.map(
      (direction) =>
        `  if (direction == Direction.${upperSnake(direction)}) return Boundary.${upperSnake(direction)};`,
    ),
    '  return 0;',
    '}',
    '',
    '/** After a quoted value: why it is no direction. */',
    stringFunction('notADirection', `" is not ${listed}`),
    '',
  ].join('\n');
}

/** bridge/wasm-abi.ts, with the API's methods and prefix (bridge/api). */
export interface AbiInput {
  readonly abiVersion: number;
  readonly emitKind: Readonly<Record<string, number>>;
  readonly logLevels: readonly string[];
  readonly pageMessageSchema: Schema<unknown>;
  /** API_METHODS: what a data request may send; all but GET are writes (sendData). */
  readonly apiMethods: readonly string[];
  /** API_PREFIX: every request path starts with it and a slash. */
  readonly apiPrefix: string;
}

/** The start every request path has, proved: a path with it passes, one without it does not. */
function requestPathPrefix(input: AbiInput): string {
  const prefix = `${input.apiPrefix}/`;
  const request = (path: string) => ({ type: 'data.request', requestId: 1, path });
  const ok = (path: string) => input.pageMessageSchema.check(request(path)).ok;
  if (!ok(`${prefix}x`) || ok(`${input.apiPrefix}x`) || ok(`/x${prefix}`))
    throw new Error(
      `generate-constants: bridge/wasm-abi.ts: a request path is not "${prefix}…" (API_PREFIX + "/")`,
    );
  return prefix;
}

/**
 * sdk/generated/abi.ts: the version the SDK speaks, the kinds of `emit`, log levels and the
 * message limits the host checks.
 *
 * @example
 * abiFile({ abiVersion: ABI_VERSION, emitKind: EMIT_KIND, logLevels: LOG_LEVELS, pageMessageSchema: PageMessageSchema, apiMethods: API_METHODS, apiPrefix: API_PREFIX });
 */
export function abiFile(input: AbiInput): string {
  const log = fieldLengthRule(input.pageMessageSchema, 'PageMessageSchema log.message', (message) => ({
    type: 'log',
    level: input.logLevels[0],
    message,
  }));
  const metric = fieldLengthRule(input.pageMessageSchema, 'PageMessageSchema metric.name', (name) => ({
    type: 'metric',
    name,
    value: 0,
  }));
  const prefix = requestPathPrefix(input);
  const pathMax = maxFieldLength(
    input.pageMessageSchema,
    'PageMessageSchema data.request.path',
    prefix,
    (path) => ({
      type: 'data.request',
      requestId: 1,
      path,
    }),
  );
  const writes = input.apiMethods.filter((method) => method !== 'GET');
  if (writes.length === input.apiMethods.length)
    throw new Error(
      'generate-constants: bridge/api/endpoints.ts: API_METHODS has no GET (what requestData sends)',
    );
  const listed = `${writes.slice(0, -1).join(', ')} or ${writes.at(-1) ?? ''}`;
  return [
    generatedHeader(['bridge/wasm-abi.ts', 'bridge/api (API_METHODS, API_PREFIX)'], true),
    '/** What `ficus_abi_version` returns: the newest ABI version (ABI_VERSION), the one the SDK speaks. */',
    `@inline export const ABI_VERSION: i32 = ${asNumber(input.abiVersion, 'ABI_VERSION')};`,
    '',
    ...Object.entries(input.emitKind).map(
      ([kind, code]) =>
        `@inline export const EMIT_${upperSnake(kind)}: i32 = ${asNumber(code, `EMIT_KIND.${kind}`)};`,
    ),
    '',
    '/** Log levels for `log`. */',
    'export namespace LogLevel {',
    ...input.logLevels.map((level) => `  export const ${upperSnake(level)} = ${asString(level)};`),
    '}',
    '',
    `/** Whether \`level\` is one of ${input.logLevels.join(', ')}. */`,
    'export function isLogLevel(level: string): bool {',
    `  return ${input.logLevels.map((level) => `level == LogLevel.${upperSnake(level)}`).join(' || ')};`,
    '}',
    '/** After a quoted value: why it is no log level. */',
    stringFunction('notALogLevel', `" is not one of ${input.logLevels.join(', ')}`),
    '',
    '/** A log message is cut to this many characters. */',
    `@inline export const MAX_LOG_LENGTH: i32 = ${log.maxLength};`,
    "/** A metric's name has this many characters. */",
    `@inline export const METRIC_NAME_MIN_LENGTH: i32 = ${metric.minLength};`,
    `@inline export const METRIC_NAME_MAX_LENGTH: i32 = ${metric.maxLength};`,
    '/** What a crash message says of a metric name of another length. */',
    stringFunction('metricNameRule', `name must be ${metric.minLength}-${metric.maxLength} characters`),
    '',
    '/** The HTTP methods of a data request: GET (requestData) and the writes (sendData). */',
    'export namespace Method {',
    ...input.apiMethods.map((method) => `  export const ${upperSnake(method)} = ${asString(method)};`),
    '}',
    '',
    `/** Whether \`method\` is a write: ${listed}. */`,
    'export function isWriteMethod(method: string): bool {',
    `  return ${writes.map((method) => `method == Method.${upperSnake(method)}`).join(' || ')};`,
    '}',
    '/** After a quoted value: why it is no write. */',
    stringFunction('notAWriteMethod', `" is not ${listed}`),
    '',
    '/** Every request path starts with this (API_PREFIX and a slash). */',
    stringFunction('apiPathPrefix', prefix),
    '/** A request path has at most this many characters. */',
    `@inline export const API_PATH_MAX_LENGTH: i32 = ${pathMax};`,
    '/** After a quoted path: why the host would not take it. */',
    stringFunction(
      'notAnApiPath',
      `" is not an API path starting with ${prefix} (at most ${pathMax} characters)`,
    ),
    '',
  ].join('\n');
}

/** bridge/motion.ts. */
export interface MotionInput {
  readonly animatable: readonly (typeof ANIMATABLE_PROPS)[number][];
  readonly animateMask: (props: readonly (typeof ANIMATABLE_PROPS)[number][]) => number;
  readonly animateAll: number;
  readonly defaults: { readonly durationMs: number; readonly easing: string; readonly delayMs: number };
}

/**
 * sdk/generated/motion.ts: the bits of the `animate` prop and the defaults the host uses.
 *
 * @example
 * motionFile({ animatable: ANIMATABLE_PROPS, animateMask, animateAll: ANIMATE_ALL, defaults: { durationMs: 200, easing: 'ease-out', delayMs: 0 } });
 */
export function motionFile(input: MotionInput): string {
  const bits = input.animatable.map((prop) => [prop, input.animateMask([prop])] as const);
  const all = input.animateMask(input.animatable);
  if (all !== input.animateAll)
    throw new Error(
      `generate-constants: bridge/motion.ts: ANIMATE_ALL is ${input.animateAll}, the bits add to ${all}`,
    );
  for (const [prop, bit] of bits)
    if (bit === 0 || (bit & (bit - 1)) !== 0)
      throw new Error(`generate-constants: bridge/motion.ts: "${prop}" has mask ${bit}, not one bit`);
  return [
    generatedHeader(['bridge/motion.ts']),
    '/** Bits of the `animate` prop: which prop changes the host animates (see `Node.animate`). */',
    'export namespace Animate {',
    '  export const NONE: i32 = 0;',
    ...bits.map(([prop, bit]) => `  export const ${upperSnake(prop)}: i32 = ${bit};`),
    `  export const ALL: i32 = ${input.animateAll};`,
    '}',
    '',
    "/** What the host uses for an animating node's unset animateDuration, animateEasing and animateDelay. */",
    `@inline export const DEFAULT_ANIMATE_DURATION_MS: i32 = ${asNumber(input.defaults.durationMs, 'DEFAULT_ANIMATE_DURATION_MS')};`,
    `export const DEFAULT_ANIMATE_EASING = ${asString(input.defaults.easing)};`,
    `@inline export const DEFAULT_ANIMATE_DELAY_MS: i32 = ${asNumber(input.defaults.delayMs, 'DEFAULT_ANIMATE_DELAY_MS')};`,
    '',
  ].join('\n');
}
