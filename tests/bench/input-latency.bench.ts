// Input latency: the cost of one focus move on the collections page (profile p1, settled with its
// data from the mock backend), in each world, end to end in-process, from the key press to the
// scene store holding its result:
//   React world: harness.press (focus engine move; blur and focus delivered to LegacyWorld), then
//     waiting, on microtasks only, until the React commit it caused has sent its ops and they are
//     applied to the store (focus handlers are discrete events: React commits in a microtask).
//   WASM world: harness.press (focus engine move; the events into the compiled page; one frame:
//     the page's batch encoded, decoded and applied). Synchronous.
// Both worlds draw into a real SceneStore with a real FocusEngine (whose move is in both numbers);
// nothing is painted, and the real app's worker hop (postMessage) for the WASM world is not
// included. `npm run bench` sets NODE_ENV=production so React runs its production build, as a TV
// ships it (run through plain `vitest bench`, React is the slower development build; the table
// header says which). Also printed: the scene size of
// the first full render (nodes, ops) and the ops of one move, per world.
//
// This is Node on this machine, not a TV, with no CPU throttling: compare the worlds with each
// other, don't read the milliseconds as a device's. `taskset -c 0 npm run bench` pins the run to
// one core, the worst case (GC and the JIT then share the core with the benchmark). Nothing here
// asserts on time.
//
// Each timed call is one move. A sweep goes right along the first rail to its last tile and back
// left (or down the rails to the last and back up), so every call moves focus (no boundary
// presses) and the sample mixes moves that scroll the rail or the page with moves that do not.
import { bench, describe } from 'vitest';
import {
  apiPaths,
  type Direction,
  decodeSceneBatch,
  type HomeResponse,
  HomeResponseSchema,
  type SceneOp,
} from '../../bridge/index.ts';
import { createMockBackend } from '../../host/mock-backend/mock-backend.ts';
import { startNodeBackend } from '../../host/mock-backend/node.ts';
import { LEGACY_PAGES } from '../../legacy-react/pages/index.ts';
import { fetchFromBackend } from '../support/backend-harness.ts';
import { createLegacyHarness, type LegacyHarness } from '../support/legacy-harness.ts';
import { createWasmHarness, type WasmHarness } from '../support/wasm-harness.ts';

const PARAMS = { profile: 'p1' } as const;
/** A tile's focus key is `tile:<railId>:<index>`; the first full render is the first to draw one. */
const TILE_KEY = /^tile:([^:]+):(\d+)$/;

/** Ops of each React commit / WASM batch, in the order they reached the store. */
function reactBatches(h: LegacyHarness): (readonly SceneOp[])[] {
  return h.messages.flatMap((m) => (m.type === 'scene.ops' ? [m.ops] : []));
}
function wasmBatches(h: WasmHarness): (readonly SceneOp[])[] {
  return h.messages.flatMap((m) => {
    if (m.type !== 'scene.batch') return [];
    const decoded = decodeSceneBatch(m.bytes);
    if (!decoded.ok) throw new Error(`undecodable batch: ${decoded.error.message}`);
    return [decoded.ops];
  });
}
const drawsTiles = (ops: readonly SceneOp[]) =>
  ops.some((op) => op.op === 'setProp' && op.name === 'focusKey' && TILE_KEY.test(String(op.value)));

function sceneSize(batches: readonly (readonly SceneOp[])[], nodes: number) {
  const first = batches.findIndex(drawsTiles);
  if (first < 0) throw new Error('the page never drew its rails');
  return {
    nodes,
    'ops (first full render)': batches[first]?.length ?? 0,
    'ops (mount to full render)': batches.slice(0, first + 1).reduce((n, ops) => n + ops.length, 0),
    'batches (mount to full render)': first + 1,
  };
}

function healthy(h: LegacyHarness | WasmHarness, what: string) {
  const crashes = h.messages.filter((m) => m.type === 'crashed');
  if (h.rejected.length + crashes.length > 0)
    throw new Error(`${what}: rejected ops or a crash: ${JSON.stringify([...h.rejected, ...crashes])}`);
}

