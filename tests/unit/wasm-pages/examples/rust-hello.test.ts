import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as Comlink from 'comlink';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  decodeSceneBatch,
  PROPS,
  ProfilesResponseSchema,
  WasmManifestSchema,
} from '../../../../bridge/index.ts';
import { FocusEngine } from '../../../../host/focus/focus-engine.ts';
import { collectFocusables } from '../../../../host/focus/focusables.ts';
import { walkAttached } from '../../../../host/scene/geometry.ts';
import { SceneStore } from '../../../../host/scene/scene-store.ts';
import { answerDataRequest } from '../../../../host/wasm-world/data-requests.ts';
import { findExternalModules, missingRequirement } from '../../../../wasm-pages/build/external-modules.ts';
import {
  type StartedWasmWorldWorker,
  startWasmWorldWorker,
} from '../../../../wasm-pages/runtime/start-worker-node.ts';
import type { WasmWorldMessage } from '../../../../wasm-pages/runtime/world-messages.ts';
import { fetchFromBackend, setupMockBackend } from '../../../support/backend-harness.ts';
import { TEST_API_BASE } from '../../../support/legacy-harness.ts';
import { hasSystemTool, RUSTC_INSTALL, RUSTC_PATH } from '../../../support/system-tool.ts';
import { builtWasm } from '../../../support/wasm-harness.ts';

// The Rust example page (wasm-pages/examples/rust-hello, std only, no crates) through the real
// WASM world worker, real @wasmer/wasi and the msw backend, as the app would run it: the proof
// that the page ABI works from its document in a language other than AssemblyScript. The page is
// built by `npm run build:wasm` (the test run's global setup) with Debian's rustc; without it the
// worker tests are skipped with a note saying how to install it, and fail in CI, which requires it
// (.ci/run sets FICUS_REQUIRE_TOOLS=1 and installs rustc).

const ROOT = fileURLToPath(new URL('../../../..', import.meta.url));
/** The manifest id: an example's id is `example-<folder>`, as for the AssemblyScript SDK's examples. */
const MODULE_ID = 'example-rust-hello';
/** The route the test mounts it under (the world loads a module under any route name). */
const PAGE = 'rust-hello';
const EXAMPLE_DIR = join(ROOT, 'wasm-pages/examples', PAGE);

/** The compiled page, or an error that says what to install when the toolchain is missing. */
function rustHelloBytes(): Uint8Array {
  const module = findExternalModules(ROOT).find((candidate) => candidate.id === MODULE_ID);
  if (module === undefined) throw new Error(`${EXAMPLE_DIR}/wasm-module.json is missing`);
  const missing = missingRequirement(module);
  if (missing !== null)
    throw new Error(
      `the Rust example page cannot be built here: ${missing}, as root (.ci/run does), ` +
        'then run npm run build:wasm',
    );
  return builtWasm(MODULE_ID);
}

const backend = setupMockBackend();
let worker: StartedWasmWorldWorker;
const inbox: WasmWorldMessage[] = [];

