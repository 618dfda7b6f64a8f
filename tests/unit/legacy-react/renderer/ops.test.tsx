import { Suspense, use } from 'react';
import { describe, expect, it } from 'vitest';
import { ROOT_NODE_ID, type SceneOp } from '../../../../bridge/index.ts';
import { Image, Text, View } from '../../../../legacy-react/index.ts';
import { createLegacyHarness, type LegacyHarness } from '../../../support/legacy-harness.ts';
import { type AppStore, createAppStore, useAppStore } from './app-store.ts';
import { createTitleCache } from './suspense-data.ts';
import {
  batchesSince,
  childKeys,
  expectWorldKeptToItself,
  idWhere,
  nodeWithKey,
  shownTexts,
} from './world-checks.ts';

/** Runs `change` and returns the scene batches the world sent because of it, once React settled. */
async function opsAfter(h: LegacyHarness, change: () => void): Promise<Array<readonly SceneOp[]>> {
  const from = h.messages.length;
  change();
  await h.settle();
  const batches = batchesSince(h, from);
  expectWorldKeptToItself(h);
  return batches;
}

/** The id of the page layer the world created for the page mounted last. */
function containerOf(batch: readonly SceneOp[] | undefined): number {
  const first = batch?.[0];
  if (first?.op !== 'create') throw new Error('expected the mount to start with the page layer create');
  return first.id;
}

const STRUCTURAL = new Set(['create', 'append', 'insertBefore', 'remove']);
const structural = (ops: readonly SceneOp[]) => ops.filter((op) => STRUCTURAL.has(op.op));

describe('initial mount', () => {
  function Poster({ id, title }: { id: string; title: string }) {
    return (
      <View x={0} y={0} width={300} height={200} backgroundColor="#2b3a55" focusKey={`poster-${id}`}>
        <Image x={0} y={0} width={300} height={170} src={`https://img.test/${id}.jpg`} fit="cover" />
        <Text x={8} y={172} width={284} height={28} fontSize={20} color="#ffffff">
          {title}
        </Text>
      </View>
    );
  }
  function Home() {
    return (
      <View x={80} y={100} width={1760} height={200} focusGroup>
        <Poster id="a" title="Alpha" />
      </View>
    );
  }

  it('creates the full-stage page layer under the world root, then the page in one batch', () => {
    const h = createLegacyHarness({ home: Home });
    h.mount('home');

    const [layer, page, ...rest] = batchesSince(h);
    expect(rest).toEqual([]);
    const c = containerOf(layer);
    expect(layer).toEqual([
      { op: 'create', id: c, kind: 'view' },
      { op: 'setProp', id: c, name: 'width', value: 1920 },
      { op: 'setProp', id: c, name: 'height', value: 1080 },
      { op: 'append', parent: ROOT_NODE_ID, child: c },
    ]);
    if (page === undefined) throw new Error('the page itself was not sent');
    const row = idWhere(page, 'x', 80);
    const poster = idWhere(page, 'focusKey', 'poster-a');
    const image = idWhere(page, 'src', 'https://img.test/a.jpg');
    const title = idWhere(page, 'text', 'Alpha');
    // Each node is created with its props, its children are written (and appended) before it is
    // appended to its parent, and the page's top node is attached to the layer last.
    expect(page).toEqual([
      { op: 'create', id: row, kind: 'view' },
      { op: 'setProp', id: row, name: 'x', value: 80 },
      { op: 'setProp', id: row, name: 'y', value: 100 },
      { op: 'setProp', id: row, name: 'width', value: 1760 },
      { op: 'setProp', id: row, name: 'height', value: 200 },
      { op: 'setProp', id: row, name: 'focusGroup', value: true },
      { op: 'create', id: poster, kind: 'view' },
      { op: 'setProp', id: poster, name: 'x', value: 0 },
      { op: 'setProp', id: poster, name: 'y', value: 0 },
      { op: 'setProp', id: poster, name: 'width', value: 300 },
      { op: 'setProp', id: poster, name: 'height', value: 200 },
      { op: 'setProp', id: poster, name: 'backgroundColor', value: '#2b3a55' },
      { op: 'setProp', id: poster, name: 'focusKey', value: 'poster-a' },
      { op: 'create', id: image, kind: 'image' },
      { op: 'setProp', id: image, name: 'x', value: 0 },
      { op: 'setProp', id: image, name: 'y', value: 0 },
      { op: 'setProp', id: image, name: 'width', value: 300 },
      { op: 'setProp', id: image, name: 'height', value: 170 },
      { op: 'setProp', id: image, name: 'src', value: 'https://img.test/a.jpg' },
      { op: 'setProp', id: image, name: 'fit', value: 'cover' },
      { op: 'append', parent: poster, child: image },
      { op: 'create', id: title, kind: 'text' },
      { op: 'setProp', id: title, name: 'x', value: 8 },
      { op: 'setProp', id: title, name: 'y', value: 172 },
      { op: 'setProp', id: title, name: 'width', value: 284 },
      { op: 'setProp', id: title, name: 'height', value: 28 },
      { op: 'setProp', id: title, name: 'fontSize', value: 20 },
      { op: 'setProp', id: title, name: 'color', value: '#ffffff' },
      { op: 'setProp', id: title, name: 'text', value: 'Alpha' },
      { op: 'append', parent: poster, child: title },
      { op: 'append', parent: row, child: poster },
      { op: 'append', parent: c, child: row },
    ]);
    expect(h.snapshot()).toBe(
      [
        'view #0',
        '  view #1 height=1080 width=1920',
        '    view #2 focusGroup=true height=200 width=1760 x=80 y=100',
        '      view #3 backgroundColor="#2b3a55" focusKey="poster-a" height=200 width=300 x=0 y=0',
        '        image #4 fit="cover" height=170 src="https://img.test/a.jpg" width=300 x=0 y=0',
        '        text #5 color="#ffffff" fontSize=20 height=28 text="Alpha" width=284 x=8 y=172',
      ].join('\n'),
    );
    expectWorldKeptToItself(h);
  });

  it('sends nothing else once the page has settled', async () => {
    const h = createLegacyHarness({ home: Home });
    h.mount('home');
    expect(await opsAfter(h, () => undefined)).toEqual([]);
  });
});

