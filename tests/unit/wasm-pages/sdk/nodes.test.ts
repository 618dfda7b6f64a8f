import { describe, expect, it } from 'vitest';
import { CONTRACT_VERSION, PROPS, type SceneOp } from '../../../../bridge/index.ts';
import { BATCH_MAGIC } from '../../../../bridge/scene-codec/format.ts';
import { ExampleHost, IDS } from './abi-host.ts';
import { readBatchLayout } from './batch-layout.ts';

const SCENE = [
  'view #0',
  '  view #1 height=1080 width=1920',
  '    view #2 backgroundColor="#0d1117" height=1080 width=1920 x=0 y=0',
  '      text #3 color="#ffffff" fontSize=48 fontWeight="bold" height=60 text="Scene nodes" width=1200 x=80 y=40',
  '      view #4 backgroundColor="#2b3a55" borderColor="#88aaff" borderRadius=16 borderWidth=2 clip=true focusKey="nodes:card" height=360 width=640 x=80 y=140',
  '        image #5 fit="cover" height=240 src="https://example.com/poster.jpg" width=640 x=0 y=0',
  '        text #6 color="#dddddd" fontSize=26 height=80 maxLines=2 text="A long synopsis that wraps over at most two lines and then ends with an ellipsis" textAlign="left" width=600 x=20 y=256',
  '        view #7 backgroundColor="#ffcc00" borderRadius=8 height=40 width=84 x=540 y=16',
  '          text #8 color="#000000" fontSize=22 fontWeight="bold" height=28 text="HD" textAlign="center" width=84 x=0 y=6',
  '      view #9 backgroundColor="#ff6b6b" height=60 opacity=0.5 width=160 x=600 y=120 zIndex=2',
  '        text #10 color="#ffffff" fontSize=28 height=36 text="NEW" textAlign="center" width=160 x=0 y=12',
  '      text #11 color="#aaaaaa" fontSize=24 height=40 text="Caption" width=400 x=80 y=520',
  '      view #12 backgroundColor="#333333" height=80 visible=false width=200 x=80 y=540',
].join('\n');

const opNames = (ops: readonly SceneOp[]) => ops.map((op) => op.op);

