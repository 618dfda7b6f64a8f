import { HttpResponse, http } from 'msw';
import { setupServer } from 'msw/node';
import { type ComponentType, createElement, useState } from 'react';
import { ConcurrentRoot } from 'react-reconciler/constants.js';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import {
  type HistoryEntry,
  type HistorySync,
  number,
  object,
  type Params,
  string,
  WorldToHostMessageSchema,
} from '../../../../bridge/index.ts';
import { FocusEngine } from '../../../../host/focus/focus-engine.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';
import { snapshotScene } from '../../../../host/scene/snapshot.ts';
import {
  type HistorySnapshot,
  LegacyWorld,
  type Navigation,
  Text,
  useFetch,
  useHistory,
  useIsFocused,
  useNavigation,
  useParams,
  View,
} from '../../../../legacy-react/index.ts';
import type { PageContainer } from '../../../../legacy-react/renderer/host-instance.ts';
import { createFicusReconciler } from '../../../../legacy-react/renderer/reconciler.ts';
import { SceneWriter } from '../../../../legacy-react/renderer/scene-writer.ts';
import { createLegacyHarness, type LegacyHarness, TEST_API_BASE } from '../../../support/legacy-harness.ts';
import { expectWorldKeptToItself, nodeWithKey, shownTexts } from '../renderer/world-checks.ts';

/** Focuses `focusKey` and presses OK on it, as the viewer would. */
function selectKey(h: LegacyHarness, focusKey: string): void {
  if (!h.focus.focusByKey(focusKey))
    throw new Error(`nothing focusable called "${focusKey}":\n${h.snapshot()}`);
  h.select();
}