describe('updates', () => {
  function setup<T>(initial: NoInfer<T>, Page: (props: { store: AppStore<T> }) => React.ReactNode) {
    const store = createAppStore(initial);
    const h = createLegacyHarness({ page: () => <Page store={store} /> });
    h.mount('page');
    expectWorldKeptToItself(h);
    return { h, store };
  }

  function Card({ store }: { store: AppStore<boolean> }) {
    const selected = useAppStore(store);
    return (
      <View
        x={100}
        y={100}
        width={300}
        height={200}
        focusKey="card"
        backgroundColor={selected ? '#e8b04a' : '#2b3a55'}
        // Written the common way, `undefined` for "no border". ViewProps does not admit an explicit
        // undefined under exactOptionalPropertyTypes, hence the cast; the runtime must clear the prop.
        borderColor={(selected ? '#ffffff' : undefined) as string}
      >
        <Text width={300} height={40}>
          Card
        </Text>
      </View>
    );
  }

  it('a state change touching one prop sends exactly one setProp', async () => {
    const { h, store } = setup(false, Card);
    const card = nodeWithKey(h, 'card').id;
    // Selecting both changes the background and sets a border color: two props, two ops.
    expect(await opsAfter(h, () => store.set(true))).toEqual([
      [
        { op: 'setProp', id: card, name: 'backgroundColor', value: '#e8b04a' },
        { op: 'setProp', id: card, name: 'borderColor', value: '#ffffff' },
      ],
    ]);
  });

  it('a prop that goes back to undefined is cleared with setProp null', async () => {
    const { h, store } = setup(true, Card);
    const card = nodeWithKey(h, 'card').id;
    expect(await opsAfter(h, () => store.set(false))).toEqual([
      [
        { op: 'setProp', id: card, name: 'borderColor', value: null },
        { op: 'setProp', id: card, name: 'backgroundColor', value: '#2b3a55' },
      ],
    ]);
    expect(nodeWithKey(h, 'card').props).toEqual({
      x: 100,
      y: 100,
      width: 300,
      height: 200,
      focusKey: 'card',
      backgroundColor: '#2b3a55',
    });
  });

  it('changing one prop only sends that one setProp', async () => {
    function Badge({ store }: { store: AppStore<number> }) {
      const opacity = useAppStore(store);
      return (
        <View
          x={10}
          y={10}
          width={40}
          height={40}
          backgroundColor="#ff0000"
          opacity={opacity}
          focusKey="badge"
        />
      );
    }
    const { h, store } = setup(1, Badge);
    const badge = nodeWithKey(h, 'badge').id;
    expect(await opsAfter(h, () => store.set(0.5))).toEqual([
      [{ op: 'setProp', id: badge, name: 'opacity', value: 0.5 }],
    ]);
  });

  it('changing the text children of a Text sends one setProp text', async () => {
    function Unread({ store }: { store: AppStore<number> }) {
      const count = useAppStore(store);
      return (
        <Text x={0} y={0} width={400} height={40} fontSize={24}>
          {count} new episodes
        </Text>
      );
    }
    const { h, store } = setup(3, Unread);
    expect(shownTexts(h)).toEqual(['3 new episodes']);
    const ops = batchesSince(h);
    const text = idWhere(ops[1] ?? [], 'text', '3 new episodes');
    expect(await opsAfter(h, () => store.set(4))).toEqual([
      [{ op: 'setProp', id: text, name: 'text', value: '4 new episodes' }],
    ]);
    expect(shownTexts(h)).toEqual(['4 new episodes']);
  });

  it('a re-render with equal props sends no ops at all, not even an empty batch', async () => {
    let renders = 0;
    function Profile({ store }: { store: AppStore<{ name: string }> }) {
      const profile = useAppStore(store);
      renders++;
      // New arrays and new closures on every render, the way components are usually written.
      return (
        <View
          x={0}
          y={0}
          width={600}
          height={120}
          focusKey="profile"
          boundary={['left', 'right']}
          animate={['x', 'scale']}
          animateDuration={250}
          onSelect={() => undefined}
        >
          <Text width={600} height={40}>
            {`Hello ${profile.name}`}
          </Text>
        </View>
      );
    }
    const { h, store } = setup({ name: 'Ada' }, Profile);
    // animate travels as the mask of bridge/motion.ts: x 1 + scale 8.
    const mounted = batchesSince(h).flat();
    expect(mounted).toContainEqual(expect.objectContaining({ op: 'setProp', name: 'animate', value: 9 }));
    expect(mounted).toContainEqual(
      expect.objectContaining({ op: 'setProp', name: 'animateDuration', value: 250 }),
    );
    const from = h.messages.length;
    const rendersBefore = renders;
    expect(await opsAfter(h, () => store.set({ name: 'Ada' }))).toEqual([]);
    expect(renders).toBeGreaterThan(rendersBefore);
    expect(h.messages.length).toBe(from);
  });
});

