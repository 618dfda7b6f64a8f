import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../../../../host/mock-backend/settings-store.ts';
import { ExampleHost } from './abi-host.ts';

// SDK example "writes": sendData's messages (ABI v2 data.request with method and body) and how
// the page uses the answers. The answers here are written by hand; abi-versions.test.ts runs the
// same example against the real host code and backend.

const settingsBody = { settings: DEFAULT_SETTINGS.map((setting) => ({ ...setting })) };

async function shown() {
  const host = await ExampleHost.mount('writes');
  host.event({ type: 'data', requestId: 1, ok: true, status: 200, body: settingsBody });
  host.frame(16);
  host.focusInitial();
  return host;
}

describe('SDK example "writes" (sendData)', () => {
  it('reads with requestData and POSTs one telemetry event at mount, its body a value', async () => {
    const host = await ExampleHost.load('writes');
    const { messages } = host.mount();
    expect(messages).toEqual([
      { type: 'data.request', requestId: 1, path: '/api/settings' },
      {
        type: 'data.request',
        requestId: 2,
        method: 'POST',
        path: '/api/telemetry',
        body: { events: [{ name: 'example.writes.shown', at: expect.any(Number) }] },
      },
    ]);
    host.event({ type: 'data', requestId: 2, ok: true, status: 204, body: null });
    host.frame(16);
    expect(host.texts()).toEqual(['telemetry: sent (204)']);
  });

  it('flips the setting at once and PUTs it; the answer (the updated setting) confirms it', async () => {
    const host = await shown();
    expect(host.texts()).toEqual(['Loading settings…', 'Subtitles', 'Off']);
    const selected = host.select();
    expect(selected.messages).toEqual([
      {
        type: 'data.request',
        requestId: 3,
        method: 'PUT',
        path: '/api/settings/subtitles',
        body: { value: true },
      },
    ]);
    host.frame(32);
    expect(host.texts()).toEqual(['Loading settings…', 'Subtitles', 'On']);
    const saved = { id: 'subtitles', label: 'Subtitles', value: true };
    host.event({ type: 'data', requestId: 3, ok: true, status: 200, body: saved });
    host.frame(48);
    expect(host.texts()).toEqual(['saved: Subtitles is On', 'Subtitles', 'On']);
  });

  it('flips back when the save fails, saying why; only the latest save decides', async () => {
    const host = await shown();
    host.select(); // On, request 3
    host.select(); // Off again, request 4
    host.frame(32);
    host.event({ type: 'data', requestId: 3, ok: false, status: 500, error: 'HTTP 500' }); // superseded
    host.frame(48);
    expect(host.texts()).toEqual(['Loading settings…', 'Subtitles', 'Off']);
    host.event({ type: 'data', requestId: 4, ok: false, status: 0, error: 'network down' });
    host.frame(64);
    expect(host.texts()).toEqual(['could not save Subtitles (0): network down', 'Subtitles', 'On']);
  });
});
