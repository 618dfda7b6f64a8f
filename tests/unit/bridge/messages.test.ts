import { describe, expect, it } from 'vitest';
import {
  BackRequestSchema,
  BlurEventSchema,
  ContractViolation,
  encodeSceneBatch,
  FocusEventSchema,
  HelloMessageSchema,
  HistoryEntrySchema,
  type HistorySync,
  HistorySyncSchema,
  HostToWorldMessageSchema,
  NavigateRequestSchema,
  PageCrashedSchema,
  ParamsSchema,
  parse,
  ReplaceRequestSchema,
  RouteSchema,
  SceneBatchMessageSchema,
  type Schema,
  type SchemaIssue,
  SelectEventSchema,
  WorldToHostMessageSchema,
} from '../../../bridge/index.ts';

function issueOf<T>(schema: Schema<T>, input: unknown): SchemaIssue {
  const result = schema.check(input);
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to be rejected, but it was accepted`);
  return result.issue;
}

const accepts = <T>(schema: Schema<T>, input: unknown): boolean => schema.check(input).ok;

const entry = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  key: 'e1',
  route: 'profiles',
  params: {},
  world: 'legacy',
  focusKey: null,
  ...overrides,
});

const sync = (overrides: Record<string, unknown> = {}): Record<string, unknown> => ({
  type: 'history.sync',
  seq: 0,
  entries: [entry()],
  index: 0,
  ...overrides,
});

// Good examples of every control message, by direction.
const worldToHost = {
  hello: { type: 'hello', contractVersion: 1 },
  'scene.batch': { type: 'scene.batch', page: 'collections', frame: 12, bytes: encodeSceneBatch([]) },
  navigate: { type: 'navigate', route: 'title-details', params: { id: 'tt42' } },
  replace: { type: 'replace', route: 'search', params: {} },
  back: { type: 'back' },
  crashed: {
    type: 'crashed',
    page: 'collections',
    phase: 'frame',
    message: 'unreachable',
    stderr: 'panic at 0x2a',
  },
} satisfies Record<string, unknown>;
const hostToWorld = {
  'history.sync': sync({
    seq: 7,
    entries: [
      entry(),
      entry({ key: 'e2', route: 'collections', world: 'wasm', focusKey: 'rail-1:tile-3' }),
      entry({ key: 'e3', route: 'title-details', params: { id: 'tt42', from: 'home' } }),
    ],
    index: 1,
  }),
  focus: { type: 'focus', world: 'wasm', nodeId: 7, focusKey: 'tile-7' },
  blur: { type: 'blur', world: 'legacy', nodeId: 0, focusKey: 'tile-7' },
  select: { type: 'select', world: 'wasm', nodeId: 0xffff_ffff, focusKey: 'play.button' },
} satisfies Record<string, unknown>;

describe('RouteSchema', () => {
  it('accepts lowercase page ids with dashes and digits', () => {
    for (const route of ['profiles', 'title-details', 'a', 'settings2', `a${'b'.repeat(63)}`]) {
      expect(accepts(RouteSchema, route), route).toBe(true);
    }
  });

  it('rejects anything else', () => {
    for (const route of [
      '',
      'Profiles',
      '2fa',
      '-x',
      'title_details',
      'a/b',
      '../etc',
      'a b',
      `a${'b'.repeat(64)}`,
      'é',
    ]) {
      expect(accepts(RouteSchema, route), route).toBe(false);
    }
    expect(issueOf(RouteSchema, 'Home').message).toBe(
      'expected a route name like "title-details", got "Home"',
    );
  });
});

describe('ParamsSchema', () => {
  it('accepts flat string params', () => {
    expect(accepts(ParamsSchema, {})).toBe(true);
    expect(accepts(ParamsSchema, { id: 'tt42', q: '' })).toBe(true);
  });

  it('rejects non-string values, naming the param', () => {
    expect(issueOf(ParamsSchema, { id: 42 })).toEqual({ path: '.id', message: 'expected a string, got 42' });
    expect(issueOf(ParamsSchema, { id: null }).path).toBe('.id');
    expect(issueOf(ParamsSchema, { nested: { a: 'b' } }).path).toBe('.nested');
    expect(issueOf(ParamsSchema, { list: ['a'] }).path).toBe('.list');
    expect(issueOf(ParamsSchema, { flag: true }).path).toBe('.flag');
  });

  it('rejects arrays, too many params and overlong values', () => {
    expect(issueOf(ParamsSchema, ['a']).message).toBe('expected an object, got an array');
    const many = Object.fromEntries(Array.from({ length: 33 }, (_, i) => [`p${i}`, 'v']));
    expect(issueOf(ParamsSchema, many).message).toBe('expected at most 32 entries, got 33');
    expect(accepts(ParamsSchema, { v: 'x'.repeat(2048) })).toBe(true);
    expect(issueOf(ParamsSchema, { v: 'x'.repeat(2049) }).message).toBe(
      'expected at most 2048 characters, got 2049',
    );
  });
});

describe('history.sync', () => {
  it('accepts a good sync, including an empty-param entry and a null focus key', () => {
    expect(HistorySyncSchema.check(hostToWorld['history.sync'])).toEqual({
      ok: true,
      value: hostToWorld['history.sync'],
    });
    expect(accepts(HistorySyncSchema, sync())).toBe(true);
  });

  it('rejects a wrong type', () => {
    expect(issueOf(HistorySyncSchema, sync({ type: 'history.push' }))).toEqual({
      path: '.type',
      message: 'expected "history.sync", got "history.push"',
    });
  });

  it('rejects unknown fields, at the root and in an entry', () => {
    expect(issueOf(HistorySyncSchema, sync({ extra: 1 })).path).toBe('.extra');
    expect(issueOf(HistorySyncSchema, sync({ entries: [entry(), entry({ title: 'x' })] }))).toEqual({
      path: '.entries[1].title',
      message: 'unknown field (expected only key, route, params, world, focusKey)',
    });
  });

  it('rejects missing fields', () => {
    const { focusKey: _dropped, ...noFocusKey } = entry();
    expect(issueOf(HistorySyncSchema, sync({ entries: [noFocusKey] })).path).toBe('.entries[0].focusKey');
    const { seq: _seq, ...noSeq } = sync();
    expect(issueOf(HistorySyncSchema, noSeq).path).toBe('.seq');
  });

  it('names the bad route inside the entry list', () => {
    const issue = issueOf(
      HistorySyncSchema,
      sync({ entries: [entry(), entry(), entry({ route: 'Title Details' })] }),
    );
    expect(issue.path).toBe('.entries[2].route');
    expect(issue.message).toContain('a route name');
  });

  it('rejects a bad focus key', () => {
    for (const focusKey of ['', 'has space', '<script>', 'x'.repeat(129), 'tile/1', 7]) {
      expect(issueOf(HistorySyncSchema, sync({ entries: [entry({ focusKey })] })).path).toBe(
        '.entries[0].focusKey',
      );
    }
    expect(accepts(HistoryEntrySchema, entry({ focusKey: 'x'.repeat(128) }))).toBe(true);
  });

  it('rejects params with non-string values', () => {
    expect(issueOf(HistorySyncSchema, sync({ entries: [entry({ params: { id: 7 } })] }))).toEqual({
      path: '.entries[0].params.id',
      message: 'expected a string, got 7',
    });
  });

  it('rejects a bad world, key or seq', () => {
    expect(issueOf(HistorySyncSchema, sync({ entries: [entry({ world: 'react' })] })).path).toBe(
      '.entries[0].world',
    );
    expect(issueOf(HistorySyncSchema, sync({ entries: [entry({ key: '' })] })).path).toBe('.entries[0].key');
    expect(issueOf(HistorySyncSchema, sync({ seq: -1 }))).toEqual({
      path: '.seq',
      message: 'expected an integer of at least 0, got -1',
    });
    expect(issueOf(HistorySyncSchema, sync({ seq: 1.5 })).path).toBe('.seq');
    expect(issueOf(HistorySyncSchema, sync({ seq: Number.NaN })).path).toBe('.seq');
    expect(issueOf(HistorySyncSchema, sync({ seq: '3' })).path).toBe('.seq');
    expect(issueOf(HistorySyncSchema, sync({ index: -1 })).path).toBe('.index');
  });

  it('caps the history at 1000 entries', () => {
    const entries = Array.from({ length: 1001 }, (_, i) => entry({ key: `e${i}` }));
    expect(issueOf(HistorySyncSchema, sync({ entries })).message).toBe(
      'expected at most 1000 items, got 1001',
    );
    expect(accepts(HistorySyncSchema, sync({ entries: entries.slice(0, 1000) }))).toBe(true);
  });

  it('rejects an index that does not point at an entry (the current entry must exist)', () => {
    expect(accepts(HistorySyncSchema, sync({ entries: [entry()], index: 0 }))).toBe(true);
    expect(accepts(HistorySyncSchema, sync({ entries: [entry()], index: 1 }))).toBe(false);
    expect(accepts(HistorySyncSchema, sync({ entries: [], index: 0 }))).toBe(false);
  });

  it('infers a usable type', () => {
    const value: HistorySync = parse(HistorySyncSchema, hostToWorld['history.sync'], 'history.sync');
    expect(value.entries[1]?.world).toBe('wasm');
    expect(value.entries[2]?.params).toEqual({ id: 'tt42', from: 'home' });
  });
});

describe('navigation requests', () => {
  it('accepts navigate, replace and back', () => {
    expect(accepts(NavigateRequestSchema, worldToHost.navigate)).toBe(true);
    expect(accepts(ReplaceRequestSchema, worldToHost.replace)).toBe(true);
    expect(accepts(BackRequestSchema, worldToHost.back)).toBe(true);
  });

  it('rejects a bad route, missing params, non-string params and unknown fields', () => {
    expect(issueOf(NavigateRequestSchema, { type: 'navigate', route: 'Details', params: {} }).path).toBe(
      '.route',
    );
    expect(issueOf(NavigateRequestSchema, { type: 'navigate', route: 'details' })).toEqual({
      path: '.params',
      message: 'missing required field (expected an object of a string)',
    });
    expect(
      issueOf(NavigateRequestSchema, { type: 'navigate', route: 'details', params: { page: 2 } }).path,
    ).toBe('.params.page');
    expect(issueOf(ReplaceRequestSchema, { type: 'replace', route: 'details', params: [] }).path).toBe(
      '.params',
    );
    expect(issueOf(BackRequestSchema, { type: 'back', steps: 2 }).path).toBe('.steps');
  });

  it('does not confuse navigate with replace', () => {
    expect(issueOf(NavigateRequestSchema, worldToHost.replace).path).toBe('.type');
    expect(issueOf(ReplaceRequestSchema, worldToHost.navigate).path).toBe('.type');
  });
});

describe('focus, blur and select events', () => {
  const schemas: Record<string, Schema<unknown>> = {
    focus: FocusEventSchema,
    blur: BlurEventSchema,
    select: SelectEventSchema,
  };

  for (const [type, schema] of Object.entries(schemas)) {
    it(`${type}: accepts a good event and rejects malformed ones`, () => {
      const good = { type, world: 'wasm', nodeId: 3, focusKey: 'tile-3' };
      expect(schema.check(good)).toEqual({ ok: true, value: good });
      expect(issueOf(schema, { ...good, type: type === 'focus' ? 'blur' : 'focus' }).path).toBe('.type');
      expect(issueOf(schema, { ...good, world: 'dom' }).path).toBe('.world');
      expect(issueOf(schema, { ...good, nodeId: -1 }).path).toBe('.nodeId');
      expect(issueOf(schema, { ...good, nodeId: 2 ** 32 }).path).toBe('.nodeId');
      expect(issueOf(schema, { ...good, nodeId: 1.5 }).path).toBe('.nodeId');
      expect(issueOf(schema, { ...good, focusKey: 'bad key' }).path).toBe('.focusKey');
      expect(issueOf(schema, { ...good, focusKey: null }).path).toBe('.focusKey');
      expect(issueOf(schema, { ...good, extra: true }).path).toBe('.extra');
    });
  }
});

describe('lifecycle and scene batch messages', () => {
  it('hello: a non-negative integer contract version', () => {
    expect(accepts(HelloMessageSchema, worldToHost.hello)).toBe(true);
    expect(issueOf(HelloMessageSchema, { type: 'hello', contractVersion: -1 }).path).toBe('.contractVersion');
    expect(issueOf(HelloMessageSchema, { type: 'hello', contractVersion: 1.1 }).path).toBe(
      '.contractVersion',
    );
    expect(issueOf(HelloMessageSchema, { type: 'hello', contractVersion: '1' }).path).toBe(
      '.contractVersion',
    );
  });

  it('crashed: a known phase and bounded message and stderr', () => {
    const good = worldToHost.crashed;
    expect(accepts(PageCrashedSchema, good)).toBe(true);
    expect(issueOf(PageCrashedSchema, { ...good, phase: 'render' }).path).toBe('.phase');
    expect(issueOf(PageCrashedSchema, { ...good, page: 'Bad Page' }).path).toBe('.page');
    expect(
      accepts(PageCrashedSchema, { ...good, message: 'm'.repeat(4096), stderr: 's'.repeat(65_536) }),
    ).toBe(true);
    expect(issueOf(PageCrashedSchema, { ...good, message: 'm'.repeat(4097) }).path).toBe('.message');
    expect(issueOf(PageCrashedSchema, { ...good, stderr: 's'.repeat(65_537) }).path).toBe('.stderr');
    const { stderr: _stderr, ...noStderr } = good;
    expect(issueOf(PageCrashedSchema, noStderr).path).toBe('.stderr');
  });

  it('scene.batch: bytes must be a Uint8Array, frame a non-negative integer', () => {
    const good = worldToHost['scene.batch'];
    expect(accepts(SceneBatchMessageSchema, good)).toBe(true);
    expect(issueOf(SceneBatchMessageSchema, { ...good, bytes: new ArrayBuffer(16) }).path).toBe('.bytes');
    expect(issueOf(SceneBatchMessageSchema, { ...good, bytes: [70, 67, 83, 66] }).path).toBe('.bytes');
    expect(issueOf(SceneBatchMessageSchema, { ...good, frame: -1 }).path).toBe('.frame');
    expect(issueOf(SceneBatchMessageSchema, { ...good, world: 'legacy' }).path).toBe('.world');
  });
});

describe('direction unions', () => {
  it('WorldToHostMessageSchema accepts every world → host message', () => {
    for (const [type, message] of Object.entries(worldToHost)) {
      expect(WorldToHostMessageSchema.check(message), type).toEqual({ ok: true, value: message });
    }
  });

  it('HostToWorldMessageSchema accepts every host → world message', () => {
    for (const [type, message] of Object.entries(hostToWorld)) {
      expect(HostToWorldMessageSchema.check(message), type).toEqual({ ok: true, value: message });
    }
  });

  it('a message is only valid in its own direction', () => {
    for (const [type, message] of Object.entries(hostToWorld)) {
      expect(issueOf(WorldToHostMessageSchema, message).path, type).toBe('.type');
    }
    for (const [type, message] of Object.entries(worldToHost)) {
      expect(issueOf(HostToWorldMessageSchema, message).path, type).toBe('.type');
    }
  });

  it('names the unknown type and lists the known ones', () => {
    expect(issueOf(WorldToHostMessageSchema, { type: 'teleport' })).toEqual({
      path: '.type',
      message:
        'expected one of hello, scene.batch, scene.ops, navigate, replace, back, crashed, data.request, log, metric, got "teleport"',
    });
    expect(issueOf(HostToWorldMessageSchema, {}).message).toBe(
      'expected one of history.sync, focus, blur, select, arrow, got undefined',
    );
    expect(issueOf(HostToWorldMessageSchema, 'focus').path).toBe('');
  });

  it("reports the variant's own issue after dispatch", () => {
    expect(issueOf(WorldToHostMessageSchema, { type: 'navigate', route: 'ok', params: { n: 1 } })).toEqual({
      path: '.params.n',
      message: 'expected a string, got 1',
    });
    expect(issueOf(HostToWorldMessageSchema, sync({ entries: [entry(), entry({ route: 'X' })] })).path).toBe(
      '.entries[1].route',
    );
  });

  it('parse() throws a ContractViolation naming the message and the path', () => {
    expect(() =>
      parse(
        WorldToHostMessageSchema,
        { type: 'navigate', route: 'Bad', params: {} },
        'message from world "wasm"',
      ),
    ).toThrow(ContractViolation);
    expect(() =>
      parse(
        WorldToHostMessageSchema,
        { type: 'navigate', route: 'Bad', params: {} },
        'message from world "wasm"',
      ),
    ).toThrow(
      'message from world "wasm" is malformed at .route: expected a route name like "title-details", got "Bad"',
    );
  });
});