describe('conditional children', () => {
  interface Show {
    readonly isNew: boolean;
  }
  function BadgeView() {
    return (
      <View x={240} y={8} width={52} height={28} backgroundColor="#d43c3c" borderRadius={4}>
        <Text x={4} y={2} width={44} height={24} fontSize={16}>
          NEW
        </Text>
      </View>
    );
  }

  function mountWith(Page: (props: { show: Show }) => React.ReactNode, initial: Show) {
    const store = createAppStore(initial);
    function Connected() {
      return <Page show={useAppStore(store)} />;
    }
    const h = createLegacyHarness({ page: Connected });
    h.mount('page');
    expectWorldKeptToItself(h);
    return { h, store };
  }

  function BadgeAfter({ show }: { show: Show }) {
    return (
      <View x={0} y={0} width={300} height={200} focusKey="card">
        <Text width={300} height={40}>
          Title
        </Text>
        {show.isNew && <BadgeView />}
      </View>
    );
  }

  function BadgeBefore({ show }: { show: Show }) {
    return (
      <View x={0} y={0} width={300} height={200} focusKey="card">
        {show.isNew && <BadgeView />}
        <Text width={300} height={40}>
          Title
        </Text>
      </View>
    );
  }

  it('a child added after its siblings is created with its props and subtree, then appended', async () => {
    const { h, store } = mountWith(BadgeAfter, { isNew: false });
    const card = nodeWithKey(h, 'card').id;
    const [batch, ...rest] = await opsAfter(h, () => store.set({ isNew: true }));
    expect(rest).toEqual([]);
    if (batch === undefined) throw new Error('no batch');
    const badge = idWhere(batch, 'backgroundColor', '#d43c3c');
    const label = idWhere(batch, 'text', 'NEW');
    expect(batch).toEqual([
      { op: 'create', id: badge, kind: 'view' },
      { op: 'setProp', id: badge, name: 'x', value: 240 },
      { op: 'setProp', id: badge, name: 'y', value: 8 },
      { op: 'setProp', id: badge, name: 'width', value: 52 },
      { op: 'setProp', id: badge, name: 'height', value: 28 },
      { op: 'setProp', id: badge, name: 'backgroundColor', value: '#d43c3c' },
      { op: 'setProp', id: badge, name: 'borderRadius', value: 4 },
      { op: 'create', id: label, kind: 'text' },
      { op: 'setProp', id: label, name: 'x', value: 4 },
      { op: 'setProp', id: label, name: 'y', value: 2 },
      { op: 'setProp', id: label, name: 'width', value: 44 },
      { op: 'setProp', id: label, name: 'height', value: 24 },
      { op: 'setProp', id: label, name: 'fontSize', value: 16 },
      { op: 'setProp', id: label, name: 'text', value: 'NEW' },
      { op: 'append', parent: badge, child: label },
      { op: 'append', parent: card, child: badge },
    ]);
    expect(shownTexts(h)).toEqual(['Title', 'NEW']);
  });

  it('a child added before an existing sibling is inserted before it', async () => {
    const { h, store } = mountWith(BadgeBefore, { isNew: false });
    const card = nodeWithKey(h, 'card');
    const [title] = card.children;
    const [batch, ...rest] = await opsAfter(h, () => store.set({ isNew: true }));
    expect(rest).toEqual([]);
    if (batch === undefined || title === undefined) throw new Error('no batch');
    const badge = idWhere(batch, 'backgroundColor', '#d43c3c');
    expect(structural(batch)).toEqual([
      { op: 'create', id: badge, kind: 'view' },
      { op: 'create', id: idWhere(batch, 'text', 'NEW'), kind: 'text' },
      { op: 'append', parent: badge, child: idWhere(batch, 'text', 'NEW') },
      { op: 'insertBefore', parent: card.id, child: badge, before: title },
    ]);
    expect(batch.at(-1)).toEqual({ op: 'insertBefore', parent: card.id, child: badge, before: title });
    expect(shownTexts(h)).toEqual(['NEW', 'Title']);
  });

  it('a removed child sends one remove for the top of its subtree, not one per descendant', async () => {
    const { h, store } = mountWith(BadgeAfter, { isNew: true });
    const card = nodeWithKey(h, 'card');
    const badge = card.children[1];
    if (badge === undefined) throw new Error('badge not drawn');
    const label = h.store.get('legacy', badge)?.children[0];
    const sizeBefore = h.store.size('legacy');
    expect(await opsAfter(h, () => store.set({ isNew: false }))).toEqual([[{ op: 'remove', id: badge }]]);
    expect(h.store.get('legacy', badge)).toBeUndefined();
    expect(label === undefined ? undefined : h.store.get('legacy', label)).toBeUndefined();
    expect(h.store.size('legacy')).toBe(sizeBefore - 2);
    expect(shownTexts(h)).toEqual(['Title']);
  });

  it('a top-level child of the page comes and goes with insertBefore and one remove', async () => {
    function Banner({ show }: { show: Show }) {
      return (
        <>
          {show.isNew && (
            <View x={0} y={0} width={1920} height={80} backgroundColor="#d43c3c" focusKey="banner">
              <Text width={1920} height={80}>
                New season!
              </Text>
            </View>
          )}
          <View x={0} y={100} width={1920} height={900} focusKey="body" />
        </>
      );
    }
    const { h, store } = mountWith(Banner, { isNew: false });
    const layer = layerNode(h).id;
    const body = nodeWithKey(h, 'body').id;

    const [shown] = await opsAfter(h, () => store.set({ isNew: true }));
    const banner = nodeWithKey(h, 'banner').id;
    expect(shown?.at(-1)).toEqual({ op: 'insertBefore', parent: layer, child: banner, before: body });
    expect(childKeys(h, layerNode(h))).toEqual(['banner', 'body']);

    expect(await opsAfter(h, () => store.set({ isNew: false }))).toEqual([[{ op: 'remove', id: banner }]]);
    expect(childKeys(h, layerNode(h))).toEqual(['body']);
  });
});