describe('SDK example "nodes" (views, text, images, props, tree ops)', () => {
  it('sends its whole first scene as one batch from ficus_mount, which the scene store applies', async () => {
    const host = await ExampleHost.load('nodes');
    const mounted = host.mount();
    expect(mounted.batches).toHaveLength(1);
    expect(host.snapshot()).toBe(SCENE);
  });

  it('numbers its nodes from firstId and attaches the top node to rootId', async () => {
    const host = await ExampleHost.mount('nodes');
    const ops = host.batches[0]?.ops ?? [];
    const created = ops.flatMap((op) => (op.op === 'create' ? [op.id] : []));
    expect(created[0]).toBe(IDS.firstId);
    expect(created).toEqual(created.map((_, i) => IDS.firstId + i));
    expect(ops).toContainEqual({ op: 'append', parent: IDS.rootId, child: IDS.firstId });
  });

  it('writes the exact batch layout: header, a deduplicated string table, i32 and f64 tags', async () => {
    const host = await ExampleHost.mount('nodes');
    const bytes = host.batches[0]?.bytes ?? new Uint8Array();
    const layout = readBatchLayout(bytes);
    expect(layout.magic).toBe(BATCH_MAGIC);
    expect(layout.version).toBe(CONTRACT_VERSION);
    expect(layout.flags).toBe(0);
    expect(layout.opCount).toBe(host.batches[0]?.ops.length);
    // "#ffffff" is used by two text nodes, "center" by two: each is in the table once.
    expect(new Set(layout.strings).size).toBe(layout.strings.length);
    expect(layout.strings.filter((s) => s === '#ffffff')).toHaveLength(1);
    expect(layout.strings).toContain('center');
    const tagOf = (code: number, id: number) =>
      layout.setProps.find((p) => p.prop === code && p.id === id)?.tag;
    expect(tagOf(PROPS.x.code, IDS.firstId)).toBe(0x03); // 0 → i32
    expect(tagOf(PROPS.width.code, IDS.firstId)).toBe(0x03); // 1920 → i32
    expect(layout.setProps.find((p) => p.prop === PROPS.opacity.code)?.tag).toBe(0x04); // 0.5 → f64
    expect(layout.setProps.find((p) => p.prop === PROPS.clip.code)?.tag).toBe(0x02); // true
    expect(layout.setProps.find((p) => p.prop === PROPS.visible.code)?.tag).toBe(0x01); // false
    expect(layout.setProps.find((p) => p.prop === PROPS.text.code)?.tag).toBe(0x05); // string index
  });

  it('a node made and removed in the same mount leaves nothing behind', async () => {
    const host = await ExampleHost.mount('nodes');
    const ops = host.batches[0]?.ops ?? [];
    const removed = ops.flatMap((op) => (op.op === 'remove' ? [op.id] : []));
    expect(removed).toHaveLength(1);
    // No prop of the removed node is sent: it would name a node the host no longer has.
    expect(ops.filter((op) => op.op === 'setProp' && op.id === removed[0])).toEqual([]);
    expect(host.store.get('wasm', removed[0] ?? -1)).toBeUndefined();
  });

  it('uses insertBefore to put the caption in front of the hidden view', async () => {
    const host = await ExampleHost.mount('nodes');
    expect(opNames(host.batches[0]?.ops ?? [])).toContain('insertBefore');
    expect(host.texts().at(-1)).toBe('Caption');
  });

  it('changes made in an event wait for the next frame, and go out as one batch', async () => {
    const host = await ExampleHost.mount('nodes');
    host.focusInitial();
    const selected = host.select();
    expect(selected.batches).toEqual([]);
    const frame = host.frame(16);
    expect(frame.batches).toHaveLength(1);
    const ops = frame.batches[0]?.ops ?? [];
    const card = host.nodeByFocusKey('nodes:card').id;
    // The badge's subtree goes with one remove; the card's border is cleared (null) and narrowed.
    expect(ops).toEqual([
      { op: 'remove', id: IDS.firstId + 10 },
      { op: 'setProp', id: card, name: 'borderColor', value: null },
      { op: 'setProp', id: card, name: 'borderWidth', value: 0 },
    ]);
    expect(host.snapshot()).not.toContain('"HD"');
    expect(host.snapshot()).not.toContain('borderColor="#88aaff"');
  });

  it('selecting again brings the badge back with new ids (removed ids are never reused)', async () => {
    const host = await ExampleHost.mount('nodes');
    host.focusInitial();
    host.select();
    host.frame(16);
    host.select();
    const ops = host.frame(32).batches[0]?.ops ?? [];
    const created = ops.flatMap((op) => (op.op === 'create' ? [op.id] : []));
    expect(created).toEqual([IDS.firstId + 12, IDS.firstId + 13]);
    expect(host.snapshot()).toBe(SCENE);
  });

  it('emits no batch for a frame when nothing changed', async () => {
    const host = await ExampleHost.mount('nodes');
    for (let t = 0; t < 10; t++) expect(host.frame(t * 16).batches).toEqual([]);
    expect(host.batches).toHaveLength(1);
  });

  it('a prop set back to the value the host has, before the frame, costs nothing', async () => {
    const host = await ExampleHost.mount('nodes');
    host.focusInitial();
    host.select(); // badge off, border cleared
    host.select(); // badge on again, border restored to the same values
    const ops = host.frame(16).batches[0]?.ops ?? [];
    // Only the badge's replacement: the card's borderColor/borderWidth did not change in the end.
    expect(ops.filter((op) => op.op === 'setProp' && op.id === host.nodeByFocusKey('nodes:card').id)).toEqual(
      [],
    );
    expect(opNames(ops).slice(0, 2)).toEqual(['remove', 'create']);
    expect(host.snapshot()).toBe(SCENE);
  });
});