/** A host in miniature, as in ported-pages-in-worker.test.ts: applies batches, answers data, forwards focus. */
async function mountRustHello() {
  const store = new SceneStore();
  const focus = new FocusEngine(store, 'wasm', { now: () => 0 });
  const key = `entry-${PAGE}-${Math.random().toString(36).slice(2)}`;
  const seen: WasmWorldMessage[] = [];
  const delivered: Promise<unknown>[] = [];
  let now = 0;
  focus.onChange((event) => delivered.push(worker.api.event(key, event)));

  /** Runs until the page has nothing in flight: batches applied, data answered, events delivered. */
  const pump = async () => {
    for (let round = 0; round < 20; round++) {
      await Promise.all(delivered.splice(0));
      const messages = inbox.splice(0);
      const answers = [];
      for (const message of messages) {
        if (message.type === 'scene.batch') {
          const decoded = decodeSceneBatch(message.bytes);
          if (!decoded.ok) throw new Error(decoded.error.message);
          const applied = store.apply('wasm', decoded.ops);
          if (!applied.ok) throw applied.error;
          focus.sceneChanged();
        } else if (message.type === 'data.request' && message.key === key) {
          answers.push(answerDataRequest(message, { apiBase: TEST_API_BASE, fetch }));
        }
        seen.push(message);
      }
      for (const answer of await Promise.all(answers)) await worker.api.event(key, answer);
      now += 16;
      await worker.api.frame(now);
      if (messages.length === 0 && answers.length === 0 && delivered.length === 0 && inbox.length === 0)
        return;
    }
    throw new Error('the page kept sending messages for 20 rounds');
  };

  const mounted = await worker.api.mount(key, PAGE, {});
  if (mounted.status !== 'mounted') throw new Error(`rust-hello did not mount: ${JSON.stringify(mounted)}`);
  await pump();

  /** Every attached text node's text, in tree order. */
  const texts = () => {
    const found: string[] = [];
    walkAttached(store, 'wasm', (node) => {
      if (node.kind === 'text' && node.props.text !== undefined) found.push(node.props.text);
    });
    return found;
  };
  const line = (prefix: string) => texts().find((text) => text.startsWith(prefix));
  const node = (focusKey: string) => {
    const found = collectFocusables(store, 'wasm').find((focusable) => focusable.key === focusKey);
    if (found === undefined) throw new Error(`no focusable "${focusKey}"; texts: ${texts().join(' | ')}`);
    return found.node;
  };
  const select = async () => {
    const focused = focus.focused;
    if (focused === null) throw new Error('select: nothing is focused');
    await worker.api.event(key, { type: 'select', world: 'wasm', ...focused });
    await pump();
  };
  const move = async (direction: 'left' | 'right') => {
    expect(focus.move(direction).moved).toBe(true);
    await pump();
  };
  const ofType = <T extends WasmWorldMessage['type']>(type: T) =>
    seen.filter((message): message is Extract<WasmWorldMessage, { type: T }> => message.type === type);
  const unmount = async () => {
    await worker.api.unmount(key);
    await pump();
  };
  return { store, focus, key, mounted, texts, line, node, select, move, ofType, unmount };
}