describe('useNavigation', () => {
  function Details() {
    const { navigate, replace, back } = useNavigation();
    return (
      <>
        <View
          x={0}
          y={0}
          width={200}
          height={80}
          focusKey="play"
          onSelect={() => navigate('playback', { id: 't1', from: 'details' })}
        />
        <View
          x={220}
          y={0}
          width={200}
          height={80}
          focusKey="similar"
          onSelect={() => replace('title-details', { id: 't2' })}
        />
        <View x={440} y={0} width={200} height={80} focusKey="close" onSelect={() => back()} />
        <View x={660} y={0} width={200} height={80} focusKey="home" onSelect={() => navigate('home')} />
        <View
          x={880}
          y={0}
          width={200}
          height={80}
          focusKey="bad-route"
          onSelect={() => navigate('Bad Route')}
        />
      </>
    );
  }

  it('sends navigate, replace and back requests the router accepts', () => {
    const h = createLegacyHarness({ details: Details });
    h.mount('details');
    for (const key of ['play', 'similar', 'close', 'home']) selectKey(h, key);
    const requests = h.requests();
    expect(requests).toEqual([
      { type: 'navigate', route: 'playback', params: { id: 't1', from: 'details' } },
      { type: 'replace', route: 'title-details', params: { id: 't2' } },
      { type: 'back' },
      { type: 'navigate', route: 'home', params: {} },
    ]);
    for (const request of requests) expect(WorldToHostMessageSchema.check(request).ok).toBe(true);
    expectWorldKeptToItself(h);
  });

  /** The navigation object a page got, to call it the way a handler would. */
  function navigationOf(): { h: LegacyHarness; navigation: () => Navigation } {
    let got: Navigation | undefined;
    function Page() {
      got = useNavigation();
      return null;
    }
    const h = createLegacyHarness({ page: Page });
    h.mount('page');
    return {
      h,
      navigation: () => {
        if (got === undefined) throw new Error('the page never rendered');
        return got;
      },
    };
  }

  it('an invalid route throws with a clear message and sends nothing', () => {
    const { h, navigation } = navigationOf();
    expect(() => navigation().navigate('Bad Route')).toThrow(
      'navigate: route "Bad Route" is not a route name (expected a route name like "title-details", got "Bad Route")',
    );
    expect(() => navigation().replace('title details', {})).toThrow(
      'replace: route "title details" is not a route name (expected a route name like "title-details", got "title details")',
    );
    expect(h.requests()).toEqual([]);
  });

  it('non-string params are rejected, naming the param', () => {
    const { h, navigation } = navigationOf();
    // Params from an untyped source (a deep link, a JS module): a number slipped in.
    const params = JSON.parse('{"id": 42}') as Params;
    expect(() => navigation().navigate('playback', params)).toThrow(
      'navigate: params for "playback" must be strings so they fit in a URL (id: expected a string, got 42)',
    );
    expect(() => navigation().replace('playback', params)).toThrow(
      'replace: params for "playback" must be strings',
    );
    expect(h.requests()).toEqual([]);
  });

  it('a throw from navigate inside a handler is reported, not thrown into the host; the page keeps working', () => {
    const h = createLegacyHarness({ details: Details });
    h.mount('details');
    const reported: unknown[] = [];
    const spy = vi
      .spyOn(console, 'error')
      .mockImplementation((...args: unknown[]) => void reported.push(...args));
    try {
      expect(() => selectKey(h, 'bad-route')).not.toThrow();
    } finally {
      spy.mockRestore();
    }
    expect(String(reported.find((r) => r instanceof Error))).toContain(
      'navigate: route "Bad Route" is not a route name',
    );
    selectKey(h, 'close');
    expect(h.requests()).toEqual([{ type: 'back' }]);
  });

  it('a host that switches pages synchronously inside the request gets a fully drawn next page', async () => {
    // The router answers navigate at once: mount the next entry, unmount this one, focus it.
    function Episode() {
      const { navigate } = useNavigation();
      const { n = '0' } = useParams();
      const [pressed, setPressed] = useState(0);
      return (
        <View
          width={400}
          height={100}
          focusKey={`next-${n}`}
          onSelect={() => {
            navigate('episode', { n: String(Number(n) + 1) });
            setPressed((p) => p + 1); // after the page is gone: must be harmless
          }}
        >
          <Text width={400} height={40}>{`Episode ${n} (${pressed})`}</Text>
        </View>
      );
    }
    const store = new SceneStore();
    const focus = new FocusEngine(store, 'legacy', { now: () => 0 });
    const rejected: string[] = [];
    const entries = ['entry-0'];
    const world: LegacyWorld = new LegacyWorld({
      pages: { episode: Episode },
      apiBase: TEST_API_BASE,
      send(message) {
        if (message.type === 'scene.ops') {
          const result = store.apply('legacy', message.ops);
          if (!result.ok) rejected.push(result.error.message);
          focus.sceneChanged();
        } else if (message.type === 'navigate') {
          const previous = entries.at(-1) ?? '';
          const next = `entry-${entries.length}`;
          entries.push(next);
          world.mount(next, message.route, message.params);
          world.unmount(previous);
          focus.focusInitial();
        }
      },
    });
    focus.onChange((event) => world.deliver(event));
    world.mount('entry-0', 'episode', { n: '0' });
    focus.focusInitial();

    for (let i = 0; i < 3; i++) {
      const focused = focus.focused;
      if (focused === null) throw new Error('nothing focused');
      world.deliver({ type: 'select', world: 'legacy', ...focused });
    }
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(rejected).toEqual([]);
    expect(world.mountedKeys).toEqual(['entry-3']);
    expect(focus.focused?.focusKey).toBe('next-3');
    expect(snapshotScene(store, 'legacy')).toBe(
      [
        'view #0',
        '  view #1 height=1080 width=1920',
        '    view #2 focusKey="next-3" height=100 width=400',
        '      text #3 height=40 text="Episode 3 (0)" width=400',
      ].join('\n'),
    );
  });
});

describe('useParams', () => {
  function TitleHeader() {
    const { id, tab } = useParams();
    return (
      <Text width={600} height={40}>
        {`title ${id ?? '?'} tab ${tab ?? 'overview'}`}
      </Text>
    );
  }

  it('returns the params the page was mounted with, per page', () => {
    const h = createLegacyHarness({ 'title-details': TitleHeader });
    h.mount('title-details', { id: 't1', tab: 'cast' }, 'entry-1');
    h.mount('title-details', { id: 't2' }, 'entry-2');
    expect(shownTexts(h)).toEqual(['title t1 tab cast', 'title t2 tab overview']);
  });

  it('is a frozen copy: changing the object given to mount changes nothing', () => {
    let seen: Params | undefined;
    function Probe() {
      seen = useParams();
      return null;
    }
    const h = createLegacyHarness({ probe: Probe });
    const params: Record<string, string> = { id: 't1' };
    h.mount('probe', params);
    params['id'] = 'changed';
    expect(seen).toEqual({ id: 't1' });
    expect(Object.isFrozen(seen)).toBe(true);
  });
});

