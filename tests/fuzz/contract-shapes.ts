/**
 * The world → host contracts restated as plain shapes, to generate inputs that fit them and inputs
 * that cannot. Written from the contract (bridge/messages, bridge/wasm-manifest.ts), not from the
 * schemas' code: a schema looser than its contract lets a "cannot fit" input through, and the
 * fuzz tests that use these fail.
 *
 * @example
 * fc.assert(fc.property(malformed(MESSAGE_SHAPES.log), (input) => !WasmWorldMessageSchema.check(input).ok));
 */
import type { Arbitrary } from 'fast-check';
import fc from 'fast-check';

export type Shape =
  /** The variant's tag: a wrong one is no tag of the union (`taken`), or it would be another variant. */
  | { readonly t: 'tag'; readonly value: string; readonly taken: readonly string[] }
  | { readonly t: 'bool'; readonly value: boolean }
  | {
      readonly t: 'str';
      readonly min?: number;
      readonly max: number;
      /** Strings that fit, when not any string of a fitting length (patterns). */
      readonly fits?: Arbitrary<string>;
      /** Strings of a fitting length that do not fit (patterns). */
      readonly misfits?: Arbitrary<string>;
    }
  | { readonly t: 'int'; readonly min?: number; readonly max?: number }
  | { readonly t: 'num' }
  | { readonly t: 'enum'; readonly values: readonly string[] }
  | { readonly t: 'nullable'; readonly inner: Shape }
  | { readonly t: 'bytes'; readonly fits: Arbitrary<Uint8Array> }
  /** Route params: at most 32 entries of strings of at most 2048 characters. */
  | { readonly t: 'params' }
  | { readonly t: 'obj'; readonly fields: Readonly<Record<string, Shape>> }
  | { readonly t: 'dict'; readonly value: Shape };

// ---- values that are not of a kind ----

const someObject = fc.object({ maxDepth: 1, maxKeys: 3 });
const someArray = fc.array(fc.anything({ maxDepth: 1 }), { maxLength: 3 });
const odd = fc.constantFrom<unknown>(Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY);

export const notAString: Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.double(),
  odd,
  fc.integer(),
  fc.boolean(),
  fc.bigInt(),
  someArray,
  someObject,
  fc.constant(new ArrayBuffer(2)),
);

export const notANumber: Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  odd,
  fc.string({ maxLength: 8 }),
  fc.integer().map(String),
  fc.boolean(),
  fc.bigInt(),
  someArray,
  someObject,
);

/** Not a plain object: what a `typeof input !== 'object'`, null or array check must stop. */
export const notAnObject: Arbitrary<unknown> = fc.oneof(
  fc.constant(null),
  fc.constant(undefined),
  fc.double(),
  odd,
  fc.string({ maxLength: 8 }),
  fc.boolean(),
  fc.bigInt(),
  someArray,
);

/** Nested `depth` levels deep: { a: { a: ... 'x' } }. */
export function nested(depth: number): unknown {
  let value: unknown = 'x';
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
}

const longString = (min: number, spread = 64): Arbitrary<string> =>
  fc.integer({ min, max: min + spread }).map((length) => 'x'.repeat(length));

/** `value` with one more own field (computed keys make "__proto__" an own field too). */
const withField = (value: object, key: string, field: unknown): object => ({ ...value, [key]: field });

const withoutField = (value: object, key: string): object => {
  const copy: Record<string, unknown> = { ...value };
  delete copy[key];
  return copy;
};

// ---- inputs that fit ----

const INT32 = 2 ** 31 - 1;