/** Whether a `scene.ops` message (a React commit, already applied by the harness) came after `since`. */
function committedSince(h: LegacyHarness, since: number): boolean {
  for (let i = since; i < h.messages.length; i++) if (h.messages[i]?.type === 'scene.ops') return true;
  return false;
}

/**
 * One key press in the React world, until the commit it caused is in the store. The focus
 * handlers run as discrete events, so React commits in a microtask: wait on microtasks only
 * (a timer would add its own delay to the measurement), with a timer fallback that never
 * runs when React behaves.
 */
async function reactPress(h: LegacyHarness, direction: Direction): Promise<void> {
  const since = h.messages.length;
  if (!h.press(direction).moved) throw new Error(`React: ${direction} did not move focus`);
  for (let i = 0; i < 1000 && !committedSince(h, since); i++) await Promise.resolve();
  if (!committedSince(h, since))
    await h.waitFor(() => committedSince(h, since), 'the commit of a focus move');
}

function wasmPress(h: WasmHarness, direction: Direction): void {
  if (!h.press(direction).moved) throw new Error(`WASM: ${direction} did not move focus`);
}

/** A walk back and forth over `length` places: one step per call, never into a boundary. */
function sweep(forward: Direction, back: Direction, length: number) {
  let position = 0;
  let step = 1;
  return {
    get position() {
      return position;
    },
    next(): Direction {
      if (position + step < 0 || position + step >= length) step = -step;
      position += step;
      return step > 0 ? forward : back;
    },
  };
}

// The mock backend (msw) only while the pages load: focus moves fetch nothing.
const stopBackend = startNodeBackend(createMockBackend());
const react = { right: createLegacyHarness(LEGACY_PAGES), down: createLegacyHarness(LEGACY_PAGES) };
const wasm = {
  right: await createWasmHarness(['collections']),
  down: await createWasmHarness(['collections']),
};
let home: HomeResponse;
try {
  home = await fetchFromBackend(apiPaths.home(PARAMS.profile), HomeResponseSchema);
  for (const h of [react.right, react.down]) {
    h.mount('collections', PARAMS);
    await h.waitFor(() => h.snapshot().includes('focusKey="tile:'), 'the React home');
    await h.settle(6);
  }
  for (const h of [wasm.right, wasm.down]) {
    h.mount('collections', PARAMS);
    await h.settle();
  }
} finally {
  stopBackend();
}

const sizes = {
  React: sceneSize(reactBatches(react.right), react.right.store.size('legacy')),
  WASM: sceneSize(wasmBatches(wasm.right), wasm.right.store.size('wasm')),
};

const rails = home.rails;
const railTiles = rails[0]?.items.length ?? 0;
if (rails.length < 2 || railTiles < 2) throw new Error(`unexpected home: ${rails.length} rails`);
const tileKey = (rail: number, tile: number) => `tile:${rails[rail]?.id}:${tile}`;

for (const h of [react.right, react.down, wasm.right, wasm.down]) h.focus.focusInitial();
await react.right.settle(3);
await react.down.settle(3);
wasm.right.frame();
wasm.down.frame();

/**
 * One untimed round trip of a sweep in both worlds, checked: each React move makes exactly one
 * commit, and both worlds focus the expected tile after every move. Ends where it started.
 * Returns the mean ops per move in each world.
 */
