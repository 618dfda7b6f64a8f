import { describe, expect, it, onTestFinished, vi } from 'vitest';
import { apiPaths, type Direction, SearchResponseSchema } from '../../../bridge/index.ts';
import type { FailureMode } from '../../../host/mock-backend/failure-rules.ts';
import { sceneTree } from '../../../host/scene/snapshot.ts';
import {
  KEYBOARD_KEYS,
  keyFocusKey,
  QUERY_PLACEHOLDER,
  SEARCH_HINT,
  SearchPage,
} from '../../../legacy-react/pages/search/index.ts';
import { fetchFromBackend, setupMockBackend } from '../../support/backend-harness.ts';
import { FakeClock } from '../../support/fake-clock.ts';
import { createLegacyHarness, type LegacyHarness, TEST_API_BASE } from '../../support/legacy-harness.ts';
import { type ParityStep, runParity, sceneDiff } from '../../support/parity.ts';
import { createWasmHarness, type WasmHarness } from '../../support/wasm-harness.ts';

const backend = setupMockBackend();

const PAGE = { route: 'search', react: SearchPage, wasm: 'search' } as const;
const RETRY = 'error-retry';

const urlOf = (input: unknown): string =>
  typeof input === 'string'
    ? input
    : input instanceof URL
      ? input.href
      : input instanceof Request
        ? input.url
        : '';

/**
 * Makes every backend answer wait one macrotask before it is fetched, as a real network does (see
 * profiles.parity.test.tsx): without it React can render Retry's `loading` and its answer in one
 * commit, a race the browser never loses.
 */
function withNetworkLatency(): void {
  const network = globalThis.fetch;
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => {
    await new Promise((resolve) => setImmediate(resolve));
    return network(...args);
  });
  onTestFinished(() => spy.mockRestore());
}

/** Holds every search request until `release()`: "Searching…" stays, without a clock. */
function holdSearchAnswers() {
  const network = globalThis.fetch;
  let gate = Promise.resolve();
  let release = () => {};
  const spy = vi.spyOn(globalThis, 'fetch').mockImplementation(async (...args) => {
    if (urlOf(args[0]).includes('/api/search')) await gate;
    return network(...args);
  });
  onTestFinished(() => spy.mockRestore());
  return {
    hold() {
      gate = new Promise<void>((resolve) => {
        release = resolve;
      });
    },
    release: () => release(),
  };
}

// ---- scripts: typing on the on-screen keyboard -------------------------------------------------

/** Where each key sits (KEYBOARD_KEYS of the React page: rows of six, then Space, Delete, Clear). */
const KEYS = new Map(KEYBOARD_KEYS.map((key) => [key.id, key]));
const LAST_ROW = Math.max(...KEYBOARD_KEYS.map((key) => key.row));
const KEYBOARD_COLUMNS = Math.max(...KEYBOARD_KEYS.map((key) => key.column + key.span));
function keyAt(id: string) {
  const key = KEYS.get(id);
  if (key === undefined) throw new Error(`the keyboard has no key "${id}"`);
  return key;
}

/**
 * A parity script built the way a viewer types: arrows from key to key (one key per press), then
 * OK. Each key it aims for is recorded with its step, so a test can check (on the React page, the
 * ground truth) that focus really was on that key when OK was pressed.
 */
class Script {
  readonly steps: ParityStep[] = [];
  /** 1-based step → the focus key expected after it. */
  readonly expectFocus = new Map<number, string>();
  /** The key focus is on (focus starts on key:a). */
  private at = 'a';

  mount(): this {
    this.steps.push({ do: 'mount', params: { profile: 'p1' } }, { do: 'settle' }, { do: 'focusInitial' });
    this.expect(keyFocusKey('a'));
    return this;
  }

  /** Types `text` (" " is Space), settling after each key. */
  type(text: string): this {
    for (const character of text) this.key(character === ' ' ? 'space' : character);
    return this;
  }