/** Values that fit `shape`. */
export function fitting(shape: Shape): Arbitrary<unknown> {
  switch (shape.t) {
    case 'tag':
      return fc.constant(shape.value);
    case 'bool':
      return fc.constant(shape.value);
    case 'str':
      return shape.fits ?? fc.string({ minLength: shape.min ?? 0, maxLength: Math.min(shape.max, 40) });
    case 'int':
      return fc.integer({
        min: Math.max(shape.min ?? -INT32, -INT32),
        max: Math.min(shape.max ?? INT32, INT32),
      });
    case 'num':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'enum':
      return fc.constantFrom(...shape.values);
    case 'nullable':
      return fc.oneof(fc.constant(null), fitting(shape.inner));
    case 'bytes':
      return shape.fits;
    case 'params':
      return fc.dictionary(fc.string({ maxLength: 12 }), fc.string({ maxLength: 24 }), { maxKeys: 6 });
    case 'obj':
      return fc.record(
        Object.fromEntries(Object.entries(shape.fields).map(([key, field]) => [key, fitting(field)])),
      );
    case 'dict':
      return fc.dictionary(fc.string({ minLength: 1, maxLength: 12 }), fitting(shape.value), { maxKeys: 4 });
  }
}

// ---- inputs that cannot fit ----

/** Params that break the contract: not an object, a value not a short string (deep, huge, absent), too many entries. */
const malformedParams: Arbitrary<unknown> = fc.oneof(
  notAnObject,
  fc
    .tuple(
      fitting({ t: 'params' }) as Arbitrary<object>,
      fc.string({ maxLength: 12 }),
      fc.oneof(notAString, longString(2049), fc.integer({ min: 2, max: 2000 }).map(nested)),
    )
    .map(([params, key, value]) => withField(params, key, value)),
  fc
    .integer({ min: 33, max: 400 })
    .map((count) => Object.fromEntries(Array.from({ length: count }, (_, i) => [`p${i}`, 'v']))),
);

/** Values that cannot fit `shape`: wrong types, NaN and infinities, out of range, too long, too deep, a field too many or too few. */
export function malformed(shape: Shape): Arbitrary<unknown> {
  switch (shape.t) {
    case 'tag':
      return fc.oneof(
        notAString,
        fc.string({ maxLength: 12 }).filter((tag) => !shape.taken.includes(tag)),
      );
    case 'bool':
      return fc.anything({ maxDepth: 1 }).filter((value) => typeof value !== 'boolean');
    case 'str': {
      const { min = 0, max, misfits } = shape;
      return fc.oneof(
        notAString,
        longString(max + 1),
        ...(min > 0 ? [fc.constant('')] : []),
        ...(misfits === undefined ? [] : [misfits]),
      );
    }
    case 'int': {
      const { min, max } = shape;
      return fc.oneof(
        notANumber,
        fc.integer({ min: -1000, max: 1000 }).map((n) => n + 0.5),
        ...(min === undefined ? [] : [fc.integer({ min: 1, max: 1000 }).map((k) => min - k)]),
        ...(max === undefined ? [] : [fc.integer({ min: 1, max: 1000 }).map((k) => max + k)]),
      );
    }
    case 'num':
      return notANumber;
    case 'enum':
      return fc.oneof(
        notAString,
        fc.string({ maxLength: 12 }).filter((value) => !shape.values.includes(value)),
      );
    case 'nullable':
      return malformed(shape.inner).filter((value) => value !== null);
    case 'bytes':
      return fc.oneof(
        fc.constant(null),
        fc.constant(undefined),
        fc.string({ maxLength: 16 }),
        fc.array(fc.integer({ min: 0, max: 255 }), { maxLength: 16 }),
        fc.constant(new ArrayBuffer(16)),
        fc.constant(new Uint16Array(8)),
        fc.constant(new DataView(new ArrayBuffer(8))),
        someObject,
        fc.integer(),
      );
    case 'params':
      return malformedParams;
    case 'obj': {
      const keys = Object.keys(shape.fields);
      const whole = fitting(shape) as Arbitrary<object>;
      return fc.oneof(
        notAnObject,
        // One field wrong (the tag included).
        fc
          .constantFrom(...keys)
          .chain((key) =>
            fc
              .tuple(whole, malformed(shape.fields[key] as Shape))
              .map(([value, wrong]) => withField(value, key, wrong)),
          ),
        // One field missing.
        fc.tuple(whole, fc.constantFrom(...keys)).map(([value, key]) => withoutField(value, key)),
        // One field the contract does not have.
        fc
          .tuple(
            whole,
            fc.string({ maxLength: 12 }).filter((key) => !keys.includes(key)),
            fc.anything({ maxDepth: 1 }).filter((value) => value !== undefined),
          )
          .map(([value, key, extra]) => withField(value, key, extra)),
      );
    }
    case 'dict':
      return fc.oneof(
        notAnObject,
        fc
          .tuple(
            fitting(shape) as Arbitrary<object>,
            fc.string({ minLength: 1, maxLength: 12 }),
            malformed(shape.value),
          )
          .map(([value, key, wrong]) => withField(value, key, wrong)),
      );
  }
}