function layerNode(h: LegacyHarness) {
  const layer = h.store.root('legacy').children[0];
  const node = layer === undefined ? undefined : h.store.get('legacy', layer);
  if (node === undefined) throw new Error('no page layer');
  return node;
}

describe('keyed lists', () => {
  const TILE_WIDTH = 220;

  function Tile({ id, index }: { id: string; index: number }) {
    return (
      <View x={index * TILE_WIDTH} y={0} width={200} height={120} focusKey={`tile-${id}`}>
        <Text width={200} height={30}>
          {id.toUpperCase()}
        </Text>
      </View>
    );
  }

  function mountRail(initial: readonly string[], topLevel = false) {
    const store = createAppStore(initial);
    function Rail() {
      const ids = useAppStore(store);
      const tiles = ids.map((id, index) => <Tile key={id} id={id} index={index} />);
      return topLevel ? (
        tiles
      ) : (
        <View x={80} y={300} width={1760} height={120} focusKey="rail" focusGroup>
          {tiles}
        </View>
      );
    }
    const h = createLegacyHarness({ rail: Rail });
    h.mount('rail');
    expectWorldKeptToItself(h);
    const rail = () => (topLevel ? layerNode(h) : nodeWithKey(h, 'rail'));
    const idOf = (key: string) => nodeWithKey(h, `tile-${key}`).id;
    return { h, store, rail, idOf };
  }

  /** Moves only: no node created or destroyed, every moved node existed, positions updated in place. */
  function expectOnlyMoves(ops: readonly SceneOp[], existing: ReadonlySet<number>) {
    for (const op of ops) {
      if (op.op === 'setProp') {
        expect(op.name).toBe('x');
        expect(existing.has(op.id)).toBe(true);
        continue;
      }
      expect(['insertBefore', 'append']).toContain(op.op);
      if (op.op === 'insertBefore' || op.op === 'append') expect(existing.has(op.child)).toBe(true);
    }
  }

  const reorders: Array<[string, string[]]> = [
    ['reverse', ['e', 'd', 'c', 'b', 'a']],
    ['move one item to the front', ['d', 'a', 'b', 'c', 'e']],
    ['move the last item to the front', ['e', 'a', 'b', 'c', 'd']],
    ['swap two items', ['a', 'd', 'c', 'b', 'e']],
    ['rotate', ['c', 'd', 'e', 'a', 'b']],
  ];

  for (const topLevel of [false, true]) {
    const where = topLevel ? 'at the top level of the page' : 'inside a View';

    it.each(reorders)(
      `%s ${where}: only moves, and the scene order follows the keys`,
      async (_name, order) => {
        const { h, store, rail, idOf } = mountRail(['a', 'b', 'c', 'd', 'e'], topLevel);
        const ids = new Map(['a', 'b', 'c', 'd', 'e'].map((key) => [key, idOf(key)] as const));
        const sizeBefore = h.store.size('legacy');

        const batches = await opsAfter(h, () => store.set(order));
        expect(batches).toHaveLength(1);
        expectOnlyMoves(batches.flat(), new Set(ids.values()));
        expect(childKeys(h, rail())).toEqual(order.map((key) => `tile-${key}`));
        expect(order.map(idOf)).toEqual(order.map((key) => ids.get(key)));
        expect(h.store.size('legacy')).toBe(sizeBefore);
        expect(shownTexts(h)).toEqual(order.map((key) => key.toUpperCase()));
        // Every tile sits at its new index.
        order.forEach((key, index) => {
          expect(nodeWithKey(h, `tile-${key}`).props.x).toBe(index * TILE_WIDTH);
        });
      },
    );

    it(`moving the first item to the end ${where} is a single append`, async () => {
      const { h, store, rail, idOf } = mountRail(['a', 'b', 'c', 'd', 'e'], topLevel);
      const a = idOf('a');
      const [batch] = await opsAfter(h, () => store.set(['b', 'c', 'd', 'e', 'a']));
      expect(structural(batch ?? [])).toEqual([{ op: 'append', parent: rail().id, child: a }]);
    });

    it(`several reorders in a row ${where} keep the scene in key order`, async () => {
      const { h, store, rail } = mountRail(['a', 'b', 'c', 'd', 'e'], topLevel);
      for (const [, order] of reorders) {
        await opsAfter(h, () => store.set(order));
        expect(childKeys(h, rail())).toEqual(order.map((key) => `tile-${key}`));
      }
      // The page layer's own child list (used to clear the page) must still match: unmount cleans up.
      h.world.unmount('entry-rail');
      expectWorldKeptToItself(h);
      expect(h.store.size('legacy')).toBe(1);
    });

    it(`inserting in the middle ${where} creates the new item and inserts it before its next sibling`, async () => {
      const { h, store, rail, idOf } = mountRail(['a', 'b', 'c', 'd'], topLevel);
      const c = idOf('c');
      const d = idOf('d');
      const [batch, ...rest] = await opsAfter(h, () => store.set(['a', 'b', 'x', 'c', 'd']));
      expect(rest).toEqual([]);
      const x = idOf('x');
      const label = idWhere(batch ?? [], 'text', 'X');
      expect(batch).toEqual([
        { op: 'create', id: x, kind: 'view' },
        { op: 'setProp', id: x, name: 'x', value: 2 * TILE_WIDTH },
        { op: 'setProp', id: x, name: 'y', value: 0 },
        { op: 'setProp', id: x, name: 'width', value: 200 },
        { op: 'setProp', id: x, name: 'height', value: 120 },
        { op: 'setProp', id: x, name: 'focusKey', value: 'tile-x' },
        { op: 'create', id: label, kind: 'text' },
        { op: 'setProp', id: label, name: 'width', value: 200 },
        { op: 'setProp', id: label, name: 'height', value: 30 },
        { op: 'setProp', id: label, name: 'text', value: 'X' },
        { op: 'append', parent: x, child: label },
        { op: 'insertBefore', parent: rail().id, child: x, before: c },
        { op: 'setProp', id: c, name: 'x', value: 3 * TILE_WIDTH },
        { op: 'setProp', id: d, name: 'x', value: 4 * TILE_WIDTH },
      ]);
      expect(childKeys(h, rail())).toEqual(['tile-a', 'tile-b', 'tile-x', 'tile-c', 'tile-d']);
    });

    it(`deleting from the middle ${where} is one remove plus the shifted positions`, async () => {
      const { h, store, rail, idOf } = mountRail(['a', 'b', 'c', 'd'], topLevel);
      const b = idOf('b');
      const c = idOf('c');
      const d = idOf('d');
      expect(await opsAfter(h, () => store.set(['a', 'c', 'd']))).toEqual([
        [
          { op: 'remove', id: b },
          { op: 'setProp', id: c, name: 'x', value: 1 * TILE_WIDTH },
          { op: 'setProp', id: d, name: 'x', value: 2 * TILE_WIDTH },
        ],
      ]);
      expect(childKeys(h, rail())).toEqual(['tile-a', 'tile-c', 'tile-d']);
      expect(h.store.get('legacy', b)).toBeUndefined();
    });
  }
});