  /** Moves to key `id` and presses OK on it, then lets the answer come. */
  key(id: string): this {
    this.moveTo(id);
    this.expect(keyFocusKey(id));
    this.steps.push({ do: 'select' }, { do: 'settle' });
    return this;
  }

  press(direction: Direction, times = 1): this {
    for (let i = 0; i < times; i++) this.steps.push({ do: 'press', direction });
    return this;
  }

  select(): this {
    this.steps.push({ do: 'select' });
    return this;
  }

  settle(): this {
    this.steps.push({ do: 'settle' });
    return this;
  }

  /** Focus is on `focusKey` after the last step (checked on the React page). */
  expect(focusKey: string): this {
    this.expectFocus.set(this.steps.length, focusKey);
    const key = /^key:(.+)$/.exec(focusKey)?.[1];
    if (key !== undefined) this.at = key;
    return this;
  }

  /** Right until focus leaves the keyboard for the results (keys further right come first). */
  intoResults(): this {
    const { row, column } = keyAt(this.at);
    if (row === LAST_ROW) throw new Error('intoResults: start from a character key');
    return this.press('right', KEYBOARD_COLUMNS - column);
  }

  /** Arrows from the current key to `id`: up out of the last row, then rows, then columns. */
  private moveTo(id: string): void {
    const from = keyAt(this.at);
    const to = keyAt(id);
    let row = from.row;
    const column = from.column;
    // Up from Space, Delete or Clear lands on the character key above its left half.
    if (row === LAST_ROW && to.row !== LAST_ROW) {
      this.press('up');
      row -= 1;
    }
    const across = (columns: number) => this.press(columns > 0 ? 'right' : 'left', Math.abs(columns));
    if (to.row === LAST_ROW && row === LAST_ROW) {
      across((to.column - column) / to.span); // one press moves one two-column key
    } else if (to.row === LAST_ROW) {
      across(to.column - column);
      this.press('down', LAST_ROW - row);
    } else {
      this.press(to.row > row ? 'down' : 'up', Math.abs(to.row - row));
      across(to.column - column);
    }
    this.at = id;
  }
}

// ---- playing a script on one world alone --------------------------------------------------------

interface AfterStep {
  readonly snapshot: string;
  readonly focused: string | null;
  /** The backend paths this world asked for so far (an `apiPaths` path each). */
  readonly requested: readonly string[];
}

/**
 * Plays `script` on the React page alone, the way runParity does, and records what it showed and
 * what it asked the backend for after each step: runParity only reports differences, so this
 * proves a script really reached the states it is about (both worlds were then equal there).
 */
async function playReact(script: readonly ParityStep[]) {
  // A wrapper of its own (not a spy: a test's latency spy may be in place, and must stay).
  const network = globalThis.fetch;
  const requested: string[] = [];
  globalThis.fetch = (...args: Parameters<typeof fetch>) => {
    requested.push(urlOf(args[0]).slice(TEST_API_BASE.length));
    return network(...args);
  };
  onTestFinished(() => {
    globalThis.fetch = network;
  });
  const react = createLegacyHarness({ search: SearchPage });
  const after: AfterStep[] = [];
  for (const step of script) {
    if (step.do === 'mount') react.mount('search', step.params ?? {});
    else if (step.do === 'settle') await react.settle(6);
    else if (step.do === 'focusInitial') react.focus.focusInitial();
    else if (step.do === 'press') react.press(step.direction);
    else if (step.do === 'select') react.select();
    await react.settle(2);
    after.push({
      snapshot: react.snapshot(),
      focused: react.focusedKey(),
      requested: [...requested],
    });
  }
  const requests = react.requests();
  react.world.unmount('entry-search');
  globalThis.fetch = network;
  return { after, requests, at: (step: number) => after[step - 1] };
}

