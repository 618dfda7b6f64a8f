import { describe, expect, it } from 'vitest';
import { MOCK_PROFILES } from '../../../../host/mock-backend/profiles.ts';
import { ExampleHost } from './abi-host.ts';

const profilesBody = { profiles: MOCK_PROFILES.map((p) => ({ ...p })) };

describe('SDK example "deferred-data" (placeholder, then data from requestData)', () => {
  it('shows a placeholder and asks for /api/profiles at mount', async () => {
    const host = await ExampleHost.load('deferred-data');
    const mounted = host.mount();
    expect(mounted.messages).toEqual([{ type: 'data.request', requestId: 1, path: '/api/profiles' }]);
    expect(host.texts()).toEqual(["Who's watching?", 'Loading profiles…']);
  });

  it('replaces the placeholder with one card per profile when the data event comes', async () => {
    const host = await ExampleHost.mount('deferred-data');
    const placeholder = host.textNode('Loading profiles…');
    const answered = host.event({ type: 'data', requestId: 1, ok: true, status: 200, body: profilesBody });
    expect(answered.batches).toEqual([]);
    const frame = host.frame(16);
    expect(frame.batches).toHaveLength(1);
    expect(host.texts()).toEqual(["Who's watching?", 'Alex', 'Sam', 'Jordan', 'Kids']);
    expect(placeholder !== undefined && host.store.get('wasm', placeholder.id)).toBe(undefined);
    expect(host.nodeByFocusKey('profile:p2').props.backgroundColor).toBe('#4a90e2');
    expect(host.snapshot()).toBe(
      [
        'view #0',
        '  view #1 height=1080 width=1920',
        '    view #2 backgroundColor="#0d1117" height=1080 width=1920 x=0 y=0',
        '      text #3 color="#ffffff" fontSize=48 height=60 text="Who\'s watching?" width=1200 x=80 y=40',
        '      view #4 focusGroup=true height=320 width=1760 x=80 y=160',
        ...MOCK_PROFILES.flatMap((p, i) => [
          `        view #${5 + 2 * i} backgroundColor="${p.avatarColor}" borderRadius=20 focusKey="profile:${p.id}" height=300 width=260 x=${i * 300} y=0`,
          `          text #${6 + 2 * i} color="#ffffff" fontSize=28 height=40 text="${p.name}" textAlign="center" width=260 x=0 y=240`,
        ]),
      ].join('\n'),
    );
  });

  it('a card navigates to its profile (the handler reads the focus key)', async () => {
    const host = await ExampleHost.mount('deferred-data');
    host.event({ type: 'data', requestId: 1, ok: true, status: 200, body: profilesBody });
    host.frame(16);
    host.focusInitial();
    host.press('right');
    expect(host.select().messages).toEqual([
      { type: 'navigate', route: 'collections', params: { profile: 'p2' } },
    ]);
  });

  it('a failed request shows the error and a Retry that asks again', async () => {
    const host = await ExampleHost.mount('deferred-data');
    host.event({ type: 'data', requestId: 1, ok: false, status: 500, error: 'HTTP 500 from /api/profiles' });
    host.frame(16);
    expect(host.texts()).toContain('Could not load profiles: HTTP 500 from /api/profiles');
    host.focusInitial();
    expect(host.focus.focused?.focusKey).toBe('error-retry');
    const retried = host.select();
    expect(retried.messages).toEqual([{ type: 'data.request', requestId: 2, path: '/api/profiles' }]);
    host.frame(32);
    expect(host.texts()).toEqual(["Who's watching?", 'Loading profiles…']);
    host.event({ type: 'data', requestId: 2, ok: true, status: 200, body: profilesBody });
    host.frame(48);
    expect(host.texts()).toHaveLength(5);
  });

  it('answers to unknown or already answered request ids are ignored', async () => {
    const host = await ExampleHost.mount('deferred-data');
    host.event({ type: 'data', requestId: 7, ok: true, status: 200, body: profilesBody });
    expect(host.frame(16).batches).toEqual([]);
    host.event({ type: 'data', requestId: 1, ok: true, status: 200, body: profilesBody });
    host.frame(32);
    host.event({ type: 'data', requestId: 1, ok: true, status: 200, body: { profiles: [] } });
    expect(host.frame(48).batches).toEqual([]);
    expect(host.texts()).toHaveLength(5);
  });

  it('reads any UTF-8 text from the data and writes it back unchanged', async () => {
    const host = await ExampleHost.mount('deferred-data');
    const names = ['Zoë', 'Ånäïs 北京', 'Emoji 🎬🍿', 'Quote "q" \\ slash'];
    const profiles = names.map((name, i) => ({ id: `p${i}`, name, avatarColor: '#123456', isKids: i === 3 }));
    host.event({ type: 'data', requestId: 1, ok: true, status: 200, body: { profiles } });
    host.frame(16);
    expect(host.texts().slice(1)).toEqual(names);
  });

  it('a large answer (hundreds of cards) still goes out as one batch that applies', async () => {
    const host = await ExampleHost.mount('deferred-data');
    const profiles = Array.from({ length: 300 }, (_, i) => ({
      id: `p${i}`,
      name: `Viewer number ${i}`,
      avatarColor: i % 2 === 0 ? '#e8b04a' : '#4a90e2',
      isKids: false,
    }));
    host.event({ type: 'data', requestId: 1, ok: true, status: 200, body: { profiles } });
    const frame = host.frame(16);
    expect(frame.batches).toHaveLength(1);
    expect(host.texts()).toHaveLength(301);
    expect(host.nodeByFocusKey('profile:p299').props.x).toBe(299 * 300);
  });

  it('a mistake in the page crashes it with a message naming the node and the prop', async () => {
    const host = await ExampleHost.mount('deferred-data');
    const profiles = [{ id: 'p1', name: 'Alex', avatarColor: 'red', isKids: false }];
    expect(() =>
      host.event({ type: 'data', requestId: 1, ok: true, status: 200, body: { profiles } }),
    ).toThrow(/node \d+ \(view\): backgroundColor "red" is not a color like #1a2b3c/);
  });
});