describe('useHistory', () => {
  const entry = (key: string, route: string, params: Params = {}): HistoryEntry => ({
    key,
    route,
    params,
    world: 'legacy',
    focusKey: null,
  });
  const sync = (seq: number, entries: HistoryEntry[], index = entries.length - 1): HistorySync => ({
    type: 'history.sync',
    seq,
    entries,
    index,
  });

  const snapshots: HistorySnapshot[] = [];
  function Breadcrumbs() {
    const history = useHistory();
    snapshots.push(history);
    const trail = history.entries.map((e) => e.route).join(' > ');
    return (
      <Text width={1200} height={40}>
        {history.entries.length === 0 ? 'no history yet' : `${trail} @${history.index}`}
      </Text>
    );
  }

  it('reflects history.sync messages and ignores stale ones', async () => {
    const h = createLegacyHarness({ breadcrumbs: Breadcrumbs });
    h.mount('breadcrumbs');
    expect(shownTexts(h)).toEqual(['no history yet']);

    h.world.deliver(sync(1, [entry('e1', 'home'), entry('e2', 'title-details', { id: 't1' })]));
    await h.settle();
    expect(shownTexts(h)).toEqual(['home > title-details @1']);

    // A late sync (lower seq) and a duplicate (same seq) must not roll the copy back.
    h.world.deliver(sync(0, [entry('e1', 'home')]));
    h.world.deliver(sync(1, [entry('e1', 'home'), entry('e9', 'search')]));
    await h.settle();
    expect(shownTexts(h)).toEqual(['home > title-details @1']);
    expect(h.world.historyCopy.current.seq).toBe(1);

    h.world.deliver(sync(2, [entry('e1', 'home'), entry('e2', 'title-details', { id: 't1' })], 0));
    await h.settle();
    expect(shownTexts(h)).toEqual(['home > title-details @0']);
    expectWorldKeptToItself(h);
  });

  it('returns a frozen copy that later changes to the message cannot reach', async () => {
    snapshots.length = 0;
    const h = createLegacyHarness({ breadcrumbs: Breadcrumbs });
    h.mount('breadcrumbs');
    const message = sync(5, [entry('e1', 'home', { profile: 'p1' })]);
    h.world.deliver(message);
    await h.settle();

    const latest = snapshots.at(-1);
    if (latest === undefined) throw new Error('never rendered');
    expect(latest).toEqual({ seq: 5, entries: [entry('e1', 'home', { profile: 'p1' })], index: 0 });
    expect(Object.isFrozen(latest)).toBe(true);
    expect(Object.isFrozen(latest.entries)).toBe(true);
    expect(Object.isFrozen(latest.entries[0])).toBe(true);
    expect(Object.isFrozen(latest.entries[0]?.params)).toBe(true);
    expect(() => (latest.entries as HistoryEntry[]).push(entry('e2', 'search'))).toThrow(TypeError);
    expect(() => {
      (latest.entries[0]?.params as Record<string, string>)['profile'] = 'p2';
    }).toThrow(TypeError);

    // The world copied the message: the router reusing its own objects changes nothing here.
    (message.entries as HistoryEntry[]).push(entry('e2', 'search'));
    (message.entries[0]?.params as Record<string, string>)['profile'] = 'p9';
    expect(h.world.historyCopy.current.entries).toEqual([entry('e1', 'home', { profile: 'p1' })]);
  });
});

