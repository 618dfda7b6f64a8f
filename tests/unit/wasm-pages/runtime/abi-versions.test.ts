import { describe, expect, it } from 'vitest';
import { walkAttached } from '../../../../host/scene/geometry.ts';
import { setupMockBackend } from '../../../support/backend-harness.ts';
import { createWasmHarness, type WasmHarness } from '../../../support/wasm-harness.ts';

// The world runs pages of both ABI versions (bridge/wasm-abi.ts SUPPORTED_ABI_VERSIONS): a module
// built for version 1 (devices keep old bundles) mounts and reads as before, and is held to
// version 1; a version-2 page writes through the host, checked against bridge/api, and the
// backend (msw) holds what it saved. Real compiled modules, real @wasmer/wasi, real host code.

const backend = setupMockBackend();

function texts(harness: WasmHarness): string[] {
  const found: string[] = [];
  walkAttached(harness.store, 'wasm', (node) => {
    if (node.kind === 'text' && node.props.text !== undefined) found.push(node.props.text);
  });
  return found;
}

function walkAttachedCount(harness: WasmHarness): number {
  let count = 0;
  walkAttached(harness.store, 'wasm', () => {
    count++;
  });
  return count;
}

const subtitles = () => backend.settings().find((setting) => setting.id === 'subtitles')?.value;

describe('a page of ABI version 1', () => {
  it('still mounts, and its data request (no method: a GET) is answered from the backend', async () => {
    const h = await createWasmHarness(['fixture-ok-page']);
    h.mount('fixture-ok-page');
    expect(h.messages.filter((m) => m.type === 'data.request')).toEqual([
      {
        type: 'data.request',
        page: 'fixture-ok-page',
        key: 'entry-fixture-ok-page',
        requestId: 1,
        path: '/api/profiles',
      },
    ]);
    await h.settle();
    expect(texts(h)).toEqual(['loaded']);
    expect(h.crashes()).toEqual([]);
  });

  it('is held to version 1: a write from it crashes the page, saying writes need version 2, and nothing is sent', async () => {
    const h = await createWasmHarness(['fixture-v1-sends-method']);
    const before = subtitles();
    const result = h.world.mount('k1', 'fixture-v1-sends-method', {});
    expect(result).toMatchObject({ status: 'crashed', crash: { phase: 'mount' } });
    if (result.status === 'crashed')
      expect(result.crash.message).toBe(
        'page "fixture-v1-sends-method" emitted a message the world refuses, at .method: unknown field ' +
          '(expected only type, requestId, path), which a page of ABI version 1 (what its ficus_abi_version ' +
          'returns) does not send: writes need version 2: see wasm-pages/ABI.md section 7',
      );
    await h.settle();
    expect(h.messages.filter((m) => m.type === 'data.request')).toEqual([]);
    expect(subtitles()).toBe(before);
  });
});

describe('a page of ABI version 2 that animates', () => {
  it('is held to version 2: setting a motion prop crashes the page, naming the prop and version 3', async () => {
    const h = await createWasmHarness(['fixture-v2-animates']);
    const before = walkAttachedCount(h);
    const result = h.world.mount('k1', 'fixture-v2-animates', {});
    expect(result).toMatchObject({ status: 'crashed', crash: { phase: 'mount' } });
    if (result.status === 'crashed')
      expect(result.crash.message).toMatch(
        /^page "fixture-v2-animates" set scale \(op 1, node \d+\), a prop of page ABI version 3, but its ficus_abi_version returns 2: return 3 or more \(the SDK does\), or leave the prop out; see wasm-pages\/ABI.md section 5$/,
      );
    expect(walkAttachedCount(h)).toBe(before); // the batch never applied
  });
});

describe('a page of ABI version 2 (SDK example "writes")', () => {
  async function mounted() {
    const h = await createWasmHarness(['example-writes']);
    h.mount('example-writes');
    await h.settle();
    h.focus.focusInitial();
    return h;
  }

  it('POSTs telemetry (204: an ok answer with a null body) and saves a toggle with PUT, read back from the backend', async () => {
    const h = await mounted();
    const start = subtitles();
    expect(backend.telemetryEvents().map((event) => event.name)).toContain('example.writes.shown');
    expect(texts(h)).toEqual(['telemetry: sent (204)', 'Subtitles', start ? 'On' : 'Off']);
    h.select();
    expect(texts(h)).toContain(start ? 'Off' : 'On'); // flipped at once, before the answer
    await h.settle();
    expect(subtitles()).toBe(!start);
    expect(texts(h)).toEqual([
      `saved: Subtitles is ${start ? 'Off' : 'On'}`,
      'Subtitles',
      start ? 'Off' : 'On',
    ]);
    const puts = h.messages.filter((m) => m.type === 'data.request' && m.method === 'PUT');
    expect(puts).toEqual([
      expect.objectContaining({ method: 'PUT', path: '/api/settings/subtitles', body: { value: !start } }),
    ]);
  });

  it('rolls a failed save back (the next PUT to settings fails with 500) while reading still works', async () => {
    backend.fail('settings', { kind: 'status', status: 500 }, { times: 1, method: 'PUT' });
    const h = await mounted();
    const start = subtitles();
    expect(texts(h)).toContain(start ? 'On' : 'Off'); // the GET was not failed
    h.select();
    await h.settle();
    expect(subtitles()).toBe(start);
    expect(texts(h)).toEqual([
      'could not save Subtitles (500): PUT http://ficus.test/api/settings/subtitles answered HTTP 500',
      'Subtitles',
      start ? 'On' : 'Off',
    ]);
    h.select(); // the failure healed after one PUT
    await h.settle();
    expect(subtitles()).toBe(!start);
  });
});