describe('unmount', () => {
  function Rows() {
    return (
      <>
        <View x={0} y={0} width={1920} height={100} focusKey="row-1">
          <Text width={400} height={40}>
            One
          </Text>
        </View>
        <View x={0} y={200} width={1920} height={100} focusKey="row-2">
          <Image width={100} height={100} src="https://img.test/2.jpg" />
        </View>
      </>
    );
  }

  it('removes the page layer and leaves nothing of the page in the scene', async () => {
    const h = createLegacyHarness({ rows: Rows });
    const key = h.mount('rows');
    const layer = containerOf(batchesSince(h)[0]);
    const row1 = nodeWithKey(h, 'row-1').id;
    const row2 = nodeWithKey(h, 'row-2').id;

    const batches = await opsAfter(h, () => h.world.unmount(key));
    // The page's top-level nodes go with React's unmount, then the layer itself.
    expect(batches).toEqual([
      [
        { op: 'remove', id: row1 },
        { op: 'remove', id: row2 },
      ],
      [{ op: 'remove', id: layer }],
    ]);
    expect(h.store.size('legacy')).toBe(1);
    expect(h.snapshot()).toBe('view #0');
    expect(h.world.mountedKeys).toEqual([]);

    // Nothing dangles: no later commit, effect or timer sends anything for the page.
    const after = h.messages.length;
    await h.settle(5);
    expect(h.messages.length).toBe(after);
    expectWorldKeptToItself(h);
  });

  it('unmounting one page leaves another page untouched', async () => {
    const h = createLegacyHarness({
      rows: Rows,
      other: () => <View width={10} height={10} focusKey="other" />,
    });
    const rows = h.mount('rows');
    h.mount('other');
    const before = h.snapshot();
    h.world.unmount(rows);
    await h.settle();
    expect(h.snapshot()).toBe(
      ['view #0', '  view #1 height=1080 width=1920', '    view #2 focusKey="other" height=10 width=10'].join(
        '\n',
      ),
    );
    expect(before).not.toBe(h.snapshot());
    expect(h.world.mountedKeys).toEqual(['entry-other']);
    expectWorldKeptToItself(h);
  });
});