describe.runIf(hasSystemTool(RUSTC_PATH, RUSTC_INSTALL, 'the Rust example page in the real worker'))(
  'the Rust example page (wasm-pages/examples/rust-hello) in the real worker',
  () => {
    beforeAll(async () => {
      const bytes = rustHelloBytes();
      worker = await startWasmWorldWorker();
      await worker.api.connect(Comlink.proxy((message: WasmWorldMessage) => void inbox.push(message)));
      const loaded = await worker.api.load(PAGE, Comlink.transfer(bytes, [bytes.buffer]));
      expect(loaded).toEqual({ ok: true, page: PAGE });
    }, 120_000);
    afterAll(async () => {
      await worker?.terminate();
    });

    it('is listed in the manifest as a module of ABI 1 whose digest matches its bytes', () => {
      const manifest = WasmManifestSchema.check(
        JSON.parse(readFileSync(join(ROOT, 'dist/wasm/manifest.json'), 'utf8')),
      );
      if (!manifest.ok) throw new Error(manifest.issue.message);
      const entry = manifest.value.modules[MODULE_ID];
      expect(entry).toMatchObject({ kind: 'example', abiVersion: 1 });
      const bytes = rustHelloBytes();
      expect(entry?.size).toBe(bytes.length);
      expect(entry?.sha256).toBe(createHash('sha256').update(bytes).digest('hex'));
    });

    it('draws its scene, asks for /api/profiles and shows the names the backend answered', async () => {
      const page = await mountRustHello();
      const { profiles } = await fetchFromBackend('/api/profiles', ProfilesResponseSchema);
      expect(profiles.length).toBeGreaterThan(0);
      expect(page.ofType('data.request').map((message) => message.path)).toEqual(['/api/profiles']);
      expect(page.texts()).toEqual([
        'Hello from Rust',
        'A Ficus page in Rust with no crates, speaking wasm-pages/ABI.md',
        'Add one',
        'Reload',
        'Back',
        'Focused: nothing yet',
        'Pressed 0 times',
        `Profiles: ${profiles.map((profile) => profile.name).join(', ')}`,
      ]);
      expect(collectFocusables(page.store, 'wasm').map((focusable) => focusable.key)).toEqual([
        'hello:add-one',
        'hello:reload',
        'hello:back',
      ]);
      // Every node is under the container the world made for the page.
      expect(page.store.get('wasm', page.mounted.rootId)?.children).toHaveLength(1);
      expect(page.ofType('log').map(({ level, message }) => ({ level, message }))).toEqual([
        { level: 'info', message: 'rust-hello mounted' },
      ]);
      expect(page.ofType('crashed')).toEqual([]);
      await page.unmount();
    });

    it('restyles the focused button and names it; blur restores the one focus left', async () => {
      const page = await mountRustHello();
      expect(page.focus.focusInitial()).toBe(true);
      await page.move('right'); // delivers blur + focus for the move as well as the first focus
      expect(page.focus.focused?.focusKey).toBe('hello:reload');
      expect(page.node('hello:reload').props.backgroundColor).toBe('#f0c020');
      expect(page.node('hello:add-one').props.backgroundColor).toBe('#22303c');
      expect(page.line('Focused:')).toBe('Focused: Reload');
      await page.move('left');
      expect(page.node('hello:add-one').props.backgroundColor).toBe('#f0c020');
      expect(page.node('hello:reload').props.backgroundColor).toBe('#22303c');
      expect(page.line('Focused:')).toBe('Focused: Add one');
      await page.unmount();
    });

    it('counts presses of "Add one" and asks the router to go back on "Back"', async () => {
      const page = await mountRustHello();
      expect(page.focus.focusInitial()).toBe(true);
      await page.select();
      expect(page.line('Pressed')).toBe('Pressed 1 time');
      await page.select();
      expect(page.line('Pressed')).toBe('Pressed 2 times');
      expect(page.ofType('back')).toEqual([]);
      await page.move('right');
      await page.move('right');
      expect(page.focus.focused?.focusKey).toBe('hello:back');
      await page.select();
      expect(page.ofType('back')).toEqual([{ type: 'back' }]);
      expect(page.ofType('crashed')).toEqual([]);
      await page.unmount();
    });

    it('shows a failed load with its status and error, and "Reload" loads again once the backend heals', async () => {
      backend.fail('profiles', { kind: 'status', status: 500 }, { times: 1 });
      const page = await mountRustHello();
      const failed = page.line('Could not load profiles');
      expect(failed).toMatch(/^Could not load profiles \(HTTP 500\): \S/);
      const warnings = page.ofType('log').filter((message) => message.level === 'warn');
      expect(warnings.map((message) => message.message)).toEqual([
        `/api/profiles failed: ${failed?.replace('Could not load profiles (HTTP 500): ', '')}`,
      ]);
      expect(page.focus.focusInitial()).toBe(true);
      await page.move('right');
      await page.select();
      expect(page.ofType('data.request')).toHaveLength(2);
      expect(page.line('Profiles:')).toMatch(/^Profiles: \S/);
      expect(page.line('Could not load')).toBeUndefined();
      await page.unmount();
    });
  },
);

describe('the Rust example page source', () => {
  it('uses the prop codes bridge/props.ts declares (scene.rs lists them by hand)', () => {
    const source = readFileSync(join(EXAMPLE_DIR, 'scene.rs'), 'utf8');
    const declared = Object.fromEntries(
      [...source.matchAll(/pub const ([A-Z_]+): u8 = (\d+);/g)].map(([, name = '', code = '']) => [
        name.toLowerCase().replaceAll('_', ''),
        Number(code),
      ]),
    );
    const expected = Object.fromEntries(
      Object.entries(PROPS).map(([name, spec]) => [name.toLowerCase(), spec.code]),
    );
    expect(declared).toEqual(expected);
  });
});