// ---- the contracts ----

export const ROUTE: Shape = {
  t: 'str',
  min: 1,
  max: 64,
  fits: fc.stringMatching(/^[a-z][a-z0-9-]{0,20}$/),
  misfits: fc.oneof(
    fc.constantFrom('Profiles', 'title details', '-x', '9lives', 'a_b', 'ü'),
    fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/^[a-z][a-z0-9-]{0,63}$/.test(s)),
  ),
};
const ENTRY_KEY: Shape = { t: 'str', min: 1, max: 64 };
const LOG_LEVELS = ['debug', 'info', 'warn', 'error'];
const CRASH_PHASES = ['load', 'mount', 'event', 'frame', 'unmount'];

/** The types of every world → host message (a wrong tag must be none of these). */
const WORLD_TO_HOST_TYPES = [
  'hello',
  'scene.batch',
  'scene.ops',
  'navigate',
  'replace',
  'back',
  'crashed',
  'data.request',
  'log',
  'metric',
];
const tag = (value: string): Shape => ({ t: 'tag', value, taken: WORLD_TO_HOST_TYPES });

const crashedShape = (type: Shape): Shape => ({
  t: 'obj',
  fields: {
    type,
    page: ROUTE,
    phase: { t: 'enum', values: CRASH_PHASES },
    message: { t: 'str', max: 4096 },
    stderr: { t: 'str', max: 65_536 },
  },
});

export const WASM_MESSAGE_TYPES = [
  'scene.batch',
  'navigate',
  'replace',
  'back',
  'crashed',
  'data.request',
  'log',
  'metric',
] as const;
export type WasmMessageType = (typeof WASM_MESSAGE_TYPES)[number];

/**
 * What the WASM world's worker may send the host, by type. `bytes` gives scene batches that
 * fit the message's shape (they need not decode).
 */
export function wasmMessageShapes(bytes: Arbitrary<Uint8Array>): Readonly<Record<WasmMessageType, Shape>> {
  return {
    'scene.batch': {
      t: 'obj',
      fields: {
        type: tag('scene.batch'),
        page: ROUTE,
        frame: { t: 'int', min: 0 },
        bytes: { t: 'bytes', fits: bytes },
      },
    },
    navigate: { t: 'obj', fields: { type: tag('navigate'), route: ROUTE, params: { t: 'params' } } },
    replace: { t: 'obj', fields: { type: tag('replace'), route: ROUTE, params: { t: 'params' } } },
    back: { t: 'obj', fields: { type: tag('back') } },
    crashed: crashedShape(tag('crashed')),
    'data.request': {
      t: 'obj',
      fields: {
        type: tag('data.request'),
        page: ROUTE,
        key: ENTRY_KEY,
        requestId: { t: 'int', min: 0, max: 0xffff_ffff },
        path: { t: 'str', min: 1, max: 2048 },
      },
    },
    log: {
      t: 'obj',
      fields: {
        type: tag('log'),
        page: ROUTE,
        key: ENTRY_KEY,
        level: { t: 'enum', values: LOG_LEVELS },
        message: { t: 'str', max: 65_536 },
        source: { t: 'enum', values: ['page', 'stdout'] },
      },
    },
    metric: {
      t: 'obj',
      fields: {
        type: tag('metric'),
        page: ROUTE,
        key: ENTRY_KEY,
        name: { t: 'str', min: 1, max: 128 },
        value: { t: 'num' },
      },
    },
  };
}