describe('Suspense hides shown content instead of destroying it', () => {
  for (const visible of [true, undefined]) {
    it(`hides with visible=false and restores ${visible === undefined ? 'the default (null)' : 'the prop value'} when the data arrives`, async () => {
      const titles = createTitleCache();
      titles.preload('t1', 'Alpha');
      const shown = createAppStore('t1');
      function Details({ id }: { id: string }) {
        const title = use(titles.read(id));
        return (
          <View
            x={0}
            y={200}
            width={400}
            height={100}
            focusKey="details"
            {...(visible === undefined ? {} : { visible })}
          >
            <Text width={400} height={40}>
              {title}
            </Text>
          </View>
        );
      }
      function Page() {
        return (
          <Suspense
            fallback={
              <Text x={0} y={200} width={400} height={40}>
                Loading
              </Text>
            }
          >
            <Details id={useAppStore(shown)} />
          </Suspense>
        );
      }
      const h = createLegacyHarness({ page: Page });
      h.mount('page');
      const details = nodeWithKey(h, 'details').id;

      const hiding = (await opsAfter(h, () => shown.set('t2'))).flat();
      // The shown content stays in the scene, hidden (not painted, not focusable); only the fallback is created.
      expect(hiding).toContainEqual({ op: 'setProp', id: details, name: 'visible', value: false });
      expect(hiding.filter((op) => op.op === 'remove')).toEqual([]);
      expect(hiding.filter((op) => op.op === 'create')).toEqual([
        { op: 'create', id: expect.any(Number), kind: 'text' },
      ]);
      expect(shownTexts(h)).toEqual(['Alpha', 'Loading']);

      const from = h.messages.length;
      titles.resolve('t2', 'Beta');
      await h.waitFor(() => !shownTexts(h).includes('Loading'), 'the fallback to go');
      const revealing = batchesSince(h, from).flat();
      expect(revealing).toContainEqual({
        op: 'setProp',
        id: details,
        name: 'visible',
        value: visible ?? null,
      });
      expect(revealing.filter((op) => op.op === 'create')).toEqual([]);
      expect(shownTexts(h)).toEqual(['Beta']);
      expect(nodeWithKey(h, 'details').id).toBe(details);
      expect(nodeWithKey(h, 'details').props.visible).toBe(visible);
      expectWorldKeptToItself(h);
    });
  }
});
