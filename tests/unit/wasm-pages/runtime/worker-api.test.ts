import { beforeAll, describe, expect, it } from 'vitest';
import { createWasmWorldApi } from '../../../../wasm-pages/runtime/worker-api.ts';
import { fixtureWasm } from './fixture-wasm.ts';
import { WorldRecorder } from './world-recorder.ts';

// The API object the worker exposes, called in-process: what comlink would call.

let okPage: Uint8Array;
beforeAll(async () => {
  okPage = await fixtureWasm('ok-page');
}, 120_000);

describe('createWasmWorldApi', () => {
  it('keeps what was sent before connect and hands it over, in order, on connect', async () => {
    const api = createWasmWorldApi();
    await api.load('ok-page', okPage);
    await api.mount('entry-1', 'ok-page', {});
    const recorder = new WorldRecorder();
    await api.connect(recorder.listener);
    expect(recorder.messages.map((message) => message.type)).toEqual([
      'log',
      'data.request',
      'log',
      'scene.batch',
    ]);
  });

  it('resolves a call only after its messages reached the listener', async () => {
    const api = createWasmWorldApi();
    const recorder = new WorldRecorder();
    await api.connect(async (message) => {
      await new Promise((done) => setTimeout(done, 1)); // a slow host
      recorder.listener(message);
    });
    await api.load('ok-page', okPage);
    await api.mount('entry-1', 'ok-page', {});
    // The mount's first scene was sent during the call; the slow host has it when mount resolves.
    expect(recorder.ofType('scene.batch')).toHaveLength(1);
  });

  it('passes errors of host mistakes to the caller', async () => {
    const api = createWasmWorldApi();
    await expect(api.mount('entry-1', 'never-loaded', {})).rejects.toThrow(/is not loaded/);
    await expect(api.load('Not A Route', okPage)).rejects.toThrow(/is not a route name/);
  });
});