async function checkSweep(
  pair: { readonly react: LegacyHarness; readonly wasm: WasmHarness },
  walk: ReturnType<typeof sweep>,
  length: number,
  expected: (position: number) => string,
) {
  const moves = 2 * (length - 1);
  const reactBefore = reactBatches(pair.react).length;
  const wasmBefore = wasmBatches(pair.wasm).length;
  for (let i = 0; i < moves; i++) {
    const since = pair.react.messages.length;
    const direction = walk.next();
    await reactPress(pair.react, direction);
    await pair.react.settle(3);
    const commits = pair.react.messages.slice(since).filter((m) => m.type === 'scene.ops').length;
    if (commits !== 1) throw new Error(`a React focus move made ${commits} commits, expected 1`);
    wasmPress(pair.wasm, direction);
    const want = expected(walk.position);
    if (pair.react.focusedKey() !== want || pair.wasm.focusedKey() !== want)
      throw new Error(
        `${direction}: expected ${want}, React ${pair.react.focusedKey()}, WASM ${pair.wasm.focusedKey()}`,
      );
  }
  healthy(pair.react, 'React');
  healthy(pair.wasm, 'WASM');
  const opsPerMove = (batches: (readonly SceneOp[])[]) =>
    Math.round((batches.reduce((n, ops) => n + ops.length, 0) / moves) * 10) / 10;
  return {
    React: opsPerMove(reactBatches(pair.react).slice(reactBefore)),
    WASM: opsPerMove(wasmBatches(pair.wasm).slice(wasmBefore)),
  };
}
const rightOps = await checkSweep(
  { react: react.right, wasm: wasm.right },
  sweep('right', 'left', railTiles),
  railTiles,
  (tile) => tileKey(0, tile),
);
const downOps = await checkSweep(
  { react: react.down, wasm: wasm.down },
  sweep('down', 'up', rails.length),
  rails.length,
  (rail) => tileKey(rail, 0),
);

/** Rows of named numbers as a plain-text table (one string, so it prints as one block). */
function table(title: string, rows: Readonly<Record<string, Readonly<Record<string, number>>>>): string {
  const columns = [...new Set(Object.values(rows).flatMap((row) => Object.keys(row)))];
  const cells = [
    ['', ...columns],
    ...Object.entries(rows).map(([name, row]) => [name, ...columns.map((c) => String(row[c] ?? ''))]),
  ];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i + 1]?.length ?? 0)));
  const first = Math.max(...cells.map((line) => line[0]?.length ?? 0));
  const lines = cells.map(
    ([name = '', ...values]) =>
      `  ${name.padEnd(first)}  ${values.map((v, i) => v.padStart(widths[i] ?? 0)).join('  ')}`,
  );
  return [title, ...lines].join('\n');
}

const reactBuild = process.env['NODE_ENV'] === 'production' ? 'production' : 'development';
console.log(
  [
    `collections (p1): ${rails.length} rails, ${railTiles} tiles in the first; React ${reactBuild} build.`,
    table(
      'Scene size of the first full render (nodes in the world after it, root included; ' +
        'batches = React commits or WASM frames from mount to it):',
      sizes,
    ),
    table('Ops of one focus move (mean over a sweep there and back; one React commit, one WASM batch):', {
      'right/left along a rail': rightOps,
      'down/up to the next rail': downOps,
    }),
  ].join('\n'),
);

/** Longer than the 500 ms default: a React move takes milliseconds, so this gives ~100+ samples. */
const OPTIONS = { time: 2000 };

describe(`focus move right along a rail (collections, ${railTiles} tiles; sweeps back left)`, () => {
  const reactWalk = sweep('right', 'left', railTiles);
  const wasmWalk = sweep('right', 'left', railTiles);
  bench(
    'React world: press, commit, ops applied',
    async () => {
      await reactPress(react.right, reactWalk.next());
    },
    OPTIONS,
  );
  bench(
    'WASM world: press, one frame, batch applied',
    () => {
      wasmPress(wasm.right, wasmWalk.next());
    },
    OPTIONS,
  );
});

describe(`focus move down to the next rail (collections, ${rails.length} rails; sweeps back up)`, () => {
  const reactWalk = sweep('down', 'up', rails.length);
  const wasmWalk = sweep('down', 'up', rails.length);
  bench(
    'React world: press, commit, ops applied',
    async () => {
      await reactPress(react.down, reactWalk.next());
    },
    OPTIONS,
  );
  bench(
    'WASM world: press, one frame, batch applied',
    () => {
      wasmPress(wasm.down, wasmWalk.next());
    },
    OPTIONS,
  );
});