describe('useIsFocused', () => {
  it('flips with focus and re-renders only the tiles whose answer changed', async () => {
    const renders = new Map<string, number>();
    function Tile({ id, x }: { id: string; x: number }) {
      const focused = useIsFocused(id);
      renders.set(id, (renders.get(id) ?? 0) + 1);
      return (
        <View
          x={x}
          y={0}
          width={200}
          height={120}
          focusKey={id}
          backgroundColor={focused ? '#e8b04a' : '#2b3a55'}
        >
          <Text width={200} height={30}>{`${id} ${focused ? 'focused' : 'idle'}`}</Text>
        </View>
      );
    }
    function Rail() {
      return (
        <>
          <Tile id="a" x={0} />
          <Tile id="b" x={220} />
          <Tile id="c" x={440} />
        </>
      );
    }
    const h = createLegacyHarness({ rail: Rail });
    h.mount('rail');
    expect(shownTexts(h)).toEqual(['a idle', 'b idle', 'c idle']);

    h.focus.focusInitial();
    await h.settle();
    expect(shownTexts(h)).toEqual(['a focused', 'b idle', 'c idle']);
    expect(nodeWithKey(h, 'a').props.backgroundColor).toBe('#e8b04a');

    const cRenders = renders.get('c');
    h.press('right');
    await h.settle();
    expect(shownTexts(h)).toEqual(['a idle', 'b focused', 'c idle']);
    expect(nodeWithKey(h, 'a').props.backgroundColor).toBe('#2b3a55');
    expect(renders.get('c')).toBe(cRenders);

    h.focus.blur();
    await h.settle();
    expect(shownTexts(h)).toEqual(['a idle', 'b idle', 'c idle']);
    expectWorldKeptToItself(h);
  });
});

describe('hooks outside a page mounted by the world', () => {
  // Rendered with the Ficus renderer but not through LegacyWorld.mount, so no page is around.
  function renderOutsideAPage(Component: ComponentType): unknown[] {
    const reconciler = createFicusReconciler(new SceneWriter());
    const errors: unknown[] = [];
    const container: PageContainer = {
      page: 'orphan',
      nodeId: 1,
      children: [],
      pending: [],
      flush: () => undefined,
    };
    const root = reconciler.createContainer(
      container,
      ConcurrentRoot,
      null,
      false,
      null,
      'orphan-',
      (error) => errors.push(error),
      () => undefined,
      () => undefined,
      () => undefined,
      null,
    );
    reconciler.updateContainerSync(createElement(Component), root);
    reconciler.flushSyncWork();
    return errors;
  }

  const TitleSchema = object({ id: string() });
  const hooks: Array<[string, () => unknown]> = [
    ['useNavigation', () => useNavigation()],
    ['useParams', () => useParams()],
    ['useHistory', () => useHistory()],
    ['useIsFocused', () => useIsFocused('x')],
    ['useFetch', () => useFetch('/api/titles/t1', TitleSchema)],
  ];

  it.each(hooks)('%s() says it must be called inside a page mounted by the world', (name, useHook) => {
    function Orphan() {
      useHook();
      return null;
    }
    const errors = renderOutsideAPage(Orphan);
    expect(errors).toHaveLength(1);
    expect(errors[0]).toBeInstanceOf(Error);
    expect(errors[0] instanceof Error ? errors[0].message : '').toBe(
      `${name}() must be called inside a page mounted by the Ficus React world (LegacyWorld.mount); it has no page here`,
    );
  });
});