/** The same for the WASM port: what it drew and the `data.request` paths it sent. */
async function playWasm(script: readonly ParityStep[]) {
  const wasm = await createWasmHarness(['search'], { clock: new FakeClock() });
  const after: AfterStep[] = [];
  for (const step of script) {
    if (step.do === 'mount') wasm.mount('search', step.params ?? {});
    else if (step.do === 'settle') await wasm.settle();
    else if (step.do === 'focusInitial') wasm.focus.focusInitial();
    else if (step.do === 'press') wasm.press(step.direction);
    else if (step.do === 'select') wasm.select();
    await wasm.settle(1);
    after.push({ snapshot: wasm.snapshot(), focused: wasm.focusedKey(), requested: dataRequests(wasm) });
  }
  return { after, crashes: wasm.crashes() };
}

const dataRequests = (wasm: WasmHarness) =>
  wasm.messages.flatMap((m) => (m.type === 'data.request' ? [m.path] : []));

/**
 * Runs `script` through runParity (scene, focus and navigation after every step), then on each
 * world alone to compare what each asked the backend for after every step, and to check the keys
 * the script aimed for. `arm(worlds)` sets up the backend before each of the three runs, for the
 * number of worlds that will ask it (2 in runParity: each world makes its own requests).
 */
async function parity(script: Script, arm: (worlds: number) => void = () => {}) {
  backend.reset();
  arm(2);
  const report = await runParity(PAGE, script.steps);
  expect(report.differences).toEqual([]);
  expect(report.steps).toBe(script.steps.length);

  backend.reset();
  arm(1);
  const react = await playReact(script.steps);
  backend.reset();
  arm(1);
  const wasm = await playWasm(script.steps);
  expect(wasm.crashes).toEqual([]);
  const requests = (after: readonly AfterStep[]) => after.map((a, i) => `${i + 1}: ${a.requested.join(' ')}`);
  expect(requests(wasm.after)).toEqual(requests(react.after));
  for (const [step, key] of script.expectFocus)
    expect(`${step}: ${react.at(step)?.focused}`).toBe(`${step}: ${key}`);
  return react;
}

/** What the backend answers for `query` (the page shows its answer, so the test asks it too). */
const answerFor = (query: string) => fetchFromBackend(apiPaths.search(query), SearchResponseSchema);
const headerLine = (count: number, query: string) =>
  `text="${count} ${count === 1 ? 'result' : 'results'} for “${query}”"`;
/** What the results side says for an answer: its header line, or that nothing matched. */
const answerLine = (answer: { readonly results: readonly unknown[] }, query: string) =>
  answer.results.length === 0 ? `text="No results for “${query}”"` : headerLine(answer.results.length, query);
const queryLine = (query: string) => `text=${JSON.stringify(query)}`;
const resultKeys = (snapshot: string) => [...snapshot.matchAll(/focusKey="(result:\d+)"/g)].map((m) => m[1]);

/** Everything runParity compares, for the steps done by hand (timing it cannot script). */
function differences(react: LegacyHarness, wasm: WasmHarness): string[] {
  const found: string[] = [];
  const diff = sceneDiff(sceneTree(react.store, 'legacy'), sceneTree(wasm.store, 'wasm'));
  if (diff !== null) found.push(diff);
  if (react.focusedKey() !== wasm.focusedKey())
    found.push(`focus: React ${react.focusedKey()}, WASM ${wasm.focusedKey()}`);
  if (JSON.stringify(react.requests()) !== JSON.stringify(wasm.requests())) found.push('navigation requests');
  if (wasm.crashes().length + react.rejected.length + wasm.rejected.length > 0)
    found.push('crash or rejected ops');
  return found;
}

