// The page's side of its scene: node ids, the nodes it still knows, and the one batch of ops that
// collects every change until the next flush (ABI.md section 5).
import { BatchWriter } from "./batch-writer";
import { Node } from "./node";
import { NodeKind } from "./props";

/** The ids a page may create: firstId .. firstId + 0x00FFFFFF (ABI.md section 5). */
const ID_SPAN: u32 = 0x01000000;

export const batch = new BatchWriter();

let rootNode: Node | null = null;
let nextId: u32 = 0;
let created: u32 = 0;
/** Every node the page created and has not removed, by id. */
const nodes = new Map<u32, Node>();
/** Nodes with props that may differ from what the host has, in the order they changed. */
const dirty: Node[] = [];

/** Called by the SDK with the mount input, before `Page.mount`. */
export function beginScene(rootId: u32, firstId: u32): void {
  rootNode = Node.makeRoot(rootId);
  nextId = firstId;
  created = 0;
}

export function isSceneReady(): bool {
  return rootNode !== null;
}

/**
 * The page's container node (made by the host, 1920×1080): append your top-level nodes to it.
 * It takes children only; its props belong to the host.
 */
export function root(): Node {
  const node = rootNode;
  if (node === null) throw new Error("root(): the page is not mounted yet; build the scene in mount() or later");
  return node;
}

/** A fresh node id for a create op. */
export function allocateId(kind: NodeKind): u32 {
  if (rootNode === null)
    throw new Error("cannot create a node before mount: build the scene in Page.mount() or later");
  if (created >= ID_SPAN) throw new Error("the page used up its 16777216 node ids (ids are never reused)");
  const id = nextId;
  nextId++;
  created++;
  batch.create(id, <u8>kind);
  return id;
}

export function registerNode(node: Node): void {
  nodes.set(node.id, node);
}

export function forgetNode(node: Node): void {
  nodes.delete(node.id);
}

/** The live node with this id (e.g. the target of a focus event), or null. */
export function nodeById(id: u32): Node | null {
  return nodes.has(id) ? nodes.get(id) : null;
}

/** How many nodes the page currently has (created and not removed). */
export function nodeCount(): i32 {
  return nodes.size;
}

export function markDirty(node: Node): void {
  dirty.push(node);
}

/**
 * Emits everything that changed since the last flush as ONE batch: the structural ops in the
 * order they were made, then each changed prop once with its latest value (a prop set back to
 * what the host already has costs nothing). Returns whether a batch went out.
 */
export function flushScene(): bool {
  for (let i = 0; i < dirty.length; i++) unchecked(dirty[i]).writeChangedProps(batch);
  dirty.length = 0;
  return batch.flush();
}
