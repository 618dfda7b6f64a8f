import { describe, expect, it } from 'vitest';
import { ExampleHost } from './abi-host.ts';

describe('SDK example "api-tour" (values, prop readers, focus queries, cancel, timer count)', () => {
  it('builds and reads values, reads props back, cancels a request and a timer', async () => {
    const host = await ExampleHost.load('api-tour');
    const mounted = host.mount('tour', { a: '1', b: 'two' });
    // The request was sent before it was cancelled; its answer will be ignored.
    expect(mounted.messages).toEqual([{ type: 'data.request', requestId: 1, path: '/api/profiles' }]);
    expect(host.texts()).toEqual([
      'params {"a":"1","b":"two"}, has a: yes',
      'built {"list":[1.5,true,null],"n":42,"b":false,"s":"x\\"y"} keys list,s kinds 4 array n=42 missing=fallback',
      'params2 {"id":"t1","from":"home"} bool ok',
      'props fontSize=20 text=probe clip=default hasColor=yes kind=text byId=same',
      'cancel request 1: yes, pending 0',
      'nodes 8, kind 5, page registered',
    ]);
    host.event({ type: 'data', requestId: 1, ok: true, status: 200, body: { profiles: [] } });
    expect(host.frame(0).batches).toEqual([]);
  });

  it('the remaining timeout fires once, 100 ms after the first frame', async () => {
    const host = await ExampleHost.mount('api-tour');
    host.frame(1000);
    expect(host.frame(1099).batches).toEqual([]);
    expect(host.frame(1100).batches).toHaveLength(1);
    expect(host.texts().at(-1)).toBe('timer at 1100, timers left 0');
    expect(host.frame(5000).batches).toEqual([]);
  });

  it('tracks focus, arrows, history and per-node blur', async () => {
    const host = await ExampleHost.mount('api-tour');
    host.focusInitial();
    host.press('up');
    host.event({
      type: 'history',
      entries: [{ key: 'k1', route: 'profiles', params: {}, world: 'legacy', focusKey: null }],
      index: 0,
    });
    host.focus.blur();
    host.press('left'); // nothing focused: an arrow starts focus again
    host.frame(16);
    expect(host.texts().slice(6)).toEqual([
      'focus tour:button: isFocused yes',
      'arrow up',
      'history 1 at 0',
      'blur tour:button, focused now ""',
      'focus tour:button: isFocused yes',
    ]);
  });
});