describe('search parity (React page vs WASM port)', () => {
  it('(a) the first scene: keyboard, placeholder and hint, on key:a, nothing requested; arrows around the keyboard', async () => {
    const script = new Script()
      .mount()
      .press('up')
      .press('left')
      .press('down', 7)
      .press('right', 3)
      .press('up');
    const react = await parity(script);
    expect(react.at(3)?.snapshot).toContain(queryLine(QUERY_PLACEHOLDER));
    expect(react.at(3)?.snapshot).toContain(queryLine(SEARCH_HINT));
    expect(react.at(3)?.snapshot).toContain('focusKey="key:9"');
    expect(react.at(5)?.focused).toBe('key:a'); // nothing above or left of the first key
    expect(react.at(11)?.focused).toBe('key:space'); // down to the last row
    expect(react.at(12)?.focused).toBe('key:space'); // nothing below it
    expect(react.at(14)?.focused).toBe('key:clear');
    expect(react.at(16)?.focused).toMatch(/^key:/);
    expect(react.at(16)?.requested).toEqual([]);
    expect(react.requests).toEqual([]);
  });

  it('(b) typing updates the query and the results, one request per key: "dar", Delete, Space (no new request), "k", Clear', async () => {
    const dar = await answerFor('dar');
    const da = await answerFor('da');
    const dark = await answerFor('da k');
    expect(dar.results.length).toBeGreaterThan(0);
    const script = new Script().mount().type('dar');
    const afterDar = script.steps.length;
    script.key('delete');
    const afterDelete = script.steps.length;
    script.type(' ');
    const afterSpace = script.steps.length;
    script.type('k');
    const afterK = script.steps.length;
    script.key('clear');
    const afterClear = script.steps.length;
    script.key('delete'); // on an empty query: nothing changes
    const react = await parity(script);

    expect(react.at(afterDar)?.snapshot).toContain(queryLine('dar'));
    expect(react.at(afterDar)?.snapshot).toContain(headerLine(dar.results.length, 'dar'));
    expect(resultKeys(react.at(afterDar)?.snapshot ?? '')).toHaveLength(dar.results.length);
    expect(react.at(afterDelete)?.snapshot).toContain(headerLine(da.results.length, 'da'));
    // "da " searches what "da" searched: the same results, no request.
    expect(react.at(afterSpace)?.snapshot).toContain(queryLine('da '));
    expect(react.at(afterSpace)?.snapshot).toContain(headerLine(da.results.length, 'da'));
    expect(react.at(afterK)?.snapshot).toContain(queryLine('da k'));
    expect(react.at(afterK)?.snapshot).toContain(answerLine(dark, 'da k'));
    expect(react.at(afterClear)?.snapshot).toContain(queryLine(QUERY_PLACEHOLDER));
    expect(react.at(afterClear)?.snapshot).toContain(queryLine(SEARCH_HINT));
    expect(react.at(script.steps.length)?.requested).toEqual([
      apiPaths.search('d'),
      apiPaths.search('da'),
      apiPaths.search('dar'),
      apiPaths.search('da'),
      apiPaths.search('da k'),
    ]);
  });

  it.each([
    ['a long list (scrolls)', 'the'],
    ['a genre', 'com'],
    ['two words', 'dark w'],
    ['a digit', '2'],
    ['nothing', 'zq'],
  ])('(c) several queries: %s ("%s")', async (_, query) => {
    const answer = await answerFor(query);
    const react = await parity(new Script().mount().type(query));
    const last = react.after.at(-1)?.snapshot ?? '';
    expect(last).toContain(answerLine(answer, query));
    expect(resultKeys(last)).toHaveLength(answer.results.length);
  });

  it('(c) "No results" back to a hint, then results again (the message updates in place, the grid replaces it)', async () => {
    const script = new Script().mount().type('zq');
    const noResults = script.steps.length;
    script.key('clear');
    const hint = script.steps.length;
    script.type('z');
    const react = await parity(script);
    expect(react.at(noResults)?.snapshot).toContain('No results for “zq”');
    expect(react.at(hint)?.snapshot).toContain(queryLine(SEARCH_HINT));
    expect(resultKeys(react.after.at(-1)?.snapshot ?? '').length).toBeGreaterThan(0);
  });

  it('(d) keyboard and results: right enters at result:0, moves in the grid, left returns to the last key, the grid remembers, a result opens details', async () => {
    const dar = await answerFor('dar');
    expect(dar.results.length).toBeGreaterThan(5);
    const script = new Script().mount().type('dar');
    script.intoResults().expect('result:0');
    script.press('right').expect('result:1');
    script.press('down').expect('result:5');
    script.press('left').expect('result:4');
    script.press('left').expect('key:r');
    script.press('right').expect('result:4');
    script.press('up').press('left').expect('key:r');
    script.press('right').expect('result:0').select();
    const react = await parity(script);
    expect(react.requests).toEqual([
      expect.objectContaining({ type: 'navigate', route: 'details', params: { id: dar.results[0]?.id } }),
    ]);
  });

  it('(d) a long list scrolls by whole rows, down to the last row and back up, and the bottom result opens details', async () => {
    const the = await answerFor('the');
    const rows = Math.ceil(the.results.length / 4);
    expect(rows).toBeGreaterThan(4);
    const script = new Script().mount().type('the');
    script.intoResults().expect('result:0');
    script.press('down', rows + 1); // the extra press finds nothing below
    const bottom = script.steps.length;
    script.press('up', 2);
    const up = script.steps.length;
    script.press('up', rows - 3).expect('result:0');
    script.press('down').expect('result:4').select();
    const react = await parity(script);
    // Scrolled: the bottom row is the third visible one; two rows up it is the first.
    expect(react.at(bottom)?.focused).toBe(`result:${(rows - 1) * 4}`);
    expect(react.at(bottom)?.snapshot).toContain(`y=${-(rows - 3) * 234}`);
    expect(react.at(up)?.snapshot).toContain(`y=${-(rows - 3) * 234}`);
    expect(react.requests).toEqual([
      expect.objectContaining({ type: 'navigate', route: 'details', params: { id: the.results[4]?.id } }),
    ]);
  });

  it.each([
    ['HTTP 500', { kind: 'status', status: 500 }, 'answered HTTP 500'],
    ['a malformed answer', { kind: 'malformed' }, 'did not answer with JSON'],
    ['a network failure', { kind: 'network' }, 'could not reach'],
  ] as const)(
    '(e) %s: the error panel (focus stays on the keyboard), Retry that fails again, Retry that loads',
    async (_, mode: FailureMode, text) => {
      withNetworkLatency();
      const a = await answerFor('a');
      const script = new Script().mount().type('a');
      const error = script.steps.length;
      script.press('right', 6).expect(RETRY);
      script.select().settle();
      const again = script.steps.length;
      script.press('right', 6).expect(RETRY);
      script.select().settle();
      const loaded = script.steps.length;
      script.press('right').press('left');
      // The first two requests of each world fail.
      const react = await parity(script, (worlds) => backend.fail('search', mode, { times: 2 * worlds }));
      expect(react.at(error)?.snapshot).toContain('Something went wrong');
      expect(react.at(error)?.snapshot).toContain(text);
      expect(react.at(error)?.focused).toBe('key:a');
      expect(react.at(again)?.snapshot).toContain('Something went wrong');
      expect(react.at(again)?.focused).toMatch(/^key:/); // Retry went away while searching again
      expect(react.at(loaded)?.snapshot).toContain(headerLine(a.results.length, 'a'));
      expect(react.at(loaded)?.focused).toMatch(/^key:/);
      expect(react.at(loaded)?.requested).toEqual([
        apiPaths.search('a'),
        apiPaths.search('a'),
        apiPaths.search('a'),
      ]);
    },
  );

  it('(e) an error, then typing on: the next query replaces the error panel with its results', async () => {
    const ab = await answerFor('ab');
    const script = new Script().mount().type('a');
    const error = script.steps.length;
    script.type('b');
    const react = await parity(script, (worlds) =>
      backend.fail('search', { kind: 'status', status: 503 }, { times: worlds }),
    );
    expect(react.at(error)?.snapshot).toContain('answered HTTP 503');
    expect(react.after.at(-1)?.snapshot).toContain(answerLine(ab, 'ab'));
    expect(react.after.at(-1)?.snapshot).not.toContain('Something went wrong');
  });

  it('(e) the same query again after clearing asks again, showing the remembered answer first (error, then results)', async () => {
    withNetworkLatency();
    const script = new Script().mount().type('a');
    const error = script.steps.length;
    script.key('clear');
    script.type('a');
    const react = await parity(script, (worlds) =>
      backend.fail('search', { kind: 'status', status: 500 }, { times: worlds }),
    );
    expect(react.at(error)?.snapshot).toContain('Something went wrong');
    expect(react.after.at(-1)?.snapshot).toContain('results for “a”');
    expect(react.after.at(-1)?.requested).toEqual([apiPaths.search('a'), apiPaths.search('a')]);
  });

  it('(f) "Searching…" while a search is under way, and typing on before it answers, compared by hand', async () => {
    const answers = holdSearchAnswers();
    const react = createLegacyHarness({ search: SearchPage });
    // On a clock, as in the worker: an event's frame runs at once (the focus a key gets is drawn).
    const wasm = await createWasmHarness(['search'], { clock: new FakeClock() });
    const searching = (h: LegacyHarness | WasmHarness) => h.snapshot().includes('text="Searching…"');
    const bothSettle = async () => {
      await react.settle(4);
      await wasm.settle(1);
    };
    const step = async (action: (h: LegacyHarness | WasmHarness) => void) => {
      action(react);
      action(wasm);
      await react.settle(2);
      wasm.frame();
    };
    react.mount('search', { profile: 'p1' });
    wasm.mount('search', { profile: 'p1' });
    react.focus.focusInitial();
    wasm.focus.focusInitial();
    await bothSettle();
    expect(differences(react, wasm)).toEqual([]);

    // "d", held: Searching… in both, one request each.
    answers.hold();
    await step((h) => h.press('right'));
    await step((h) => h.press('right'));
    await step((h) => h.press('right'));
    await step((h) => h.select());
    expect(react.focusedKey()).toBe('key:d');
    expect(searching(react)).toBe(true);
    expect(differences(react, wasm)).toEqual([]);
    expect(dataRequests(wasm)).toEqual([apiPaths.search('d')]);

    // "da" before "d" answers: still Searching…, the request for "d" dropped.
    await step((h) => h.press('left'));
    await step((h) => h.press('left'));
    await step((h) => h.press('left'));
    await step((h) => h.select());
    expect(react.focusedKey()).toBe('key:a');
    expect(react.snapshot()).toContain(queryLine('da'));
    expect(searching(react)).toBe(true);
    expect(differences(react, wasm)).toEqual([]);
    expect(dataRequests(wasm)).toEqual([apiPaths.search('d'), apiPaths.search('da')]);

    // Both answers arrive: only "da"'s shows.
    answers.release();
    const da = await answerFor('da');
    await react.waitFor(
      () => react.snapshot().includes(headerLine(da.results.length, 'da')),
      'the results for "da"',
    );
    await wasm.settle();
    expect(searching(react)).toBe(false);
    expect(differences(react, wasm)).toEqual([]);
    for (const key of react.world.mountedKeys) react.world.unmount(key);
  });

  it('(f) Retry answered slowly: "Searching…" (React after its effect, the port one frame later), then the results, compared by hand', async () => {
    const answers = holdSearchAnswers();
    backend.fail('search', { kind: 'status', status: 500 }, { times: 2 });
    const react = createLegacyHarness({ search: SearchPage });
    // On a clock, as in the worker: an event's frame runs at once (the focus a key gets is drawn).
    const wasm = await createWasmHarness(['search'], { clock: new FakeClock() });
    react.mount('search', {});
    wasm.mount('search', {});
    react.focus.focusInitial();
    wasm.focus.focusInitial();
    react.select();
    wasm.select();
    await react.waitFor(() => react.snapshot().includes('Something went wrong'), 'the error panel');
    await wasm.settle();
    expect(differences(react, wasm)).toEqual([]);
    for (let i = 0; i < 6; i++) {
      react.press('right');
      wasm.press('right');
    }
    await react.settle(2);
    wasm.frame();
    expect(react.focusedKey()).toBe(RETRY);
    expect(differences(react, wasm)).toEqual([]);

    answers.hold();
    react.select();
    wasm.select();
    await react.settle(2);
    wasm.frame(); // React renders the loading state after its effect; the port one frame later
    expect(react.snapshot()).toContain('text="Searching…"');
    expect(react.focusedKey()).toMatch(/^key:/); // Retry went away with the error panel
    expect(differences(react, wasm)).toEqual([]);
    expect(dataRequests(wasm)).toEqual([apiPaths.search('a'), apiPaths.search('a')]);

    answers.release();
    await react.waitFor(() => react.snapshot().includes('results for “a”'), 'the results after Retry');
    await wasm.settle();
    expect(differences(react, wasm)).toEqual([]);
    for (const key of react.world.mountedKeys) react.world.unmount(key);
  });

  it('(f) the same query again after clearing: the remembered error for one render, then "Searching…", then the results, compared by hand', async () => {
    const answers = holdSearchAnswers();
    backend.fail('search', { kind: 'status', status: 500 }, { times: 2 });
    const react = createLegacyHarness({ search: SearchPage });
    const wasm = await createWasmHarness(['search'], { clock: new FakeClock() });
    const both = (action: (h: LegacyHarness | WasmHarness) => void) => {
      action(react);
      action(wasm);
    };
    react.mount('search', {});
    wasm.mount('search', {});
    both((h) => h.focus.focusInitial());
    both((h) => h.select()); // "a", which fails
    await react.waitFor(() => react.snapshot().includes('Something went wrong'), 'the error panel');
    await wasm.settle();
    both((h) => h.focus.focusByKey(keyFocusKey('clear')));
    both((h) => h.select());
    await react.settle(2);
    wasm.frame();
    expect(react.snapshot()).toContain(queryLine(SEARCH_HINT));
    expect(differences(react, wasm)).toEqual([]);

    // "a" again, its answer held. React's render for the key shows what useFetch remembers for
    // that path (the error, with Retry); its effect's `loading` comes in a later render.
    answers.hold();
    both((h) => h.focus.focusByKey(keyFocusKey('a')));
    react.select();
    // The select event alone, with the frame the world runs right after it, as in the worker
    // (the harness's select() runs one more frame by itself).
    const focused = wasm.focus.focused;
    if (focused === null) throw new Error('nothing is focused in the WASM world');
    wasm.world.event('entry-search', { type: 'select', world: 'wasm', ...focused });
    for (let i = 0; i < 5; i++) await Promise.resolve(); // React's discrete render commits in a microtask
    expect(react.snapshot()).toContain(queryLine('a'));
    expect(react.snapshot()).toContain('Something went wrong');
    expect(differences(react, wasm)).toEqual([]);
    await react.settle(2);
    wasm.frame(); // the port's loading: one frame after the event's
    expect(react.snapshot()).toContain('text="Searching…"');
    expect(differences(react, wasm)).toEqual([]);
    expect(dataRequests(wasm)).toEqual([apiPaths.search('a'), apiPaths.search('a')]);

    answers.release();
    await react.waitFor(() => react.snapshot().includes('results for “a”'), 'the results');
    await wasm.settle();
    expect(differences(react, wasm)).toEqual([]);
    for (const key of react.world.mountedKeys) react.world.unmount(key);
  });

  it('(g) the profile param changes nothing, and a query is capped at 24 characters', async () => {
    const script = new Script();
    script.steps.push({ do: 'mount' }, { do: 'settle' }, { do: 'focusInitial' });
    script.expect('key:a');
    script.type('zzzzzzzzzzzzzzzzzzzzzzzzz'); // 25 of them
    const react = await parity(script);
    const last = react.after.at(-1);
    expect(last?.snapshot).toContain(queryLine('z'.repeat(24)));
    expect(last?.requested).toHaveLength(24);
  });
});