describe('useFetch', () => {
  const TitleSchema = object({ id: string(), name: string(), year: number({ integer: true }) });
  const url = (path: string) => `${TEST_API_BASE}${path}`;

  const server = setupServer();
  const requested: string[] = [];
  server.events.on('request:start', ({ request }) => {
    requested.push(new URL(request.url).pathname + new URL(request.url).search);
  });
  beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
  afterEach(() => {
    server.resetHandlers();
    requested.length = 0;
  });
  afterAll(() => server.close());

  /** A details page the way pages load data: params → path → useFetch → loading / error / ready. */
  function TitlePage() {
    const { id } = useParams();
    const title = useFetch(id === undefined ? null : `/api/titles/${id}`, TitleSchema);
    switch (title.status) {
      case 'loading':
        return (
          <Text width={400} height={40}>
            Loading…
          </Text>
        );
      case 'error':
        return (
          <View width={800} height={200} focusKey="retry" onSelect={title.retry}>
            <Text width={800} height={40}>
              {`Error ${title.error.kind}${title.error.kind === 'http' ? ` ${title.error.status}` : ''}`}
            </Text>
            <Text y={40} width={800} height={40}>
              {title.error.message}
            </Text>
          </View>
        );
      case 'ready':
        return (
          <Text width={800} height={40}>
            {`${title.data.name} (${title.data.year})`}
          </Text>
        );
    }
  }

  async function mountTitle(id: string) {
    const h = createLegacyHarness({ 'title-details': TitlePage });
    h.mount('title-details', { id });
    return h;
  }
  const settled = (h: LegacyHarness) =>
    h.waitFor(() => !shownTexts(h).includes('Loading…'), 'the page to leave its loading state');

  it('shows loading first, then the data the schema accepted', async () => {
    server.use(
      http.get(url('/api/titles/t1'), () => HttpResponse.json({ id: 't1', name: 'Alpha', year: 1999 })),
    );
    const h = await mountTitle('t1');
    // mount() renders synchronously: the first frame is the loading state.
    expect(shownTexts(h)).toEqual(['Loading…']);
    await settled(h);
    expect(shownTexts(h)).toEqual(['Alpha (1999)']);
    expect(requested).toEqual(['/api/titles/t1']);
    expectWorldKeptToItself(h);
  });

  it('HTTP 500 is an http error with the status', async () => {
    server.use(http.get(url('/api/titles/t1'), () => HttpResponse.json({ error: 'boom' }, { status: 500 })));
    const h = await mountTitle('t1');
    await settled(h);
    expect(shownTexts(h)).toEqual(['Error http 500', `${url('/api/titles/t1')} answered HTTP 500`]);
  });

  it('a body that is not JSON is malformed', async () => {
    server.use(
      http.get(
        url('/api/titles/t1'),
        () => new HttpResponse('{"id": "t1", "name": ', { headers: { 'Content-Type': 'application/json' } }),
      ),
    );
    const h = await mountTitle('t1');
    await settled(h);
    expect(shownTexts(h)).toEqual(['Error malformed', `${url('/api/titles/t1')} did not answer with JSON`]);
  });

  it('JSON the schema rejects is malformed, naming the path', async () => {
    server.use(
      http.get(url('/api/titles/t1'), () => HttpResponse.json({ id: 't1', name: 'Alpha', year: '1999' })),
    );
    const h = await mountTitle('t1');
    await settled(h);
    const [kind, message] = shownTexts(h);
    expect(kind).toBe('Error malformed');
    expect(message).toBe(`${url('/api/titles/t1')} answered at .year: expected an integer, got "1999"`);
  });

  it('a network failure is a network error', async () => {
    server.use(http.get(url('/api/titles/t1'), () => HttpResponse.error()));
    const h = await mountTitle('t1');
    await settled(h);
    const [kind, message] = shownTexts(h);
    expect(kind).toBe('Error network');
    expect(message).toMatch(new RegExp(`^could not reach ${url('/api/titles/t1').replaceAll('.', '\\.')}: `));
  });

  it('retry() after a failure loads again and succeeds', async () => {
    let calls = 0;
    server.use(
      http.get(url('/api/titles/t1'), () => {
        calls++;
        return calls === 1
          ? new HttpResponse(null, { status: 503 })
          : HttpResponse.json({ id: 't1', name: 'Alpha', year: 1999 });
      }),
    );
    const h = await mountTitle('t1');
    await settled(h);
    expect(shownTexts(h)[0]).toBe('Error http 503');

    selectKey(h, 'retry');
    await h.waitFor(() => shownTexts(h).includes('Alpha (1999)'), 'the retried load');
    expect(calls).toBe(2);
    expect(requested).toEqual(['/api/titles/t1', '/api/titles/t1']);
    expectWorldKeptToItself(h);
  });

  it('a path change aborts the old request and shows the new data only', async () => {
    let slowSignal: AbortSignal | undefined;
    let releaseSlow: () => void = () => undefined;
    server.use(
      http.get(url('/api/titles/slow'), async ({ request }) => {
        slowSignal = request.signal;
        await new Promise<void>((resolve) => {
          releaseSlow = resolve;
          request.signal.addEventListener('abort', () => resolve());
        });
        return HttpResponse.json({ id: 'slow', name: 'Slow', year: 1990 });
      }),
      http.get(url('/api/titles/fast'), () => HttpResponse.json({ id: 'fast', name: 'Fast', year: 2020 })),
    );
    function Switcher() {
      const [id, setId] = useState('slow');
      const title = useFetch(`/api/titles/${id}`, TitleSchema);
      return (
        <View width={800} height={100} focusKey="switch" onSelect={() => setId('fast')}>
          <Text width={800} height={40}>
            {title.status === 'ready' ? title.data.name : title.status}
          </Text>
        </View>
      );
    }
    const h = createLegacyHarness({ switcher: Switcher });
    h.mount('switcher');
    await h.waitFor(() => slowSignal !== undefined, 'the slow request to start');

    selectKey(h, 'switch');
    await h.waitFor(() => shownTexts(h).includes('Fast'), 'the new data');
    expect(slowSignal?.aborted).toBe(true);
    releaseSlow();
    await h.settle(5);
    expect(shownTexts(h)).toEqual(['Fast']);
    expect(requested).toEqual(['/api/titles/slow', '/api/titles/fast']);
  });

  it('a path change shows loading in the very render that changes it, never the old data', async () => {
    server.use(
      http.get(url('/api/titles/:id'), ({ params }) =>
        HttpResponse.json({ id: String(params['id']), name: String(params['id']).toUpperCase(), year: 2000 }),
      ),
    );
    function Switcher() {
      const [id, setId] = useState('a');
      const title = useFetch(`/api/titles/${id}`, TitleSchema);
      return (
        <View width={800} height={100} focusKey="switch" onSelect={() => setId('b')}>
          <Text width={800} height={40}>
            {`${id}: ${title.status === 'ready' ? title.data.name : title.status}`}
          </Text>
        </View>
      );
    }
    const h = createLegacyHarness({ switcher: Switcher });
    h.mount('switcher');
    await h.waitFor(() => shownTexts(h).includes('a: A'), 'the first title');
    const from = h.messages.length;
    selectKey(h, 'switch');
    await h.waitFor(() => shownTexts(h).includes('b: B'), 'the second title');
    const texts = h.messages
      .slice(from)
      .flatMap((m) => (m.type === 'scene.ops' ? m.ops : []))
      .flatMap((op) => (op.op === 'setProp' && op.name === 'text' ? [op.value] : []));
    expect(texts).toEqual(['b: loading', 'b: B']);
  });

  describe('a null path', () => {
    const ResultsSchema = object({ query: string(), count: number({ integer: true }) });
    function Search() {
      const [query, setQuery] = useState('');
      const results = useFetch(query === '' ? null : `/api/search?q=${query}`, ResultsSchema);
      return (
        <>
          <View x={0} y={0} width={200} height={80} focusKey="type" onSelect={() => setQuery('alp')} />
          <View x={220} y={0} width={200} height={80} focusKey="clear" onSelect={() => setQuery('')} />
          <Text y={100} width={800} height={40}>
            {results.status === 'ready'
              ? `${results.data.count} results for ${results.data.query}`
              : results.status}
          </Text>
        </>
      );
    }
    const answer = () =>
      http.get(url('/api/search'), ({ request }) =>
        HttpResponse.json({ query: new URL(request.url).searchParams.get('q') ?? '', count: 3 }),
      );

    it('stays loading and makes no request', async () => {
      server.use(answer());
      const h = createLegacyHarness({ search: Search });
      h.mount('search');
      await h.settle(10);
      expect(shownTexts(h)).toEqual(['loading']);
      expect(requested).toEqual([]);

      selectKey(h, 'type');
      await h.waitFor(() => shownTexts(h).includes('3 results for alp'), 'search results');
      expect(requested).toEqual(['/api/search?q=alp']);
    });

    it('going back to null after data shows loading again, not the old data (as documented)', async () => {
      server.use(answer());
      const h = createLegacyHarness({ search: Search });
      h.mount('search');
      selectKey(h, 'type');
      await h.waitFor(() => shownTexts(h).includes('3 results for alp'), 'search results');

      selectKey(h, 'clear');
      await h.settle(10);
      // useFetch's doc: "A `null` path loads nothing (stays `loading`), e.g. while a search box is empty."
      expect(shownTexts(h)).toEqual(['loading']);
      expect(requested).toEqual(['/api/search?q=alp']);
    });
  });
});