const PAGE_LOAD_ERROR: Shape = {
  t: 'obj',
  fields: {
    page: ROUTE,
    code: {
      t: 'str',
      min: 1,
      max: 64,
      fits: fc.constantFrom(
        'fetch-failed',
        'not-wasm',
        'digest-mismatch',
        'compile-failed',
        'wrong-abi-version',
      ),
      misfits: fc.constantFrom('Compile Failed', '1x', 'bad_import', '-'),
    },
    message: { t: 'str', max: 16_384 },
  },
};
const status = (value: string, taken: readonly string[]): Shape => ({ t: 'tag', value, taken });
const crashedResult = (taken: readonly string[]): Shape => ({
  t: 'obj',
  fields: {
    status: status('crashed', taken),
    crash: crashedShape({ t: 'tag', value: 'crashed', taken: ['crashed'] }),
  },
});

const MOUNT_STATUSES = ['mounted', 'refused', 'crashed'];
const EVENT_STATUSES = ['delivered', 'ignored', 'crashed'];
const UNMOUNT_STATUSES = ['unmounted', 'ignored', 'crashed'];

/** What each call into the WASM world answers, as variants. */
export const RESULT_SHAPES: Readonly<
  Record<'load' | 'mount' | 'event' | 'unmount' | 'hello', readonly Shape[]>
> = {
  load: [
    { t: 'obj', fields: { ok: { t: 'bool', value: true }, page: ROUTE } },
    { t: 'obj', fields: { ok: { t: 'bool', value: false }, error: PAGE_LOAD_ERROR } },
  ],
  mount: [
    {
      t: 'obj',
      fields: {
        status: status('mounted', MOUNT_STATUSES),
        rootId: { t: 'int', min: 0 },
        firstId: { t: 'int', min: 1 },
      },
    },
    { t: 'obj', fields: { status: status('refused', MOUNT_STATUSES), error: PAGE_LOAD_ERROR } },
    crashedResult(MOUNT_STATUSES),
  ],
  event: [
    { t: 'obj', fields: { status: status('delivered', EVENT_STATUSES) } },
    { t: 'obj', fields: { status: status('ignored', EVENT_STATUSES) } },
    crashedResult(EVENT_STATUSES),
  ],
  unmount: [
    { t: 'obj', fields: { status: status('unmounted', UNMOUNT_STATUSES) } },
    { t: 'obj', fields: { status: status('ignored', UNMOUNT_STATUSES) } },
    crashedResult(UNMOUNT_STATUSES),
  ],
  hello: [{ t: 'obj', fields: { contractVersion: { t: 'int', min: 0 }, abiVersion: { t: 'int', min: 0 } } }],
};

const HEX64: Shape = {
  t: 'str',
  min: 64,
  max: 64,
  fits: fc.stringMatching(/^[0-9a-f]{64}$/),
  misfits: fc.oneof(
    fc.constant('A'.repeat(64)),
    fc.stringMatching(/^[0-9a-f]{63}$/),
    fc.constant('g'.repeat(64)),
  ),
};

/** `dist/wasm/manifest.json`: the release's ABI version and every module by id. */
export const MANIFEST_SHAPE: Shape = {
  t: 'obj',
  fields: {
    abiVersion: { t: 'int' },
    modules: {
      t: 'dict',
      value: {
        t: 'obj',
        fields: {
          kind: { t: 'enum', values: ['page', 'example', 'fixture'] },
          file: {
            t: 'str',
            min: 1,
            max: 200,
            fits: fc.stringMatching(/^[a-z0-9-]{1,12}\.[0-9a-f]{12}\.wasm$/),
            misfits: fc.constantFrom(
              'profiles.wasm',
              '../x.0123456789ab.wasm',
              'p.0123456789AB.wasm',
              'p.0123456789ab.js',
            ),
          },
          size: { t: 'int', min: 0 },
          sha256: HEX64,
          abiVersion: { t: 'nullable', inner: { t: 'int' } },
          inputHash: HEX64,
        },
      },
    },
  },
};
